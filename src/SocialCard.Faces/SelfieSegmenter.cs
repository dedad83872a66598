using SocialCard.Faces.Kernels;
using SocialCard.Faces.Models.SelfieSegmentation;
using SocialCard.Imaging;

namespace SocialCard.Faces;

/// <summary>
/// Runs the selfie segmentation network on a photo: the whole photo zero-padded to a centred square, resized bilinearly
/// to 256x256 and divided by 255 (as the face nets build their input, with no mean), then the graph, step by step, on
/// our own kernels; numerically as the tfjs cpu backend (fixtures: within 1e-3). Thread-safe: each call rents a
/// workspace from a small pool, so after the first call per thread nothing is allocated but the result.
/// <see cref="SegmentCoarse"/> runs the same network at <see cref="SelfieSegmentationModel.CoarseInputSize"/>
/// (a quarter of the work): a coarser mask whose readings differ from the 256 pass's by a measured amount.
/// </summary>
public sealed class SelfieSegmenter
{
    private readonly SelfieSegmentationModel _model;
    private readonly ScratchPool<SelfieWorkspace> _pool;
    private readonly ScratchPool<SelfieWorkspace> _coarsePool;
    private readonly ScratchPool<float[]> _masks;
    private readonly ScratchPool<float[]> _coarseMasks;

    public SelfieSegmenter(SelfieSegmentationModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _pool = new ScratchPool<SelfieWorkspace>(() => new SelfieWorkspace(model.Graph));
        _coarsePool = new ScratchPool<SelfieWorkspace>(() => new SelfieWorkspace(model.Coarse));
        _masks = MaskPool(model.Graph);
        _coarseMasks = MaskPool(model.Coarse);
    }

    /// <summary>The person mask at the network's trained input, 256x256.</summary>
    public PersonMask Segment(RgbImage image) => Segment(image, _model.Graph, _pool, _masks);

    /// <summary>The person mask at <see cref="SelfieSegmentationModel.CoarseInputSize"/>.</summary>
    public PersonMask SegmentCoarse(RgbImage image) => Segment(image, _model.Coarse, _coarsePool, _coarseMasks);

    /// <summary>
    /// Gives back a mask this segmenter made (null: nothing): its probability array goes to a later segmentation
    /// instead of becoming garbage (each is a fresh large object, 100-256 KB, otherwise). The mask must not be read
    /// afterwards; it holds no values any more. A mask made elsewhere, or given back already, is left alone.
    /// </summary>
    public void Recycle(PersonMask? mask) => mask?.Release(this);

    /// <summary>Result arrays of one graph's masks given back by <see cref="Recycle"/>. The last step writes every element, so
    /// a new one is not zeroed.</summary>
    private static ScratchPool<float[]> MaskPool(SelfieGraph graph) =>
        new(() => GC.AllocateUninitializedArray<float>(graph.Values[graph.Output].Length));

    internal void Return(PersonMask mask, float[] probability) =>
        (mask.Size == _model.Coarse.Size ? _coarseMasks : _masks).Return(probability);

    private PersonMask Segment(RgbImage image, SelfieGraph graph, ScratchPool<SelfieWorkspace> pool, ScratchPool<float[]> masks)
    {
        ArgumentNullException.ThrowIfNull(image);
        SelfieWorkspace ws = pool.Rent();
        float[] own = ws.Values[graph.Output];
        try
        {
            // The last step writes the mask straight into the result's array (no step reads the output, and it
            // shares its array with no other value), instead of into the workspace's to be copied out.
            float[] probability = masks.Rent();
            ws.Values[graph.Output] = probability;
            ImageInput.Prepare(image, 0, 0, image.Width, image.Height, center: true, graph.Size, 0f, 0f, 0f, ws.Values[0]);
            Run(graph, ws);
            return new PersonMask(probability, graph.Size, image.Width, image.Height, this);
        }
        finally
        {
            ws.Values[graph.Output] = own;
            pool.Return(ws);
        }
    }

    /// <summary>Runs the graph on the input already in value 0 (tests feed it directly).</summary>
    internal static void Run(SelfieGraph graph, SelfieWorkspace ws)
    {
        foreach (GraphStep s in graph.Steps)
        {
            RunStep(s, ws);
        }
    }

