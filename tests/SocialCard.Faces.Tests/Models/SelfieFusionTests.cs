using SocialCard.Faces.Kernels;
using SocialCard.Faces.Models.SelfieSegmentation;
using SocialCard.Faces.Tests.TestUtilities;

namespace SocialCard.Faces.Tests.Models;

/// <summary>The segmentation graph with its element-wise chains fused (<see cref="GraphFusion"/>) and the element-wise
/// steps around its 1x1 convolutions run block by block with them (<see cref="GraphChunking"/>) gives the unfused graph's
/// output bit for bit on a real photo, and both really took place.</summary>
public sealed class SelfieFusionTests
{
    [Fact]
    public void Fused_graph_output_is_bit_identical_to_the_unfused_graph()
    {
        SelfieGraph fused = SharedSelfieModel.Model.Graph;
        SelfieGraph plain = SelfieGraph.Load(Path.Combine(SharedSelfieModel.Directory, SelfieGraph.FolderName), null, fuse: false);
        Assert.Contains(fused.Steps, s => s.Op == GraphOp.HardSwish && s.Bias.Length > 0);
        Assert.Contains(fused.Steps, s => s is { Op: GraphOp.AddPerChannel, Activation: Activation.Relu });
        Assert.Empty(fused.Steps.Where(s => s.Op is GraphOp.Relu6 or GraphOp.MultiplyScalar).Select(s => $"{s.Op} {s.Name}"));
        Assert.Contains(fused.Steps, s => s.Prologue.Any(p => p.Op == GraphOp.MultiplyPerChannel));
        Assert.Contains(fused.Steps, s => s.Epilogue.Any(p => p.Op == GraphOp.Add));
        Assert.True(fused.Steps.Count < plain.Steps.Count - 40, $"{fused.Steps.Count} fused steps of {plain.Steps.Count}");

        var image = ReferenceFixture.Load(ReferenceFixture.Names().First()).LoadImage();
        float[] a = Run(fused, image), b = Run(plain, image);
        Assert.Equal(b.Select(BitConverter.SingleToInt32Bits), a.Select(BitConverter.SingleToInt32Bits));
        Assert.InRange(a.Average(), 0.05, 0.95);
    }

    private static float[] Run(SelfieGraph graph, SocialCard.Imaging.RgbImage image)
    {
        var ws = new SelfieWorkspace(graph);
        ImageInput.Prepare(image, 0, 0, image.Width, image.Height, center: true, SelfieGraph.InputSize, 0f, 0f, 0f, ws.Values[0]);
        SelfieSegmenter.Run(graph, ws);
        return (float[])ws.Values[graph.Output].Clone();
    }
}
