using System.Text.Json;

namespace SocialCard.Faces.Weights;

/// <summary>The tfjs weights manifest: groups of bin paths, each with its weight specs in storage order (read through
/// <see cref="WeightManifestJsonContext"/>).</summary>
internal sealed class WeightManifest
{
    public required IReadOnlyList<WeightManifestGroup> Groups { get; init; }

    public static WeightManifest Parse(string json, string fileName)
    {
        WeightManifestGroup[]? groups;
        try
        {
            groups = JsonSerializer.Deserialize(json, WeightManifestJsonContext.Default.WeightManifestGroupArray);
        }
        catch (JsonException e)
        {
            ModelThrowHelper.ThrowModelFormat($"Weights manifest {fileName} is not valid JSON: {e.Message}.", e);
            return null!;
        }

        if (groups is null || groups.Length == 0)
        {
            ModelThrowHelper.ThrowModelFormat($"Weights manifest {fileName} lists no weight groups.");
        }

        foreach (WeightManifestGroup group in groups)
        {
            if (group.Paths is not { Length: > 0 } || group.Weights is not { Length: > 0 })
            {
                ModelThrowHelper.ThrowModelFormat($"Weights manifest {fileName} has a group without paths or weights.");
            }
        }

        return new WeightManifest { Groups = groups };
    }
}
