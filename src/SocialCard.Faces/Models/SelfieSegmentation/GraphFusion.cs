using SocialCard.Faces.Kernels;

namespace SocialCard.Faces.Models.SelfieSegmentation;

/// <summary>
/// Merges chains of element-wise steps into one pass each (the passes were 40 % of the forward pass, each reading and
/// writing a whole tensor for one operation): the hard-swish <c>(x * s) * relu6(x + o)</c> (four steps) into a
/// <see cref="GraphOp.HardSwish"/> step, a per-channel bias before it into that step, a per-channel bias followed by a
/// <c>Relu</c> into the bias step, and such a bias step read only by a residual sum into one step with the sum.
/// Only values no other step reads (and not the output) disappear; the fused kernels
/// do the same float operations in the same order, so the graph's output is bit-identical. <see cref="FusePools"/>
/// moves the global average pools into the steps that write what they average.
/// </summary>
internal static class GraphFusion
{
    public static List<GraphStep> Fuse(IReadOnlyList<GraphStep> steps, int output)
    {
        List<GraphStep?> list = [.. steps];
        FuseHardSwish(list, output);
        FuseBias(list, output);
        FuseResidual(list, output);
        return [.. list.OfType<GraphStep>()];
    }

    private static void FuseHardSwish(List<GraphStep?> list, int output)
    {
        for (int k = 0; k < list.Count; k++)
        {
            if (list[k] is not { Op: GraphOp.Multiply, Inputs: [int a0, int b0] } product)
            {
                continue;
            }

            foreach ((int a, int c) in new[] { (a0, b0), (b0, a0) })
            {
                if (Producer(list, a) is not { Op: GraphOp.MultiplyScalar } scaled || Producer(list, c) is not { Op: GraphOp.Relu6 } clamp
                    || Producer(list, clamp.Inputs[0]) is not { Op: GraphOp.AddScalar } shifted || shifted.Inputs[0] != scaled.Inputs[0]
                    || !OnlyFor(list, output, a, product) || !OnlyFor(list, output, c, product) || !OnlyFor(list, output, shifted.Output, clamp))
                {
                    continue;
                }

                list[list.IndexOf(scaled)] = null;
                list[list.IndexOf(clamp)] = null;
                list[list.IndexOf(shifted)] = null;
                list[k] = new GraphStep
                {
                    Op = GraphOp.HardSwish, Name = product.Name, Inputs = [scaled.Inputs[0]], Output = product.Output, In = product.In, Out = product.Out,
                    Scalar = scaled.Scalar, Offset = shifted.Scalar,
                };
                break;
            }
        }
    }

    /// <summary>A per-channel bias whose only readers are one hard-swish or one Relu goes into that step.</summary>
    private static void FuseBias(List<GraphStep?> list, int output)
    {
        for (int k = 0; k < list.Count; k++)
        {
            if (list[k] is not { Op: GraphOp.AddPerChannel, Activation: Activation.None } bias || bias.Output == output)
            {
                continue;
            }

            GraphStep[] readers = [.. list.OfType<GraphStep>().Where(s => s.Inputs.Contains(bias.Output))];
            if (readers is not [{ Op: GraphOp.HardSwish or GraphOp.Relu, Inputs: [_] } reader])
            {
                continue;
            }

            list[k] = null;
            int at = list.IndexOf(reader);
            list[at] = reader.Op == GraphOp.HardSwish
                ? new GraphStep
                {
                    Op = GraphOp.HardSwish, Name = reader.Name, Inputs = bias.Inputs, Output = reader.Output, In = bias.In, Out = reader.Out,
                    Scalar = reader.Scalar, Offset = reader.Offset, Bias = bias.Weights,
                }
                : new GraphStep
                {
                    Op = GraphOp.AddPerChannel, Name = reader.Name, Inputs = bias.Inputs, Output = reader.Output, In = bias.In, Out = reader.Out,
                    Weights = bias.Weights, Activation = Activation.Relu,
                };
        }
    }

    /// <summary>A per-channel bias (and its <c>Relu</c>) whose only reader is a residual sum goes into one step with the
    /// sum: <c>r + act(x + b)</c>.</summary>
    private static void FuseResidual(List<GraphStep?> list, int output)
    {
        for (int k = 0; k < list.Count; k++)
        {
            if (list[k] is not { Op: GraphOp.AddPerChannel, Inputs: [_] } bias || bias.Output == output)
            {
                continue;
            }

            GraphStep[] readers = [.. list.OfType<GraphStep>().Where(s => s.Inputs.Contains(bias.Output))];
            if (readers is not [{ Op: GraphOp.Add, Inputs: [int a, int b] } sum] || a == b)
            {
                continue;
            }

            list[k] = null;
            list[list.IndexOf(sum)] = new GraphStep
            {
                Op = GraphOp.AddPerChannel, Name = sum.Name, Inputs = [bias.Inputs[0], a == bias.Output ? b : a], Output = sum.Output,
                In = bias.In, Out = sum.Out, Weights = bias.Weights, Activation = bias.Activation,
            };
        }
    }

    /// <summary>
    /// Each global average pool (its window the whole tensor) of an element-wise step's output, that step on its own or
    /// moved into a convolution, moves into that step (<see cref="GraphStep.Pool"/>): its sums are taken block by
    /// block of rows right after the step writes the block, while it is in L1, in the same order (per channel, pixel
    /// after pixel, in double) and divided the same way, so bit-identical. Runs after <see cref="GraphChunking"/>.
    /// </summary>
    public static List<GraphStep> FusePools(IReadOnlyList<GraphStep> steps)
    {
        List<GraphStep?> list = [.. steps];
        for (int k = 0; k < list.Count; k++)
        {
            if (list[k] is not { Op: GraphOp.AveragePool, Inputs: [int value] } pool || pool.Out.Pixels != 1 || pool.Kernel != pool.In.H
                || pool.Kernel != pool.In.W)
            {
                continue;
            }

            int at = list.FindIndex(s => s is not null && (s.Output == value || s.Epilogue.Any(e => e.Output == value)));
            if (at < 0 || at > k || list[at] is not { } host || Parts(host).Any(p => p.Pool is not null))
            {
                continue;
            }

            if (host.Output == value && host.Prologue.Length == 0 && host.Epilogue.Length == 0 && GraphChunking.Blockwise(host.Op))
            {
                list[at] = host.With(pool, host.Epilogue);
            }
            else if (host.Output != value && host.Epilogue.FirstOrDefault(e => e.Output == value) is { } member && GraphChunking.Blockwise(member.Op))
            {
                list[at] = host.With(host.Pool, [.. host.Epilogue.Select(e => e == member ? e.With(pool, e.Epilogue) : e)]);
            }
            else
            {
                continue;
            }

            list[k] = null;
        }

        return [.. list.OfType<GraphStep>()];
    }

    /// <summary>The step and the steps moved into it.</summary>
    public static GraphStep[] Parts(GraphStep s) => [.. s.Prologue, s, .. s.Epilogue];

    private static GraphStep? Producer(List<GraphStep?> list, int value) => list.FirstOrDefault(s => s is not null && s.Output == value);

    /// <summary>True when <paramref name="value"/> is read by <paramref name="reader"/> alone and is not the output.</summary>
    private static bool OnlyFor(List<GraphStep?> list, int output, int value, GraphStep reader) =>
        value != output && list.All(s => s is null || s == reader || !s.Inputs.Contains(value));
}
