using System.Text.Json;
using SocialCard.Faces.Tests.TestUtilities;

namespace SocialCard.Faces.Tests.Models;

/// <summary>
/// The selfie segmentation forward pass against tfjs 4.22.0 (cpu backend) on the same pixels
/// (tools/segment-reference/make-fixtures.js): the person probability on a 64x64 grid of the 256x256 output, and the
/// mean of the whole map, within 1e-3 (the kernels' vector paths are checked against their scalar ones in KernelTests).
/// </summary>
public sealed class SelfieExactnessTests
{
    private const double ProbabilityTolerance = 1e-3;

    public static TheoryData<string> Photos()
    {
        using JsonDocument index = JsonDocument.Parse(File.ReadAllText(Path.Combine(SelfieData, "index.json")));
        var data = new TheoryData<string>();
        foreach (JsonElement e in index.RootElement.GetProperty("photos").EnumerateArray())
        {
            data.Add(e.GetString()!);
        }

        return data;
    }

    private static string SelfieData => Path.Combine(TestPaths.RepoRoot, "tests", "SocialCard.Faces.Tests", "Data", "SelfieReference");

    [Theory]
    [MemberData(nameof(Photos))]
    public void Probability_matches_tfjs(string name) => Compare(name);

    private static void Compare(string name)
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(SelfieData, name + ".json")));
        JsonElement root = doc.RootElement;
        var image = ReferenceFixture.Load(name).LoadImage();
        PersonMask mask = new SelfieSegmenter(SharedSelfieModel.Model).Segment(image);
        Assert.Equal(256, mask.Size);
        int grid = root.GetProperty("grid").GetInt32();
        float[] expected = ReferenceFixture.Floats(root.GetProperty("values"));
        var err = new MaxError();
        int n = 0;
        for (int r = 1; r < mask.Size; r += grid)
        {
            for (int c = 1; c < mask.Size; c += grid)
            {
                err.Add(expected[n++], mask.Probability[(r * mask.Size) + c], $"({c},{r})");
            }
        }

        Assert.Equal(expected.Length, n);
        Assert.True(err.Value <= ProbabilityTolerance, $"{name}: {err}");
        double mean = mask.Probability.ToArray().Average(p => (double)p);
        Assert.InRange(mean, root.GetProperty("mean").GetDouble() - ProbabilityTolerance, root.GetProperty("mean").GetDouble() + ProbabilityTolerance);

        // The network saw a person: the map is neither empty nor full.
        Assert.InRange(mean, 0.05, 0.95);
    }
}
