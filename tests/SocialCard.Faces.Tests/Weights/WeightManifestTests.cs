using SocialCard.Faces.Weights;

namespace SocialCard.Faces.Tests.Weights;

/// <summary>The tfjs weights manifest as the source-generated reader parses it: names in any case, quantisation, errors named.</summary>
public sealed class WeightManifestTests
{
    [Fact]
    public void Groups_paths_weights_and_quantisation_are_read_in_any_case()
    {
        const string Json = """
            [{"paths":["a.bin","b.bin"],"Weights":[
              {"name":"conv/filter","shape":[3,3,3,32],"dtype":"float32"},
              {"NAME":"conv/bias","shape":[32],"dtype":"float32","quantization":{"dtype":"uint8","scale":0.5,"min":-1.25}}]}]
            """;
        WeightManifest manifest = WeightManifest.Parse(Json, "m.json");
        WeightManifestGroup group = Assert.Single(manifest.Groups);
        Assert.Equal(["a.bin", "b.bin"], group.Paths!);
        Assert.Equal("conv/filter", group.Weights![0].Name);
        Assert.Equal([3, 3, 3, 32], group.Weights[0].Shape);
        Assert.Null(group.Weights[0].Quantization);
        Assert.Equal("conv/bias", group.Weights[1].Name);
        Assert.Equal(("uint8", 0.5, -1.25), (group.Weights[1].Quantization!.Dtype, group.Weights[1].Quantization!.Scale, group.Weights[1].Quantization!.Min));
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[]", "lists no weight groups")]
    [InlineData("""[{"paths":["a.bin"]}]""", "a group without paths or weights")]
    public void A_bad_manifest_is_a_model_format_error_naming_the_file(string json, string message)
    {
        ModelFormatException e = Assert.Throws<ModelFormatException>(() => WeightManifest.Parse(json, "m.json"));
        Assert.Contains("m.json", e.Message, StringComparison.Ordinal);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }
}