    /// <summary>One step (the stage benchmark times them one by one).</summary>
    internal static void RunStep(GraphStep s, SelfieWorkspace ws)
    {
        if (s.Prologue.Length != 0 || s.Epilogue.Length != 0)
        {
            RunBlocks(s, ws); // its input or output may be block-local: sliced block by block there
            return;
        }

        if (s.Pool is not null)
        {
            // An element-wise step with a pool moved into it, block by block: each block's sums are taken while it is in
            // L1 (its output may be block-local when only the pool reads it).
            for (int p0 = 0; p0 < s.Out.Pixels; p0 += GraphChunking.BlockPixels)
            {
                RunElementwise(s, ws, p0, Math.Min(GraphChunking.BlockPixels, s.Out.Pixels - p0));
            }

            return;
        }

        float[][] v = ws.Values;
        {
            GraphShape i = s.In, o = s.Out;
            Span<float> y = v[s.Output].AsSpan(0, o.Length);
            ReadOnlySpan<float> x = v[s.Inputs[0]].AsSpan(0, i.Length);
            switch (s.Op)
            {
                case GraphOp.Convolution when s.Kernel == 1:
                    Gemm.Run(x, i.Pixels, i.C, s.Weights, o.C, s.Bias, y, s.Activation);
                    break;
                case GraphOp.Convolution:
                    Conv2d.Conv3x3(x, i.H, i.W, i.C, s.Weights, s.Bias, o.C, s.Stride, s.PadTop, s.PadLeft, o.H, o.W, y, s.Activation, ws.Im2col);
                    break;
                case GraphOp.Depthwise:
                    Depthwise.Conv(x, i.H, i.W, i.C, s.Weights, s.Kernel, s.Stride, s.PadTop, s.PadLeft, o.H, o.W, y);
                    break;
                case GraphOp.TransposedConvolution:
                    TransposedConvolution.Run(x, i.H, i.W, i.C, s.Weights, s.Kernel, o.C, s.Stride, s.PadTop, s.PadLeft, o.H, o.W, y);
                    break;
                case GraphOp.AveragePool:
                    Pooling.AveragePool(x, i.H, i.W, i.C, s.Kernel, s.Stride, y, ws.Sums);
                    break;
                case GraphOp.Resize:
                    BilinearResize.Run(x, i.H, i.W, i.C, o.H, o.W, s.AlignCorners, s.HalfPixelCenters, y);
                    break;
                case GraphOp.Sigmoid:
                    Pointwise.Sigmoid(x, y);
                    break;
                default:
                    RunElementwise(s, ws, 0, o.Pixels);
                    break;
            }
        }
    }

    /// <summary>A 1x1 convolution with the element-wise steps moved into it (<see cref="GraphChunking"/>): block of
    /// pixel rows by block, the prologue's steps, the convolution, the epilogue's steps.</summary>
    private static void RunBlocks(GraphStep s, SelfieWorkspace ws)
    {
        int pixels = s.In.Pixels;
        for (int p0 = 0; p0 < pixels; p0 += GraphChunking.BlockPixels)
        {
            int n = Math.Min(GraphChunking.BlockPixels, pixels - p0);
            foreach (GraphStep e in s.Prologue)
            {
                RunElementwise(e, ws, p0, n);
            }

            Gemm.Run(Block(ws, s.Inputs[0], p0, n, s.In.C), n, s.In.C, s.Weights, s.Out.C, s.Bias, Block(ws, s.Output, p0, n, s.Out.C), s.Activation);
            foreach (GraphStep e in s.Epilogue)
            {
                RunElementwise(e, ws, p0, n);
            }
        }
    }

    /// <summary>Pixels <paramref name="p0"/>..+<paramref name="n"/>-1 of a value: at their place in its array, or at the
    /// start of a block-local value's array (<see cref="SelfieWorkspace.BlockLocal"/>).</summary>
    private static Span<float> Block(SelfieWorkspace ws, int value, int p0, int n, int c) =>
        ws.Values[value].AsSpan(ws.BlockLocal[value] ? 0 : p0 * c, n * c);

    /// <summary>An element-wise step (not the sigmoid) on pixels <paramref name="p0"/>..<paramref name="p0"/>+<paramref name="n"/>-1,
    /// the whole tensor or a block of it: the kernel on that slice of every operand (a per-channel gate whole).</summary>
    private static void RunElementwise(GraphStep s, SelfieWorkspace ws, int p0, int n)
    {
        float[][] v = ws.Values;
        int c = s.Out.C;
        Span<float> y = Block(ws, s.Output, p0, n, c);
        ReadOnlySpan<float> x = Block(ws, s.Inputs[0], p0, n, c);
        switch (s.Op)
        {
            case GraphOp.Add:
                Pointwise.Add(x, Block(ws, s.Inputs[1], p0, n, c), y);
                for (int k = 2; k < s.Inputs.Length; k++)
                {
                    Pointwise.Add(y, Block(ws, s.Inputs[k], p0, n, c), y);
                }

                break;
            case GraphOp.AddScalar:
                Pointwise.Add(x, s.Scalar, y);
                break;
            case GraphOp.AddPerChannel:
                Pointwise.AddPerChannel(x, s.Weights, n, y, s.Activation, s.Inputs.Length > 1 ? Block(ws, s.Inputs[1], p0, n, c) : default);
                break;
            case GraphOp.Multiply:
                Pointwise.Multiply(x, Block(ws, s.Inputs[1], p0, n, c), y);
                break;
            case GraphOp.MultiplyScalar:
                Pointwise.Multiply(x, s.Scalar, y);
                break;
            case GraphOp.MultiplyPerChannel:
                Pointwise.MultiplyPerChannel(x, v[s.Inputs[1]].AsSpan(0, c), n, y);
                break;
            case GraphOp.Relu:
                Pointwise.Relu(x, y);
                break;
            case GraphOp.Relu6:
                Pointwise.Relu6(x, y);
                break;
            case GraphOp.HardSwish:
                Pointwise.HardSwish(x, s.Bias, s.Scalar, s.Offset, y);
                break;
            default:
                throw new InvalidOperationException($"Unknown graph step {s.Op}.");
        }

        if (s.Pool is { } pool)
        {
            // The global average of the output, its sums carried from block to block (the first clears them, the last divides).
            Span<double> sums = ws.Sums.AsSpan(0, c);
            if (p0 == 0)
            {
                sums.Clear();
            }

            Pooling.Accumulate(y, n, c, sums);
            if (p0 + n == s.Out.Pixels)
            {
                Pooling.Average(sums, s.Out.Pixels, v[pool.Output].AsSpan(0, c));
            }
        }
    }

    internal SelfieWorkspace Rent() => _pool.Rent();
}
