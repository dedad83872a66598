using System.Text.Json.Serialization;

namespace SocialCard.Faces.Weights;

/// <summary>uint8 quantisation: <c>w = (float)(q * scale + min)</c>, computed in double; float16: the half value, widened.</summary>
internal sealed class WeightQuantization
{
    [JsonPropertyName("dtype")]
    public string Dtype { get; init; } = "";

    [JsonPropertyName("scale")]
    public double Scale { get; init; }

    [JsonPropertyName("min")]
    public double Min { get; init; }
}
