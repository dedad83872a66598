using System.Text.Json.Serialization;

namespace SocialCard.Faces.Weights;

/// <summary>One weight: name, shape, dtype and optional uint8 or float16 quantisation.</summary>
internal sealed class WeightSpec
{
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    [JsonPropertyName("shape")]
    public int[] Shape { get; init; } = [];

    [JsonPropertyName("dtype")]
    public string Dtype { get; init; } = "";

    [JsonPropertyName("quantization")]
    public WeightQuantization? Quantization { get; init; }
}
