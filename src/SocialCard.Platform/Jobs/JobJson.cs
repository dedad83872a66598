using System.Text.Json;
using System.Text.Encodings.Web;
using System.Text.Json.Serialization;

namespace SocialCard.Platform.Jobs;

/// <summary>One JSON setting for payloads and stored reports (camelCase, enums as text, CJK kept readable).</summary>
internal static class JobJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Empty payload for {typeof(T).Name}.");
}
