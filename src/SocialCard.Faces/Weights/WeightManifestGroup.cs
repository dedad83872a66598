using System.Text.Json.Serialization;

namespace SocialCard.Faces.Weights;

/// <summary>One manifest group: bin file names (joined in order) and the weights they hold.</summary>
internal sealed class WeightManifestGroup
{
    [JsonPropertyName("paths")]
    public string[]? Paths { get; init; }

    [JsonPropertyName("weights")]
    public WeightSpec[]? Weights { get; init; }
}
