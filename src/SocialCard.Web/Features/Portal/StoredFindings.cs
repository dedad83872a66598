using System.Text.Json;
using System.Text.Json.Serialization;
using SocialCard.Platform.Domain;

namespace SocialCard.Web.Features.Portal;

/// <summary>Reads the findings the pre-review job stored on a photo (Platform's JSON: camelCase, enums as text).</summary>
public static class StoredFindings
{
    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static IReadOnlyList<PhotoFinding> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<PhotoFinding>>(json, s_options) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    public static string Serialize(IReadOnlyList<PhotoFinding> findings) => JsonSerializer.Serialize(findings, s_options);
}
