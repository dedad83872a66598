using SocialCard.Faces.Kernels;

namespace SocialCard.Faces.Models.DenseFaceNet;

/// <summary>
/// Forward pass of any <see cref="DenseFaceNetModel"/> with scratch allocated once (sized for the largest, the 68 net);
/// not thread-safe. Fill <see cref="Input"/> (112x112x3, already normalised), call <see cref="Run"/>.
/// Dense block (ReLU): o1 = relu(conv0); o2 = sep(o1); o3 = sep(relu(o1+o2)); o4 = sep(relu(o1+(o2+o3)));
/// out = relu(o1+(o2+(o3+o4))) -- 3-conv blocks: relu(o1+(o2+o3)). Then global average pool and fc.
/// </summary>
internal sealed class DenseFaceNetRunner
{
    private const int MaxTensor = 56 * 56 * 32;

    private readonly float[] _input = new float[DenseFaceNetModel.InputSize * DenseFaceNetModel.InputSize * 3];
    private readonly float[] _blockA = new float[MaxTensor];
    private readonly float[] _blockB = new float[MaxTensor];
    private readonly float[] _o1 = new float[MaxTensor];
    private readonly float[] _o2 = new float[MaxTensor];
    private readonly float[] _o3 = new float[MaxTensor];
    private readonly float[] _o4 = new float[MaxTensor];
    private readonly float[] _tmp = new float[MaxTensor];
    private readonly float[] _dw = new float[MaxTensor];
    private readonly float[] _im2col = new float[Conv2d.ScratchLength(56, 3)];
    private readonly float[] _pooled = new float[256];
    private readonly double[] _sums = new double[256];
    private readonly float[] _output = new float[136];

    public Span<float> Input => _input;

    /// <summary>Set false (tests, benchmarks) to write each block's output to a tensor of its own instead of over the
    /// block's last input (which its depthwise half has read whole before the pointwise half writes).</summary>
    internal static bool UseOneBuffer { get; set; } = true;

    /// <summary>Runs the network on <see cref="Input"/>; returns the fc output (valid until the next call).</summary>
    public ReadOnlySpan<float> Run(DenseFaceNetModel model)
    {
        ReadOnlySpan<float> x = _input;
        int h = DenseFaceNetModel.InputSize;
        int cin = 3;
        for (int b = 0; b < model.Blocks.Length; b++)
        {
            SeparableConvWeights[] convs = model.Blocks[b];
            int cout = b == 0 ? model.FirstConv.Cout : convs[0].Cout;
            if (b == 0)
            {
                ConvWeights first = model.FirstConv;
                int pad = SeparableConvolution.PadBefore(h, 2);
                int outSize = SeparableConvolution.OutSize(h, 2);
                Conv2d.Conv3x3(x, h, h, cin, first.Filters, first.Bias, cout, 2, pad, pad, outSize, outSize, _o1, Activation.Relu, _im2col);
            }
            else
            {
                Separable(x, h, convs[0], 2, _o1, Activation.Relu);
            }

            h = SeparableConvolution.OutSize(h, 2);
            int n = h * h * cout;
            Span<float> o1 = _o1.AsSpan(0, n);
            Span<float> o2 = _o2.AsSpan(0, n);
            Span<float> o3 = _o3.AsSpan(0, n);
            Span<float> tmp = _tmp.AsSpan(0, n);
            Span<float> output = UseOneBuffer ? tmp : (b % 2 == 0 ? _blockA : _blockB).AsSpan(0, n);

            SeparableSum(o1, h, convs[1], o2, o1, default, default, tmp, 2);
            if (convs.Length == 4)
            {
                SeparableSum(tmp, h, convs[2], o3, o1, o2, default, tmp, 3);
                SeparableSum(tmp, h, convs[3], _o4.AsSpan(0, n), o1, o2, o3, output, 4);
            }
            else
            {
                SeparableSum(tmp, h, convs[2], o3, o1, o2, default, output, 3);
            }

            x = output;
            cin = cout;
        }

        Pooling.GlobalAverage(x, h * h, cin, _pooled, _sums);
        Span<float> result = _output.AsSpan(0, model.FcOut);
        Gemm.Run(_pooled.AsSpan(0, cin), 1, cin, model.FcWeights, model.FcOut, model.FcBias, result, Activation.None);
        return result;
    }

    /// <summary>A stride-1 separable conv of <paramref name="x"/> into <paramref name="y"/>, then the block's skip sum of
    /// <paramref name="terms"/> outputs, y the last, into <paramref name="sum"/> (<see cref="Elementwise.SkipSum"/>).</summary>
    private void SeparableSum(
        ReadOnlySpan<float> x, int h, SeparableConvWeights w, Span<float> y, ReadOnlySpan<float> o1, ReadOnlySpan<float> o2,
        ReadOnlySpan<float> o3, Span<float> sum, int terms) =>
        SeparableConvolution.RunSkipSum(
            x, h, h, w.Cin, w.Depthwise, w.Pointwise, w.PointwisePanels, w.Bias, w.Cout, _dw, y, o1, o2, o3, sum, terms);

    private void Separable(ReadOnlySpan<float> x, int h, SeparableConvWeights w, int stride, Span<float> y, Activation act) =>
        SeparableConvolution.Run(x, h, h, w.Cin, w.Depthwise, w.Pointwise, w.PointwisePanels, w.Bias, w.Cout, stride, _dw, y, act);
}
