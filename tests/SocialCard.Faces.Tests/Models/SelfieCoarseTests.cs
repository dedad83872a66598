using SocialCard.Faces.Models.SelfieSegmentation;
using SocialCard.Faces.Tests.TestUtilities;

namespace SocialCard.Faces.Tests.Models;

/// <summary>
/// The selfie network at its coarse input (<see cref="SelfieSegmentationModel.CoarseInputSize"/>): the same weights, its
/// average pools global at every size, its upsampling scaled; the coarse mask tells person from background as the
/// 256 mask does on most pixels of the reference photos (at least 85 %; 90.8 % on the 2.4 MP group photo); sizes the
/// graph cannot run at are refused.
/// </summary>
public sealed class SelfieCoarseTests
{
    [Theory]
    [MemberData(nameof(SelfieExactnessTests.Photos), MemberType = typeof(SelfieExactnessTests))]
    public void The_coarse_mask_agrees_with_the_256_mask(string name)
    {
        var image = ReferenceFixture.Load(name).LoadImage();
        var segmenter = new SelfieSegmenter(SharedSelfieModel.Model);
        PersonMask fine = segmenter.Segment(image), coarse = segmenter.SegmentCoarse(image);
        Assert.Equal(SelfieSegmentationModel.CoarseInputSize, coarse.Size);
        var a = new float[image.Width * image.Height];
        var b = new float[a.Length];
        fine.Sample(a);
        coarse.Sample(b);
        int same = 0, person = 0;
        for (int i = 0; i < a.Length; i++)
        {
            same += (a[i] >= 0.5f) == (b[i] >= 0.5f) ? 1 : 0;
            person += a[i] >= 0.5f ? 1 : 0;
        }

        Assert.InRange(person, a.Length / 20, a.Length * 19 / 20);
        Assert.True(same >= a.Length * 0.85, $"{name}: {same} of {a.Length} pixels on the same side of 0.5");
    }

    [Fact]
    public void The_coarse_graph_pools_globally_and_ends_at_its_input_size()
    {
        SelfieGraph graph = SharedSelfieModel.Model.Coarse;
        Assert.Equal(SelfieSegmentationModel.CoarseInputSize, graph.Size);
        GraphStep[] pools = [.. graph.Steps.SelectMany(s => s.Epilogue.Append(s)).Select(s => s.Pool).OfType<GraphStep>()];
        Assert.NotEmpty(pools);
        Assert.All(pools, p => Assert.Equal((p.In.H, p.In.W, 1, 1), (p.Kernel, p.Kernel, p.Out.H, p.Out.W)));
        Assert.Equal((graph.Size, graph.Size), (graph.Values[graph.Output].H, graph.Values[graph.Output].W));
    }

    [Theory]
    [InlineData(100)]
    [InlineData(288)]
    public void Sizes_the_graph_cannot_run_at_are_refused(int size) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SelfieGraph.LoadSizes(SharedSelfieModel.Model.Directory, null, fuse: true, size));
}
