namespace SocialCard.Faces.Models.SelfieSegmentation;

/// <summary>
/// Moves the element-wise steps around each large 1x1 convolution into it: the steps that produce its input (a
/// squeeze-excite product, a residual sum, an activation) and the steps that read its output (a residual sum, a bias,
/// a hard-swish) run block of rows by block of rows with the convolution (<see cref="SelfieSegmenter"/>), so each
/// block is read and written while it is in L1 instead of in whole-tensor passes through memory. Every value is still
/// written in full, each element by the same operation from the same operands, so the output is bit-identical; a step
/// moves only where the values it reads are ready at the convolution and no step in between reads what it writes.
/// </summary>
internal static class GraphChunking
{
    /// <summary>Convolutions over fewer pixels than this keep their neighbours as separate steps.</summary>
    public const int MinPixels = 1024;

    /// <summary>Pixels per block: a block of a 16-128 channel tensor stays in L1.</summary>
    public const int BlockPixels = 64;

    public static List<GraphStep> Chunk(IReadOnlyList<GraphStep> steps, int output)
    {
        List<GraphStep?> list = [.. steps];
        for (int k = 0; k < list.Count; k++)
        {
            if (list[k] is not { Op: GraphOp.Convolution, Kernel: 1 } conv || conv.In.Pixels < MinPixels)
            {
                continue;
            }

            List<GraphStep> epilogue = Epilogue(list, k);
            List<GraphStep> prologue = Prologue(list, k, output);
            if (epilogue.Count == 0 && prologue.Count == 0)
            {
                continue;
            }

            foreach (GraphStep moved in epilogue.Concat(prologue))
            {
                list[list.IndexOf(moved)] = null;
            }

            list[k] = new GraphStep
            {
                Op = conv.Op, Name = conv.Name, Inputs = conv.Inputs, Output = conv.Output, In = conv.In, Out = conv.Out,
                Weights = conv.Weights, Bias = conv.Bias, Activation = conv.Activation, Kernel = conv.Kernel, Stride = conv.Stride,
                PadTop = conv.PadTop, PadLeft = conv.PadLeft, Prologue = [.. prologue], Epilogue = [.. epilogue],
            };
        }

        return [.. list.OfType<GraphStep>()];
    }

    /// <summary>Element-wise steps after the convolution that read its output (then the previous one's), whose other
    /// operands are ready before it.</summary>
    private static List<GraphStep> Epilogue(List<GraphStep?> list, int at)
    {
        var chain = new List<GraphStep>();
        GraphStep conv = list[at]!;
        int value = conv.Output;
        for (int j = at + 1; j < list.Count; j++)
        {
            if (list[j] is not { } s || !s.Inputs.Contains(value))
            {
                continue;
            }

            if (!Movable(s, conv.Out.Pixels) || !s.Inputs.All(i => i == value || ReadyBefore(list, i, at)))
            {
                break;
            }

            chain.Add(s);
            value = s.Output;
        }

        return chain;
    }

    /// <summary>Element-wise steps before the convolution that produce its input (then the operand of that one the
    /// chain came from), whose outputs no step between them and the convolution reads.</summary>
    private static List<GraphStep> Prologue(List<GraphStep?> list, int at, int output)
    {
        var chain = new List<GraphStep>();
        GraphStep conv = list[at]!;
        int value = conv.Inputs[0];
        while (Producer(list, value, out int p) is { } s && Movable(s, conv.In.Pixels) && s.Output != output
            && !ReadBetween(list, s.Output, p, at, chain, conv))
        {
            chain.Insert(0, s);
            int next = -1;
            foreach (int i in s.Inputs)
            {
                if (Producer(list, i, out _) is { } q && Movable(q, conv.In.Pixels))
                {
                    next = i;
                    break;
                }
            }

            if (next < 0)
            {
                break;
            }

            value = next;
        }

        return chain;
    }

    /// <summary>Element-wise over whole pixel rows, the same operation per element whatever the block (not the
    /// sigmoid: its vector and scalar paths differ in the last bits).</summary>
    private static bool Movable(GraphStep s, int pixels) => Blockwise(s.Op) && s.Out.Pixels == pixels && s.In.Pixels == pixels;

    /// <summary>Element-wise steps that give the same elements run block by block of pixel rows as in one pass.</summary>
    internal static bool Blockwise(GraphOp op) =>
        op is GraphOp.Add or GraphOp.AddPerChannel or GraphOp.MultiplyPerChannel or GraphOp.HardSwish or GraphOp.Relu or GraphOp.Relu6
            or GraphOp.AddScalar or GraphOp.MultiplyScalar or GraphOp.Multiply;

    private static GraphStep? Producer(List<GraphStep?> list, int value, out int index)
    {
        index = list.FindIndex(s => s is not null && s.Output == value);
        return index < 0 ? null : list[index];
    }

    /// <summary>The value is the input, or a step before <paramref name="at"/> writes it (itself or one of the steps
    /// moved into it).</summary>
    private static bool ReadyBefore(List<GraphStep?> list, int value, int at) =>
        value == 0 || list.FindIndex(s => s is not null && (s.Output == value || s.Prologue.Any(m => m.Output == value)
            || s.Epilogue.Any(m => m.Output == value))) is int p && p >= 0 && p < at;

    private static bool ReadBetween(List<GraphStep?> list, int value, int start, int end, List<GraphStep> chain, GraphStep conv)
    {
        for (int j = start + 1; j < end; j++)
        {
            if (list[j] is { } s && s != conv && !chain.Contains(s) && s.Inputs.Contains(value))
            {
                return true;
            }
        }

        return false;
    }
}
