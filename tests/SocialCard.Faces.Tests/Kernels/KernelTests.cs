using System.Runtime.Intrinsics;
using SocialCard.Faces.Kernels;
using SocialCard.Faces.Tests.TestUtilities;

namespace SocialCard.Faces.Tests.Kernels;

/// <summary>The vector kernels against the scalar reference paths (seeded random data, tails included).</summary>
[Collection(KernelSwitchCollection.Name)]
public sealed class KernelTests
{
    private const float Tolerance = 1e-4f;

    [Fact]
    public void Leaky_activation_in_256_bits_has_the_scalar_bits_for_every_kind_of_input()
    {
        // Every 251st bit pattern (each exponent, both signs, NaNs and subnormals) and the edges one by one.
        var inputs = new List<float> { 0f, -0f, float.PositiveInfinity, float.NegativeInfinity, float.NaN, -float.NaN, float.Epsilon, -float.Epsilon, float.MaxValue, float.MinValue };
        for (long bits = 0; bits <= uint.MaxValue; bits += 251)
        {
            inputs.Add(BitConverter.Int32BitsToSingle((int)(uint)bits));
        }

        while (inputs.Count % 8 != 0)
        {
            inputs.Add(1f);
        }

        for (int i = 0; i < inputs.Count; i += 8)
        {
            float[] lanes = new float[8];
            Gemm.Activate(Vector256.Create(inputs.GetRange(i, 8).ToArray()), Activation.Leaky).CopyTo(lanes);
            for (int j = 0; j < 8; j++)
            {
                float v = inputs[i + j];
                int expected = BitConverter.SingleToInt32Bits(Gemm.Activate(v, Activation.Leaky));
                Assert.True(
                    expected == BitConverter.SingleToInt32Bits(lanes[j]),
                    $"leaky({BitConverter.SingleToInt32Bits(v):X8}): scalar {expected:X8}, vector {BitConverter.SingleToInt32Bits(lanes[j]):X8}");
            }
        }
    }

    [Theory]
    [InlineData(1, 256, 136, 0)]
    [InlineData(1, 256, 7, 0)]
    [InlineData(7, 27, 16, 2)]
    [InlineData(13, 32, 64, 1)]
    [InlineData(169, 512, 25, 0)]
    [InlineData(10, 64, 40, 2)]
    [InlineData(7, 128, 136, 1)]
    [InlineData(5, 64, 64, 2)]
    [InlineData(9, 16, 48, 0)]
    [InlineData(16, 64, 64, 1)] // eight-row blocks
    [InlineData(49, 256, 256, 0)] // eight-, four- and one-row steps (7x7 dense layers)
    [InlineData(350, 16, 32, 2)] // two detector rows at 175 px
    [InlineData(3, 48, 96, 1)] // single rows: a 64-column step and a 32-column rest
    public void Gemm_matches_scalar(int rows, int k, int n, int activation)
    {
        var act = (Activation)activation;
        var rng = new Random(rows * 1000 + k + n);
        float[] x = Random(rng, rows * k), w = Random(rng, k * n), bias = Random(rng, n);
        float[] expected = new float[rows * n], actual = new float[rows * n];
        Gemm.RunScalar(x, rows, k, w, n, bias, expected, act);
        Gemm.Run(x, rows, k, w, n, bias, actual, act);
        AssertClose(expected, actual);
    }

