namespace SocialCard.Faces.Models.SelfieSegmentation;

/// <summary>
/// One call's buffers: a float array per runtime value of the graph, plus kernel scratch. Not thread-safe. Values whose
/// lifetimes do not overlap share an array (<see cref="Assign"/>), so a step mostly writes into memory a step shortly
/// before it freed, still in the cache, instead of into a buffer of its own that no step has touched for a whole pass.
/// An array may be longer than the value it holds: the kernels read and write only the value's length.
/// </summary>
internal sealed class SelfieWorkspace
{
    public SelfieWorkspace(SelfieGraph graph)
        : this(graph, shareArrays: true)
    {
    }

    /// <summary><paramref name="shareArrays"/> false gives every value an array of its own (the reference the shared
    /// arrays are tested and timed against).</summary>
    internal SelfieWorkspace(SelfieGraph graph, bool shareArrays)
    {
        BlockLocal = new bool[graph.Values.Count];
        Values = shareArrays ? Assign(graph, BlockLocal) : [.. graph.Values.Select(v => new float[v.Length])];
        int maxC = 0, im2col = 0;
        foreach (GraphShape shape in graph.Values)
        {
            maxC = Math.Max(maxC, shape.C);
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

    /// <summary>The array of each value; values live at the same time never share one.</summary>
    public float[][] Values { get; }

    /// <summary>Values a 1x1 convolution's moved steps write and only that convolution's steps read: each holds one
    /// block of <see cref="GraphChunking.BlockPixels"/> pixels at a time, at the start of its array (it never leaves L1).</summary>
    public bool[] BlockLocal { get; }

    public float[] Im2col { get; }

    public double[] Sums { get; }

    /// <summary>
    /// A value lives from the step that writes it to the last step that reads it (a 1x1 convolution with element-wise
    /// steps moved into it counts as one step reading and writing all of theirs); the input from before the first step,
    /// the output to the end. Each step's outputs take the most recently freed array long enough (else a new one), and
    /// the arrays of the values it read or wrote for the last time are freed after it. A value written and last read
    /// inside one convolution with moved steps gets a block-sized array of its own (<see cref="BlockLocal"/>).
    /// </summary>
    private static float[][] Assign(SelfieGraph graph, bool[] local)
    {
        int count = graph.Values.Count;
        int[] last = new int[count];
        Array.Fill(last, -1);
        for (int t = 0; t < graph.Steps.Count; t++)
        {
            foreach (GraphStep u in Parts(graph.Steps[t]))
            {
                foreach (int i in u.Inputs)
                {
                    last[i] = t;
                }

                last[u.Output] = t;
            }
        }

        last[graph.Output] = int.MaxValue;
        var values = new float[count][];
        var free = new List<float[]>();
        values[0] = new float[graph.Values[0].Length];
        for (int t = 0; t < graph.Steps.Count; t++)
        {
            GraphStep[] parts = Parts(graph.Steps[t]);
            foreach (GraphStep u in parts)
            {
                if (parts.Length > 1 && last[u.Output] == t && u.Output != graph.Output)
                {
                    local[u.Output] = true;
                    values[u.Output] = new float[GraphChunking.BlockPixels * graph.Values[u.Output].C];
                    continue;
                }

                values[u.Output] ??= u.Output == graph.Output ? new float[graph.Values[u.Output].Length] : Take(free, graph.Values[u.Output].Length);
            }

            var freed = new HashSet<int>();
            foreach (GraphStep u in parts)
            {
                foreach (int v in u.Inputs.Append(u.Output))
                {
                    if (last[v] == t && !local[v] && freed.Add(v))
                    {
                        free.Add(values[v]);
                    }
                }
            }
        }

        for (int v = 0; v < count; v++)
        {
            values[v] ??= []; // fused away: no step reads or writes it
        }

        return values;
    }

    /// <summary>The step, the steps moved into it and the pools moved into those.</summary>
    private static GraphStep[] Parts(GraphStep s) => [.. GraphFusion.Parts(s).SelectMany(p => p.Pool is { } pool ? new[] { p, pool } : [p])];

    private static float[] Take(List<float[]> free, int length)
    {
        for (int k = free.Count - 1; k >= 0; k--)
        {
            if (free[k].Length >= length)
            {
                float[] a = free[k];
                free.RemoveAt(k);
                return a;
            }
        }

        return new float[length];
    }
}
