using System.Text.Json.Serialization;

namespace SocialCard.Faces.Weights;

/// <summary>System.Text.Json source generation for the tfjs weights manifest (no reflection: the command line can be
/// compiled ahead of time).</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(WeightManifestGroup[]))]
internal sealed partial class WeightManifestJsonContext : JsonSerializerContext;