    [Theory]
    [InlineData(49, 256, 256, 0)] // eight-, four- and one-row steps (the dense nets' 7x7 layers)
    [InlineData(25, 256, 512, 2)] // the 160 detector's last separable layer
    [InlineData(100, 128, 256, 2)]
    [InlineData(196, 128, 128, 0)]
    [InlineData(13, 64, 72, 1)] // columns past the last whole panel (the 256-bit tail)
    [InlineData(3136, 32, 32, 1)] // the dense nets' first block
    [InlineData(9, 48, 96, 1)] // an odd row after an eight-row step: a 64-column step and a 32-column rest from the panels
    [InlineData(1, 256, 136, 0)] // one row alone
    public void Gemm_with_weight_panels_is_bit_identical_to_row_major_weights(int rows, int k, int n, int activation)
    {
        var act = (Activation)activation;
        var rng = new Random(rows + k + n);
        float[] x = Random(rng, rows * k), w = Random(rng, k * n), bias = Random(rng, n);
        float[] expected = new float[rows * n], actual = new float[rows * n];
        Gemm.Run(x, rows, k, w, n, bias, expected, act);
        Gemm.Run(x, rows, k, w, Gemm.Panels(w, k, n), n, bias, actual, act);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(BitConverter.SingleToInt32Bits(expected[i]) == BitConverter.SingleToInt32Bits(actual[i]), $"[{i}] expected {expected[i]}, got {actual[i]}");
        }
    }

    [Theory]
    [InlineData(64, 16, 16, 0)] // a 64-pixel block of the segmentation net's 16-channel layers (512-bit, eight rows)
    [InlineData(21, 24, 16, 1)] // eight-row blocks and the rest
    [InlineData(9, 128, 16, 2)]
    [InlineData(25, 512, 25, 0)] // the 160 detector's last layer: a 25th column after the vectors, four rows at a time
    [InlineData(121, 512, 25, 0)] // the same at 352
    [InlineData(21, 72, 24, 2)] // the segmentation net's 24-column layers: eight rows of 16 + 8 columns, then four
    [InlineData(17, 16, 72, 1)] // 64 columns from the 512-bit blocks, then eight rows of eight
    [InlineData(9, 88, 88, 0)] // 64, then 16 + 8
    [InlineData(16, 40, 12, 1)] // eight columns, then four alone
    public void Row_blocks_are_bit_identical_to_one_row_at_a_time(int rows, int k, int n, int activation)
    {
        var act = (Activation)activation;
        var rng = new Random(rows + k);
        float[] x = Random(rng, rows * k), w = Random(rng, k * n), bias = Random(rng, n);
        float[] blocks = new float[rows * n], single = new float[rows * n];
        Gemm.Run(x, rows, k, w, n, bias, blocks, act);
        for (int r = 0; r < rows; r++)
        {
            Gemm.Run(x.AsSpan(r * k, k), 1, k, w, n, bias, single.AsSpan(r * n, n), act);
        }

        for (int i = 0; i < single.Length; i++)
        {
            Assert.True(BitConverter.SingleToInt32Bits(single[i]) == BitConverter.SingleToInt32Bits(blocks[i]), $"[{i}] one row {single[i]}, blocks {blocks[i]}");
        }
    }

    [Fact]
    public void Weight_panels_hold_32_columns_of_every_row_in_order_or_16_without_AVX512()
    {
        const int k = 3, n = 70; // two whole 32-column panels (four of 16); the last six columns stay row-major only
        float[] w = new float[k * n];
        for (int i = 0; i < w.Length; i++)
        {
            w[i] = i;
        }

        float[] panels = Gemm.Panels(w, k, n);
        if (!System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated)
        {
            Assert.Empty(panels); // no path would read them
            return;
        }

        int width = System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated ? 32 : 16;
        Assert.Equal(width, Gemm.PanelWidthHere);
        Assert.Equal(k * 64, panels.Length);
        for (int j = 0; j < 64; j += width)
        {
            for (int i = 0; i < k; i++)
            {
                for (int c = 0; c < width; c++)
                {
                    Assert.Equal(w[(i * n) + j + c], panels[(j * k) + (i * width) + c]);
                }
            }
        }
    }

    [Theory]
    [InlineData(7, 7, 16, 1)]
    [InlineData(14, 14, 32, 2)]
    [InlineData(13, 9, 24, 2)]
    [InlineData(5, 6, 8, 1)]
    [InlineData(9, 41, 16, 1)]
    [InlineData(11, 38, 16, 2)]
    [InlineData(56, 56, 32, 1)] // the dense nets' first block: output rows in pairs
    [InlineData(13, 9, 32, 1)] // an odd row count: the last row alone
    [InlineData(10, 10, 128, 1)]
    [InlineData(4, 5, 16, 1)] // the first and last rows at the border, one interior pair
    [InlineData(20, 20, 24, 1)] // the segmentation net's 8k-but-not-16k channel layers: a last group of eight in the row kernels
    [InlineData(40, 40, 72, 2)]
    [InlineData(20, 20, 88, 1)]
    public void Depthwise_matches_scalar(int h, int w, int c, int stride)
    {
        var rng = new Random(h * 100 + w * 10 + c + stride);
        float[] x = Random(rng, h * w * c), k = Random(rng, 9 * c);
        int outH = SeparableConvolution.OutSize(h, stride), outW = SeparableConvolution.OutSize(w, stride);
        int padTop = SeparableConvolution.PadBefore(h, stride), padLeft = SeparableConvolution.PadBefore(w, stride);
        float[] expected = new float[outH * outW * c], actual = new float[outH * outW * c];
        Depthwise.Scalar(x, h, w, c, k, stride, padTop, padLeft, outH, outW, expected);
        Depthwise.Conv3x3(x, h, w, c, k, stride, padTop, padLeft, outH, outW, actual);

        // Bit for bit: every path sums the taps in the same order with fused multiply-adds.
        AssertSameBits(expected, actual);
    }

    [Theory]
    [InlineData("pool-max-pairs", 9, 7, 16, 2, false)] // odd sizes: the last row and column pair with themselves
    [InlineData("pool-max-pairs", 6, 5, 32, 1, false)]
    [InlineData("pool-max-pairs", 9, 7, 16, 2, true)] // with NaNs of either sign and other payloads among the inputs
    [InlineData("pool-max-pairs", 6, 5, 32, 1, true)]
    [InlineData("pool512", 9, 7, 16, 2, false)]
    [InlineData("pool512", 6, 5, 48, 1, false)]
    [InlineData("pool512", 9, 7, 16, 2, true)]
    [InlineData("pool512", 6, 5, 48, 1, true)]
    public void Max_pool_pairs_have_the_bits_of_vector_max_for_every_kind_of_value(string path, int h, int w, int c, int stride, bool nans)
    {
        // Signed zeros side by side in every order, infinities, subnormals and ordinary values.
        var rng = new Random(h + w + c + stride);
        float[] kinds = [0f, -0f, 1f, -1f, 0.5f, float.PositiveInfinity, float.NegativeInfinity, float.Epsilon, -float.Epsilon];
        float[] nanKinds = [float.NaN, -float.NaN, BitConverter.Int32BitsToSingle(0x7FC00123), BitConverter.Int32BitsToSingle(unchecked((int)0xFFA00001))];
        float[] x = new float[h * w * c];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = nans && rng.Next(40) == 0 ? nanKinds[rng.Next(nanKinds.Length)] : kinds[rng.Next(kinds.Length)];
        }

        int outH = Pooling.SameOut(h, stride), outW = Pooling.SameOut(w, stride);
        float[] pairs = new float[outH * outW * c], reference = new float[outH * outW * c];
        Action<bool> set = KernelPaths.Switch(path);
        try
        {
            set(true);
            Pooling.MaxPool2x2(x, h, w, c, stride, pairs);
            set(false);
            Pooling.MaxPool2x2(x, h, w, c, stride, reference);
        }
        finally
        {
            set(true);
        }

        Assert.Contains(reference, v => BitConverter.SingleToInt32Bits(v) == 0);
        Assert.Contains(reference, v => BitConverter.SingleToInt32Bits(v) == unchecked((int)0x80000000));
        Assert.Equal(nans, reference.Any(float.IsNaN));
        AssertSameBits(reference, pairs);
    }

    [Theory]
    [InlineData("dw-two-pixels", 13, 9, 32, 1)] // seven windows per row pair: three two-window steps and one alone
    [InlineData("dw-two-pixels", 6, 12, 24, 1)] // ten: two-window steps only
    [InlineData("dw-stride2-pairs", 15, 13, 40, 2)] // odd inner windows per row: a last window alone
    [InlineData("dw-stride2-pairs", 16, 14, 16, 2)]
    [InlineData("dw-stretches", 9, 150, 16, 1)] // 148 windows per row pair: two stretches of 64 and one of 20
    [InlineData("dw-stretches", 6, 71, 24, 1)] // 69: 64, then five
    [InlineData("dw512-two-pixels", 13, 9, 32, 1)] // seven windows per 512-bit row pair: three two-window steps and one alone
    [InlineData("dw512-two-pixels", 6, 12, 48, 1)] // ten: two-window steps only, three channel groups
    [InlineData("dw512-stride2-pairs", 15, 13, 40, 2)] // odd inner windows per row, a last eight channels
    [InlineData("dw512-stride2-pairs", 16, 14, 16, 2)]
    [InlineData("dw512-stretches", 9, 150, 32, 1)] // 148 windows per row pair: two stretches of 64 and one of 20
    [InlineData("dw512-stretches", 6, 71, 16, 1)] // 69: 64, then five
    [InlineData("dw-border-chains", 9, 7, 56, 1)] // 32, 16 and 8 channels per step
    [InlineData("dw-border-chains", 7, 7, 256, 2)]
    [InlineData("dw-border-chains", 5, 9, 40, 1)]
    public void Depthwise_path_matches_scalar_with_its_switch_on_and_off(string path, int h, int w, int c, int stride)
    {
        var rng = new Random(h * 100 + w * 10 + c + stride);
        float[] x = Random(rng, h * w * c), k = Random(rng, 9 * c);
        int outH = SeparableConvolution.OutSize(h, stride), outW = SeparableConvolution.OutSize(w, stride);
        int padTop = SeparableConvolution.PadBefore(h, stride), padLeft = SeparableConvolution.PadBefore(w, stride);
        float[] expected = new float[outH * outW * c];
        Depthwise.Scalar(x, h, w, c, k, stride, padTop, padLeft, outH, outW, expected);
        Action<bool> set = KernelPaths.Switch(path);
        try
        {
            foreach (bool on in new[] { true, false })
            {
                set(on);
                float[] actual = new float[outH * outW * c];
                Depthwise.Conv3x3(x, h, w, c, k, stride, padTop, padLeft, outH, outW, actual);
                AssertSameBits(expected, actual);
            }
        }
        finally
        {
            set(true);
        }
    }

    [Theory]
    [InlineData(56, 56, 32, 1)] // row pairs, single rows, the top and bottom rows
    [InlineData(14, 14, 32, 2)]
    [InlineData(10, 10, 128, 1)]
    [InlineData(13, 9, 24, 2)] // eight-channel steps
    [InlineData(20, 20, 88, 1)] // a last group of eight channels in the row kernels
    public void Depthwise_sum_of_zero_products_is_positive_zero_as_in_the_reference(int h, int w, int c, int stride)
    {
        // A zero window (a ReLU's zeros) under negative taps: every product is -0. The reference starts each sum at +0,
        // and -0 + +0 is +0; a path that started from the first product would keep -0.
        float[] x = new float[h * w * c], k = new float[9 * c];
        Array.Fill(k, -0.5f);
        int outH = SeparableConvolution.OutSize(h, stride), outW = SeparableConvolution.OutSize(w, stride);
        int padTop = SeparableConvolution.PadBefore(h, stride), padLeft = SeparableConvolution.PadBefore(w, stride);
        float[] expected = new float[outH * outW * c], actual = new float[outH * outW * c];
        Depthwise.Scalar(x, h, w, c, k, stride, padTop, padLeft, outH, outW, expected);
        Depthwise.Conv3x3(x, h, w, c, k, stride, padTop, padLeft, outH, outW, actual);
        Assert.All(expected, v => Assert.Equal(0, BitConverter.SingleToInt32Bits(v)));
        AssertSameBits(expected, actual);
    }

    private static void AssertSameBits(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(BitConverter.SingleToInt32Bits(expected[i]) == BitConverter.SingleToInt32Bits(actual[i]), $"[{i}] expected {expected[i]}, got {actual[i]}");
        }
    }

    [Theory]
    [InlineData(20, 23, 3, 16, 1, false)]
    [InlineData(112, 112, 3, 32, 2, true)]
    [InlineData(17, 9, 3, 32, 2, true)]
    [InlineData(11, 14, 8, 16, 1, true)]
    public void Conv3x3_matches_im2col_reference(int h, int w, int cin, int cout, int stride, bool same)
    {
        var rng = new Random(h + w + cin + cout + stride);
        float[] x = Random(rng, h * w * cin), f = Random(rng, 9 * cin * cout), bias = Random(rng, cout);
        int outH = same ? SeparableConvolution.OutSize(h, stride) : ((h - 3) / stride) + 1;
        int outW = same ? SeparableConvolution.OutSize(w, stride) : ((w - 3) / stride) + 1;
        int padTop = same ? SeparableConvolution.PadBefore(h, stride) : 0, padLeft = same ? SeparableConvolution.PadBefore(w, stride) : 0;
        float[] expected = new float[outH * outW * cout], actual = new float[outH * outW * cout];
        float[] scratch = new float[Conv2d.ScratchLength(outW, cin)];
        Conv2d.Im2col(x, h, w, cin, f, bias, cout, stride, padTop, padLeft, outH, outW, expected, Activation.Leaky, scratch);
        Conv2d.Conv3x3(x, h, w, cin, f, bias, cout, stride, padTop, padLeft, outH, outW, actual, Activation.Leaky, scratch);
        AssertClose(expected, actual);
    }

    [Theory]
    [InlineData(22, 9, 3, 16, 1)] // 20 outputs per row: a sixteen-pixel block, then eight ending at the last (overlapping)
    [InlineData(33, 7, 3, 32, 1)] // 31: sixteen, eight, then eight overlapping
    [InlineData(113, 9, 3, 32, 2)] // the dense nets' first layer's row (56 outputs): 16 x 3, then eight
    [InlineData(162, 5, 3, 16, 1)] // the 160 detector's first layer (158): 16 x 9, eight, eight overlapping
    [InlineData(12, 6, 8, 16, 1)] // 10 outputs: no sixteen-pixel block
    [InlineData(9, 6, 3, 16, 1)] // 7 outputs: too few for an eight-pixel block
    public void Conv3x3_valid_is_bit_identical_to_im2col_reference(int w, int h, int cin, int cout, int stride)
    {
        // Without padding every path sums the same 9 * cin taps in the same order from the bias, so the same bits.
        var rng = new Random(w + h + cin + cout + stride);
        float[] x = Random(rng, h * w * cin), f = Random(rng, 9 * cin * cout), bias = Random(rng, cout);
        int outH = ((h - 3) / stride) + 1, outW = ((w - 3) / stride) + 1;
        float[] expected = new float[outH * outW * cout], actual = new float[outH * outW * cout];
        float[] scratch = new float[Conv2d.ScratchLength(outW, cin)];
        Conv2d.Im2col(x, h, w, cin, f, bias, cout, stride, 0, 0, outH, outW, expected, Activation.Leaky, scratch);
        Conv2d.Conv3x3(x, h, w, cin, f, bias, cout, stride, 0, 0, outH, outW, actual, Activation.Leaky, scratch);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(BitConverter.SingleToInt32Bits(expected[i]) == BitConverter.SingleToInt32Bits(actual[i]), $"[{i}] im2col {expected[i]}, direct {actual[i]}");
        }
    }

    [Theory]
    [InlineData(40, 9, 3, 16, 1, false, 31)] // the detector's first layer on a padded portrait: valid, uniform from 31
    [InlineData(40, 9, 3, 16, 1, false, 0)] // the whole input uniform
    [InlineData(40, 9, 3, 16, 1, false, 37)] // the last three columns: one uniform window per row
    [InlineData(40, 9, 3, 16, 1, false, 39)] // one uniform column: no window lies in it
    [InlineData(41, 10, 3, 32, 2, true, 30)] // stride 2, same padding: the right border window keeps its own taps
    [InlineData(22, 7, 8, 16, 1, true, 13)]
    public void Conv3x3_over_uniform_columns_is_bit_identical_to_every_window_computed(int w, int h, int cin, int cout, int stride, bool same, int uniformFrom)
    {
        var rng = new Random(w + h + cin + cout + stride + uniformFrom);
        float[] x = Random(rng, h * w * cin), f = Random(rng, 9 * cin * cout), bias = Random(rng, cout);
        float[] margin = Random(rng, cin);
        for (int r = 0; r < h; r++)
        {
            for (int c = uniformFrom; c < w; c++)
            {
                margin.CopyTo(x, ((r * w) + c) * cin);
            }
        }

        int outH = same ? SeparableConvolution.OutSize(h, stride) : ((h - 3) / stride) + 1;
        int outW = same ? SeparableConvolution.OutSize(w, stride) : ((w - 3) / stride) + 1;
        int padTop = same ? SeparableConvolution.PadBefore(h, stride) : 0, padLeft = same ? SeparableConvolution.PadBefore(w, stride) : 0;
        float[] expected = new float[outH * outW * cout], actual = new float[outH * outW * cout];
        float[] scratch = new float[Conv2d.ScratchLength(outW, cin)];
        Assert.Equal(uniformFrom, Conv2d.UniformColumnsFrom(x, h, w, cin));
        Conv2d.Conv3x3Rows(x, h, w, cin, f, bias, cout, stride, padTop, padLeft, outH, outW, 0, outH, expected, Activation.Leaky, scratch);
        Conv2d.Conv3x3Rows(x, h, w, cin, f, bias, cout, stride, padTop, padLeft, outH, outW, 0, outH, actual, Activation.Leaky, scratch, uniformFrom);
        AssertSameBits(expected, actual);
    }

    [Fact]
    public void Uniform_columns_start_after_the_last_differing_pixel_of_any_row()
    {
        const int h = 5, w = 12, c = 3;
        float[] x = new float[h * w * c];
        Array.Fill(x, -0.45f);
        for (int r = 0; r < h; r++)
        {
            for (int col = 0; col < 7; col++)
            {
                x[((r * w) + col) * c] = r + col;
            }
        }

        Assert.Equal(7, Conv2d.UniformColumnsFrom(x, h, w, c));
        x[(((3 * w) + 9) * c) + 2] = 0.5f; // one channel of one pixel in a lower row
        Assert.Equal(10, Conv2d.UniformColumnsFrom(x, h, w, c));
        x[(((4 * w) + 11) * c) + 1] = -0.45000002f; // the last column differs in the last row: nothing is uniform
        Assert.Equal(12, Conv2d.UniformColumnsFrom(x, h, w, c));
    }

    [Theory]
    [InlineData(358, 441, 0, 0, 358, 441, false, 352)] // the detector on a portrait: right padding, downscale
    [InlineData(358, 441, 0, 0, 358, 441, false, 160)] // the 160 probe: whole padding columns on the right
    [InlineData(358, 441, 0, 0, 358, 441, true, 160)] // the coarse segmentation input: padding columns on both sides
    [InlineData(441, 358, 0, 0, 441, 358, false, 224)] // landscape: bottom padding
    [InlineData(358, 441, 57, 123, 201, 188, true, 112)] // a landmark crop: centred padding
    [InlineData(120, 90, 10, 5, 40, 61, true, 112)] // upscale: consecutive output rows share source rows
    [InlineData(300, 300, 0, 0, 300, 300, false, 416)] // square, upscale, no padding
    [InlineData(358, 441, 200, 100, 158, 180, true, 112)] // a crop at the right edge: the last pixel's read runs into the next row
    [InlineData(358, 441, 200, 261, 158, 180, true, 112)] // a crop in the bottom right corner: the image's last pixel
    public void ImageInput_fast_path_is_bit_identical_to_reference(int w, int h, int x, int y, int cw, int ch, bool center, int size)
    {
        var rng = new Random(w + h + x + y + size);
        byte[] rgb = new byte[w * h * 3];
        rng.NextBytes(rgb);
        using var image = SocialCard.Imaging.RgbImage.FromRgb(rgb, w, h);
        float[] expected = new float[size * size * 3];
        ImageInput.PrepareScalar(image, x, y, cw, ch, center, size, 122.782f, 117.001f, 104.298f, expected);
        try
        {
            foreach ((bool inPlace, bool vertical512) in new[] { (true, true), (false, true), (true, false) })
            {
                ImageInput.UseRowsInPlace = inPlace;
                ImageInput.UseVertical512 = vertical512;
                float[] actual = new float[size * size * 3];
                ImageInput.Prepare(image, x, y, cw, ch, center, size, 122.782f, 117.001f, 104.298f, actual);
                for (int i = 0; i < expected.Length; i++)
                {
                    Assert.True(
                        BitConverter.SingleToInt32Bits(expected[i]) == BitConverter.SingleToInt32Bits(actual[i]),
                        $"[{i}] in place {inPlace}, 512-bit rows {vertical512}: expected {expected[i]}, got {actual[i]}");
                }
            }
        }
        finally
        {
            ImageInput.UseRowsInPlace = true;
            ImageInput.UseVertical512 = true;
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Fused_skip_sums_are_bit_identical_to_one_pass_per_operation(int terms)
    {
        const int n = (7 * 7 * 256) + 5; // a vector tail too
        var rng = new Random(terms);
        float[] a = Random(rng, n), b = Random(rng, n), c = Random(rng, n), d = Random(rng, n);
        float[] expected = new float[n], actual = new float[n];
        Elementwise.Reference(a, b, c, d, expected, terms);
        switch (terms)
        {
            case 2: Elementwise.AddRelu(a, b, actual); break;
            case 3: Elementwise.AddRelu(a, b, c, actual); break;
            default: Elementwise.AddRelu(a, b, c, d, actual); break;
        }

        for (int i = 0; i < n; i++)
        {
            Assert.True(BitConverter.SingleToInt32Bits(expected[i]) == BitConverter.SingleToInt32Bits(actual[i]), $"[{i}] expected {expected[i]}, got {actual[i]}");
        }
    }

    [Theory]
    [InlineData(49, 256)] // the dense nets' last block
    [InlineData(4, 16)]
    [InlineData(9, 24)] // not whole 16-channel groups: the reference path
    public void GlobalAverage_is_bit_identical_to_one_value_at_a_time(int pixels, int c)
    {
        var rng = new Random(pixels + c);
        float[] x = Random(rng, pixels * c);
        float[] expected = new float[c], actual = new float[c];
        Pooling.GlobalAverageScalar(x, pixels, c, expected, new double[c]);
        Pooling.GlobalAverage(x, pixels, c, actual, new double[c]);
        for (int i = 0; i < c; i++)
        {
            Assert.True(BitConverter.SingleToInt32Bits(expected[i]) == BitConverter.SingleToInt32Bits(actual[i]), $"[{i}] expected {expected[i]}, got {actual[i]}");
        }
    }

    [Fact]
    public void Same_padding_matches_tfjs_rule()
    {
        Assert.Equal(0, SeparableConvolution.PadBefore(112, 2)); // even size, stride 2: 0 before, 1 after
        Assert.Equal(56, SeparableConvolution.OutSize(112, 2));
        Assert.Equal(1, SeparableConvolution.PadBefore(7, 1));
        Assert.Equal(1, SeparableConvolution.PadBefore(13, 2)); // odd size, stride 2: padTotal 2
    }

    [Fact]
    public void MaxPool_same_ignores_padding()
    {
        // 3x3 single channel, all negative: a padded zero must never win.
        float[] x = [-9, -8, -7, -6, -5, -4, -3, -2, -1];
        float[] y = new float[4];
        Pooling.MaxPool2x2(x, 3, 3, 1, 2, y);
        Assert.Equal([-5f, -4f, -2f, -1f], y);
        float[] s1 = new float[9];
        Pooling.MaxPool2x2(x, 3, 3, 1, 1, s1);
        Assert.Equal([-5f, -4f, -4f, -2f, -1f, -1f, -2f, -1f, -1f], s1);
    }

    [Fact]
    public void Leaky_follows_tfjs_form()
    {
        float[] x = [-2f, 0f, 3f], w = [1f], bias = [0f, 0f, 0f];
        float[] y = new float[3];
        Gemm.RunScalar(x, 3, 1, w, 1, [0f], y, Activation.Leaky);
        float m = -2f * 0.1f;
        Assert.Equal(MathF.Max(-2f - m, 0f) + m, y[0]);
        Assert.Equal(0f, y[1]);
        Assert.Equal(3f, y[2]);
        Assert.Equal(3, bias.Length);
    }

    private static float[] Random(Random rng, int n)
    {
        var a = new float[n];
        for (int i = 0; i < n; i++)
        {
            a[i] = (float)((rng.NextDouble() * 2) - 1);
        }

        return a;
    }

    private static void AssertClose(float[] expected, float[] actual)
    {
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= Tolerance, $"[{i}] expected {expected[i]}, got {actual[i]}");
        }
    }
}
