namespace SocialCard.Faces.Models.SelfieSegmentation;

/// <summary>One call's buffers: a float array per runtime value of the graph, plus kernel scratch. Not thread-safe.</summary>
internal sealed class SelfieWorkspace
{
    public SelfieWorkspace(SelfieGraph graph)
    {
        Values = new float[graph.Values.Count][];
        int maxC = 0, im2col = 0;
        for (int i = 0; i < Values.Length; i++)
        {
            Values[i] = new float[graph.Values[i].Length];
            maxC = Math.Max(maxC, graph.Values[i].C);
        }

        foreach (GraphStep step in graph.Steps)
        {
            if (step is { Op: GraphOp.Convolution, Kernel: 3 })
            {
                im2col = Math.Max(im2col, Kernels.Conv2d.ScratchLength(step.Out.W, step.In.C));
            }
        }

        Im2col = new float[im2col];
        Sums = new double[maxC];
    }

    public float[][] Values { get; }

    public float[] Im2col { get; }

    public double[] Sums { get; }
}
