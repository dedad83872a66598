using SocialCard.Faces.Kernels;
using SocialCard.Imaging;

namespace SocialCard.Faces.Models.TinyFaceDetector;

/// <summary>
/// One detector forward pass at a fixed input size with its own scratch (allocated once; not thread-safe).
/// Input: pad bottom/right to a square, resize to S x S, <c>(v - [117.001, 114.697, 97.404]) / 255</c>.
/// conv0 3x3 VALID + leaky, maxpool s2; conv1..conv5 separable (pad 1) + leaky, maxpool s2 after 1..4 and s1 after 5;
/// conv8 1x1 -> grid [S/32, S/32, 25].
/// </summary>
internal sealed class TinyFaceDetectorRunner
{
    private const float MeanR = 117.001f;
    private const float MeanG = 114.697f;
    private const float MeanB = 97.404f;

    private readonly TinyFaceDetectorModel _model;
    private readonly DetectorScratch.Lengths _lengths;
    private readonly float[] _grid;
    private DetectorScratch? _own;

    public TinyFaceDetectorRunner(TinyFaceDetectorModel model, int inputSize)
    {
        if (inputSize < 32 || inputSize % 32 != 0 || inputSize > ImageInput.MaxSize)
        {
            throw new ArgumentOutOfRangeException(nameof(inputSize), inputSize, "Input size must be a multiple of 32 in 32..1024.");
        }

        _model = model;
        InputSize = inputSize;
        int s = inputSize - 2;
        long maxA = (long)s * s * 16;
        int p = Pooling.SameOut(s, 2);
        long maxB = (long)p * p * 16;
        long maxDw = 0;
        for (int i = 0; i < 5; i++)
        {
            SeparableConvWeights layer = model.Separable[i];
            maxDw = Math.Max(maxDw, (long)p * p * layer.Cin);
            maxA = Math.Max(maxA, (long)p * p * layer.Cout);
            p = i < 4 ? Pooling.SameOut(p, 2) : p;
            maxB = Math.Max(maxB, (long)p * p * layer.Cout);
        }

        GridSize = p;
        _lengths = new DetectorScratch.Lengths(inputSize * inputSize * 3, maxA, maxB, maxDw, Conv2d.ScratchLength(s, 3));
        _grid = new float[p * p * TinyFaceDetectorModel.GridChannels];
    }

    /// <summary>Pooled rows per band of the first layer (eight conv rows: 80 KB at 160, 179 KB at 352).</summary>
    internal const int BandPooledRows = 4;

    /// <summary>Set false (tests, benchmarks) to run the first layer whole, then its max pool.</summary>
    internal static bool PoolInBands { get; set; } = true;

    public int InputSize { get; }

    /// <summary>Cells per side of the output grid (S/32).</summary>
    public int GridSize { get; }

    /// <summary>What a run at this size needs of each tensor of its <see cref="DetectorScratch"/>.</summary>
    internal DetectorScratch.Lengths ScratchLengths => _lengths;

    /// <summary>Runs the network in scratch of its own; the returned grid [g, g, 25] is valid until the next call.</summary>
    public ReadOnlySpan<float> Run(RgbImage image) => Run(image, _own ??= new DetectorScratch());

    /// <summary>Runs the network in <paramref name="scratch"/> (grown to this size if smaller; its contents before the
    /// call do not matter); the returned grid [g, g, 25] is valid until the next call.</summary>
    public ReadOnlySpan<float> Run(RgbImage image, DetectorScratch scratch)
    {
        ArgumentNullException.ThrowIfNull(scratch);
        scratch.Reserve(_lengths);
        float[] input = scratch.Input, a = scratch.A, b = scratch.B, dw = scratch.Depthwise, im2col = scratch.Im2col;
        int size = InputSize;
        ImageInput.Prepare(image, 0, 0, image.Width, image.Height, center: false, size, MeanR, MeanG, MeanB, input);

        ConvWeights conv0 = _model.Conv0;
        int s = size - 2;
        int p = Pooling.SameOut(s, 2);
        if (PoolInBands)
        {
            // conv0 (+ leaky) a band of rows at a time into an L1/L2-sized buffer, max-pooled from there: its whole output
            // (1.6 MB at 160, 7.8 MB at 352) is never written. The pool of a band is the pool of those rows of the whole
            // output (a last single row pairs with itself, as in the whole-image pool). The padding right of a portrait
            // (a fifth of the width) is one value per channel: its windows are computed once per row and copied.
            int uniform = Conv2d.UniformColumnsFrom(input, size, size, 3);
            for (int py = 0; py < p; py += BandPooledRows)
            {
                int r0 = 2 * py, r1 = Math.Min(s, r0 + (2 * BandPooledRows));
                Span<float> band = a.AsSpan(0, (r1 - r0) * s * 16);
                Conv2d.Conv3x3Rows(input, size, size, 3, conv0.Filters, conv0.Bias, 16, 1, 0, 0, s, s, r0, r1, band, Activation.Leaky, im2col, uniform);
                Pooling.MaxPool2x2(band, r1 - r0, s, 16, 2, b.AsSpan(py * p * 16));
            }
        }
        else
        {
            Conv2d.Conv3x3(input, size, size, 3, conv0.Filters, conv0.Bias, 16, 1, 0, 0, s, s, a, Activation.Leaky, im2col);
            Pooling.MaxPool2x2(a, s, s, 16, 2, b);
        }

        for (int i = 0; i < 5; i++)
        {
            SeparableConvWeights layer = _model.Separable[i];
            SeparableConvolution.Run(
                b, p, p, layer.Cin, layer.Depthwise, layer.Pointwise, layer.PointwisePanels, layer.Bias, layer.Cout, 1, dw, a, Activation.Leaky);
            int stride = i < 4 ? 2 : 1;
            Pooling.MaxPool2x2(a, p, p, layer.Cout, stride, b);
            p = Pooling.SameOut(p, stride);
        }

        ConvWeights conv8 = _model.Conv8;
        Gemm.Run(b, p * p, conv8.Cin, conv8.Filters, conv8.Panels, conv8.Cout, conv8.Bias, _grid, Activation.None);
        return _grid;
    }
}
