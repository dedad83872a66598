using SocialCard.Faces.Kernels;
using SocialCard.Faces.Models.SelfieSegmentation;
using SocialCard.Faces.Tests.TestUtilities;

namespace SocialCard.Faces.Tests.Models;

/// <summary>The segmentation graph with its element-wise chains fused (<see cref="GraphFusion"/>) and the element-wise
/// steps around its 1x1 convolutions run block by block with them (<see cref="GraphChunking"/>) gives the unfused graph's
/// output bit for bit on a real photo, and both really took place; so do values sharing arrays when their lifetimes do not
/// overlap (<see cref="SelfieWorkspace"/>), at both input sizes.</summary>
public sealed class SelfieFusionTests
{
    [Fact]
    public void Fused_graph_output_is_bit_identical_to_the_unfused_graph()
    {
        SelfieGraph fused = SharedSelfieModel.Model.Graph;
        SelfieGraph plain = SelfieGraph.Load(Path.Combine(SharedSelfieModel.Directory, SelfieGraph.FolderName), null, fuse: false);
        Assert.Contains(fused.Steps, s => s.Op == GraphOp.HardSwish && s.Bias.Length > 0);
        Assert.Contains(fused.Steps, s => s is { Op: GraphOp.AddPerChannel, Activation: Activation.Relu });
        Assert.Contains(fused.Steps, s => s is { Op: GraphOp.AddPerChannel, Inputs.Length: 2 });
        Assert.Empty(fused.Steps.Where(s => s.Op is GraphOp.Relu6 or GraphOp.MultiplyScalar).Select(s => $"{s.Op} {s.Name}"));
        Assert.Contains(fused.Steps, s => s.Prologue.Any(p => p.Op == GraphOp.MultiplyPerChannel));
        Assert.Contains(fused.Steps, s => s.Epilogue.Any(p => p.Op == GraphOp.Add));
        Assert.True(fused.Steps.Count < plain.Steps.Count - 40, $"{fused.Steps.Count} fused steps of {plain.Steps.Count}");
        foreach (SelfieGraph graph in new[] { fused, SharedSelfieModel.Model.Coarse })
        {
            // Every global average pool moved into the step that writes its tensor, on its own or inside a convolution.
            Assert.Empty(graph.Steps.Where(s => s is { Op: GraphOp.AveragePool, Out.Pixels: 1 }).Select(s => s.Name));
            Assert.Contains(graph.Steps, s => s.Pool is not null);
            Assert.Contains(graph.Steps, s => s.Epilogue.Any(e => e.Pool is not null));
        }


        var image = ReferenceFixture.Load(ReferenceFixture.Names().First()).LoadImage();
        float[] a = Run(fused, image), b = Run(plain, image, shareArrays: false);
        Assert.Equal(b.Select(BitConverter.SingleToInt32Bits), a.Select(BitConverter.SingleToInt32Bits));
        Assert.InRange(a.Average(), 0.05, 0.95);
    }

    [Fact]
    public void Values_sharing_arrays_give_the_output_of_an_array_per_value_bit_for_bit()
    {
        var image = ReferenceFixture.Load(ReferenceFixture.Names().First()).LoadImage();
        foreach (SelfieGraph graph in new[] { SharedSelfieModel.Model.Graph, SharedSelfieModel.Model.Coarse })
        {
            var shared = new SelfieWorkspace(graph);
            int arrays = shared.Values.Distinct().Count();
            Assert.True(arrays * 4 < graph.Values.Count, $"{arrays} arrays for {graph.Values.Count} values at {graph.Size}");
            Assert.Contains(shared.BlockLocal, local => local); // a moved step's value held one block at a time
            float[] a = Run(graph, image), b = Run(graph, image, shareArrays: false);
            Assert.Equal(b.Select(BitConverter.SingleToInt32Bits), a.Select(BitConverter.SingleToInt32Bits));
            Assert.InRange(a.Average(), 0.05, 0.95);
        }
    }

    /// <summary>The segmenter's mask is the graph's output bit for bit, written by the last step straight into the
    /// mask's array: the workspace's own output array (which the segmenter hands back to its pool) is never written.</summary>
    [Fact]
    public void The_mask_is_the_graph_output_written_straight_into_it()
    {
        var image = ReferenceFixture.Load(ReferenceFixture.Names().First()).LoadImage();
        var segmenter = new SelfieSegmenter(SharedSelfieModel.Model);
        PersonMask mask = segmenter.Segment(image), coarse = segmenter.SegmentCoarse(image);
        Assert.Equal(Run(SharedSelfieModel.Model.Graph, image).Select(BitConverter.SingleToInt32Bits), mask.Probability.ToArray().Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(Run(SharedSelfieModel.Model.Coarse, image).Select(BitConverter.SingleToInt32Bits), coarse.Probability.ToArray().Select(BitConverter.SingleToInt32Bits));
        SelfieWorkspace pooled = segmenter.Rent();
        Assert.All(pooled.Values[SharedSelfieModel.Model.Graph.Output], v => Assert.Equal(0f, v));
        Assert.InRange(mask.Probability.ToArray().Average(), 0.05, 0.95);
    }

    /// <summary>The mask's array is not zeroed before the pass (the segmenter allocates it uninitialised): every element
    /// of the output must be written by the graph's steps, at both input sizes.</summary>
    [Fact]
    public void The_graph_writes_every_element_of_its_output()
    {
        var image = ReferenceFixture.Load(ReferenceFixture.Names().First()).LoadImage();
        foreach (SelfieGraph graph in new[] { SharedSelfieModel.Model.Graph, SharedSelfieModel.Model.Coarse })
        {
            var ws = new SelfieWorkspace(graph);
            Array.Fill(ws.Values[graph.Output], float.NaN);
            ImageInput.Prepare(image, 0, 0, image.Width, image.Height, center: true, graph.Size, 0f, 0f, 0f, ws.Values[0]);
            SelfieSegmenter.Run(graph, ws);
            Assert.Equal(graph.Values[graph.Output].Length, ws.Values[graph.Output].Length);
            Assert.All(ws.Values[graph.Output], v => Assert.InRange(v, 0f, 1f));
        }
    }

    private static float[] Run(SelfieGraph graph, SocialCard.Imaging.RgbImage image, bool shareArrays = true)
    {
        var ws = new SelfieWorkspace(graph, shareArrays);
        ImageInput.Prepare(image, 0, 0, image.Width, image.Height, center: true, graph.Size, 0f, 0f, 0f, ws.Values[0]);
        SelfieSegmenter.Run(graph, ws);
        return (float[])ws.Values[graph.Output].Clone();
    }
}
