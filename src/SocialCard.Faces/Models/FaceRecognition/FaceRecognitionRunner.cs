using SocialCard.Faces.Kernels;

namespace SocialCard.Faces.Models.FaceRecognition;

/// <summary>
/// The forward pass of <see cref="FaceRecognitionNetModel"/> on a prepared 150x150x3 input (HWC float32, already
/// <c>(v - mean) / 255</c>), in the order face-api runs it. Not thread-safe: one runner per thread (its buffers are reused).
/// </summary>
internal sealed class FaceRecognitionRunner
{
    private const int StemOut = ((FaceRecognitionNetModel.InputSize - 7) / 2) + 1; // 72
    private const int PoolOut = ((StemOut - 3) / 2) + 1; // 35

    private readonly FaceRecognitionNetModel _model;
    private readonly float[] _a = new float[StemOut * StemOut * 32];
    private readonly float[] _b = new float[StemOut * StemOut * 32];
    private readonly float[] _t1 = new float[PoolOut * PoolOut * 32];
    private readonly float[] _t2 = new float[PoolOut * PoolOut * 32];
    private readonly float[] _pooled = new float[PoolOut * PoolOut * 32];
    private readonly float[] _scratch = new float[Conv2d.ValidScratchLength(StemOut, 7, 3)];
    private readonly float[] _average = new float[256];
    private readonly double[] _sums = new double[256];
    private readonly float[] _noBias = new float[FaceRecognitionNetModel.DescriptorLength];

    public FaceRecognitionRunner(FaceRecognitionNetModel model) => _model = model;

    /// <summary>Writes the 128 descriptor values of <paramref name="input"/> to <paramref name="descriptor"/>.</summary>
    public void Run(ReadOnlySpan<float> input, Span<float> descriptor)
    {
        const int size = FaceRecognitionNetModel.InputSize;
        if (input.Length < size * size * 3 || descriptor.Length < FaceRecognitionNetModel.DescriptorLength)
        {
            throw new ArgumentException("The face recognition input is 150x150x3 and the descriptor 128 values.");
        }

        ConvWeights stem = _model.Stem;
        Conv2d.ConvValid(input, size, size, 3, 7, 2, stem.Filters, stem.Bias, stem.Cout, _a, Activation.Relu, _scratch);
        Pooling.MaxPool(_a, StemOut, StemOut, stem.Cout, 3, 2, _b);

        float[] current = _b, next = _a;
        int h = PoolOut, c = stem.Cout;
        foreach (ResidualBlockWeights block in _model.Blocks)
        {
            (h, c) = block.Down ? Down(block, current, h, c, next) : Plain(block, current, h, c, next);
            (current, next) = (next, current);
        }

        Pooling.GlobalAverage(current, h * h, c, _average, _sums);
        Gemm.Run(_average, 1, c, _model.Fc, FaceRecognitionNetModel.DescriptorLength, _noBias, descriptor, Activation.None);
    }

    /// <summary>relu(conv2(conv1(x)) + x), size and channels kept.</summary>
    private (int H, int C) Plain(ResidualBlockWeights block, float[] x, int h, int c, float[] y)
    {
        Conv3x3(block.Conv1, x, h, stride: 1, pad: 1, h, _t1, Activation.Relu);
        Conv3x3(block.Conv2, _t1, h, stride: 1, pad: 1, h, _t2, Activation.None);
        int n = h * h * c;
        Elementwise.AddRelu(_t2.AsSpan(0, n), x.AsSpan(0, n), y.AsSpan(0, n));
        return (h, c);
    }

    /// <summary>
    /// relu(pad(conv2(conv1 stride 2 valid(x))) + pad(avgpool 2x2(x))): the conv output is zero-padded by a bottom row
    /// and a right column when the pool is one larger, the pool's channels are zero-padded to the conv's.
    /// </summary>
    private (int H, int C) Down(ResidualBlockWeights block, float[] x, int h, int c, float[] y)
    {
        int convOut = ((h - 3) / 2) + 1;
        int poolOut = h / 2;
        int cout = block.Conv2.Cout;
        Conv3x3(block.Conv1, x, h, stride: 2, pad: 0, convOut, _t1, Activation.Relu);
        Conv3x3(block.Conv2, _t1, convOut, stride: 1, pad: 1, convOut, _t2, Activation.None);
        Pooling.AveragePool(x, h, h, c, 2, 2, _pooled, _sums);
        for (int py = 0; py < poolOut; py++)
        {
            for (int px = 0; px < poolOut; px++)
            {
                Span<float> dst = y.AsSpan(((py * poolOut) + px) * cout, cout);
                ReadOnlySpan<float> pooled = _pooled.AsSpan(((py * poolOut) + px) * c, c);
                bool inside = py < convOut && px < convOut;
                ReadOnlySpan<float> conv = inside ? _t2.AsSpan(((py * convOut) + px) * cout, cout) : default;
                for (int ch = 0; ch < cout; ch++)
                {
                    float sum = (ch < c ? pooled[ch] : 0f) + (inside ? conv[ch] : 0f);
                    dst[ch] = Math.Max(sum, 0f);
                }
            }
        }

        return (poolOut, cout);
    }

    private void Conv3x3(ConvWeights conv, float[] x, int h, int stride, int pad, int outH, float[] y, Activation act) =>
        Conv2d.Conv3x3(x, h, h, conv.Cin, conv.Filters, conv.Bias, conv.Cout, stride, pad, pad, outH, outH, y, act, _scratch);
}
