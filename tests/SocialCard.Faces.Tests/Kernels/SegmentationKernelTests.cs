using SocialCard.Faces.Kernels;
using SocialCard.Faces.Tests.TestUtilities;

namespace SocialCard.Faces.Tests.Kernels;

/// <summary>The segmentation net's kernels: vector paths against the scalar references, and tfjs semantics on small cases.</summary>
[Collection(KernelSwitchCollection.Name)]
public sealed class SegmentationKernelTests
{
    [Theory]
    [InlineData(16, 16, 96, 5, 1)]
    [InlineData(32, 32, 72, 5, 2)]
    [InlineData(9, 7, 24, 5, 2)]
    [InlineData(6, 11, 8, 7, 1)]
    public void Depthwise_kxk_vector_is_bit_identical_to_scalar(int h, int w, int c, int k, int stride)
    {
        var rng = new Random(h * 31 + w + c + k + stride);
        float[] x = Random(rng, h * w * c), kernel = Random(rng, k * k * c);
        int outH = (h + stride - 1) / stride, outW = (w + stride - 1) / stride;
        int padTop = Depthwise.SamePadBefore(h, stride, k), padLeft = Depthwise.SamePadBefore(w, stride, k);
        float[] expected = new float[outH * outW * c], actual = new float[outH * outW * c];
        Depthwise.ScalarKxK(x, h, w, c, kernel, k, stride, padTop, padLeft, outH, outW, expected);
        Depthwise.Conv(x, h, w, c, kernel, k, stride, padTop, padLeft, outH, outW, actual);
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(16, 16, 96, 5, 1)] // twelve inner windows per row: three four-window blocks
    [InlineData(9, 15, 24, 5, 1)] // eleven: two blocks, then three windows alone
    [InlineData(13, 21, 40, 5, 2)]
    [InlineData(6, 12, 8, 7, 1)]
    [InlineData(8, 7, 16, 5, 1)] // three inner windows: no block
    public void Depthwise_kxk_four_windows_at_a_time_have_the_scalar_bits(int h, int w, int c, int k, int stride)
    {
        var rng = new Random(h * 37 + w + c + k + stride);
        float[] x = Random(rng, h * w * c), kernel = Random(rng, k * k * c);
        int outH = (h + stride - 1) / stride, outW = (w + stride - 1) / stride;
        int padTop = Depthwise.SamePadBefore(h, stride, k), padLeft = Depthwise.SamePadBefore(w, stride, k);
        float[] expected = new float[outH * outW * c];
        Depthwise.ScalarKxK(x, h, w, c, kernel, k, stride, padTop, padLeft, outH, outW, expected);
        Action<bool> set = KernelPaths.Switch("dw-kxk-four");
        try
        {
            foreach (bool on in new[] { true, false })
            {
                set(on);
                float[] actual = new float[outH * outW * c];
                Depthwise.Conv(x, h, w, c, kernel, k, stride, padTop, padLeft, outH, outW, actual);
                Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), actual.Select(BitConverter.SingleToInt32Bits));
            }
        }
        finally
        {
            set(true);
        }
    }

    [Fact]
    public void Depthwise_kxk_scalar_sums_the_window_with_same_padding()
    {
        // 5x5 box of ones on a 3x3 ramp, same padding: the centre sees all nine values, a corner four.
        float[] x = [1, 2, 3, 4, 5, 6, 7, 8, 9];
        float[] kernel = Enumerable.Repeat(1f, 25).ToArray();
        float[] y = new float[9];
        Depthwise.ScalarKxK(x, 3, 3, 1, kernel, 5, 1, Depthwise.SamePadBefore(3, 1, 5), Depthwise.SamePadBefore(3, 1, 5), 3, 3, y);
        Assert.Equal(45f, y[4]);
        Assert.Equal(1f + 2 + 4 + 5 + 3 + 6 + 7 + 8 + 9, y[0]); // radius 2 reaches the whole 3x3 from any cell
        Assert.Equal(2, Depthwise.SamePadBefore(3, 1, 5));
        Assert.Equal(1, Depthwise.SamePadBefore(32, 2, 5)); // padTotal 3: 1 before, 2 after
    }

    [Theory]
    [InlineData(8, 8, 16, 1, 2)]
    [InlineData(5, 7, 24, 3, 2)]
    public void Transposed_convolution_vector_matches_scalar(int h, int w, int cin, int cout, int k)
    {
        var rng = new Random(h + w + cin + cout);
        float[] x = Random(rng, h * w * cin), f = Random(rng, k * k * cout * cin);
        int outH = h * 2, outW = w * 2;
        float[] expected = new float[outH * outW * cout], actual = new float[outH * outW * cout];
        TransposedConvolution.Scalar(x, h, w, cin, f, k, cout, 2, 0, 0, outH, outW, expected);
        TransposedConvolution.Run(x, h, w, cin, f, k, cout, 2, 0, 0, outH, outW, actual);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-5f, $"[{i}] expected {expected[i]}, got {actual[i]}");
        }
    }

    [Theory]
    [InlineData(8, 8, 16)]
    [InlineData(5, 7, 24)]
    [InlineData(80, 80, 16)]
    public void Transposed_convolution_two_by_two_head_is_bit_identical_to_the_per_pixel_path(int h, int w, int cin)
    {
        var rng = new Random((h * 7) + w + cin);
        float[] x = Random(rng, h * w * cin).Select(v => v * 37).ToArray(), f = Random(rng, 4 * cin);
        float[] expected = new float[4 * h * w], actual = new float[4 * h * w];
        TransposedConvolution.PerPixel(x, h, w, cin, f, 2, 1, 0, 0, 2 * h, 2 * w, expected);
        TransposedConvolution.Run(x, h, w, cin, f, 2, 1, 2, 0, 0, 2 * h, 2 * w, actual);
        Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), actual.Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(x.AsSpan(0, cin).ToArray().Zip(f.AsSpan(cin, cin).ToArray()).Sum(p => (double)p.First * p.Second), actual[1], 3);
    }

    [Fact]
    public void Transposed_convolution_scatters_each_input_over_its_stride_cell()
    {
        // One channel in, one out, 2x2 kernel [1,2;3,4], stride 2: input value v fills its 2x2 cell with v*kernel.
        float[] x = [1, 10];
        float[] f = [1, 2, 3, 4];
        float[] y = new float[2 * 4];
        TransposedConvolution.Scalar(x, 1, 2, 1, f, 2, 1, 2, 0, 0, 2, 4, y);
        Assert.Equal([1f, 2f, 10f, 20f, 3f, 4f, 30f, 40f], y);
    }

    [Theory]
    [InlineData(16, 16, 24, 32, 32, false, true)]
    [InlineData(32, 32, 16, 64, 64, false, true)]
    [InlineData(7, 5, 8, 13, 11, false, false)]
    [InlineData(7, 5, 8, 13, 11, true, false)]
    [InlineData(10, 10, 128, 20, 20, false, true)] // the segmentation net's first upsampling
    [InlineData(9, 7, 12, 18, 14, false, true)] // channels not a multiple of eight
    [InlineData(6, 5, 4, 12, 5, false, true)] // output rows blended in pairs, rows not a multiple of eight values
    public void Bilinear_resize_vector_is_bit_identical_to_scalar(int h, int w, int c, int outH, int outW, bool align, bool half)
    {
        var rng = new Random(h + w + c + outH);
        float[] x = Random(rng, h * w * c);
        float[] expected = new float[outH * outW * c], actual = new float[outH * outW * c];
        BilinearResize.UseVectors = false;
        try
        {
            BilinearResize.Run(x, h, w, c, outH, outW, align, half, expected);
        }
        finally
        {
            BilinearResize.UseVectors = true;
        }

        BilinearResize.Run(x, h, w, c, outH, outW, align, half, actual);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Bilinear_resize_half_pixel_centres_follow_tfjs()
    {
        // 1x2 -> 1x4 with half-pixel centres: sources -0.25 (clamped to the first), 0.25, 0.75, 1.25 (clamped).
        float[] x = [0f, 4f];
        float[] y = new float[4];
        BilinearResize.Run(x, 1, 2, 1, 1, 4, alignCorners: false, halfPixelCenters: true, y);
        Assert.Equal([0f, 1f, 3f, 4f], y); // the clamped source lies on one cell: frac is irrelevant
    }

    [Fact]
    public void Average_pool_valid_means_each_window()
    {
        float[] x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16];
        float[] y = new float[4];
        Pooling.AveragePool(x, 4, 4, 1, 2, 2, y, new double[1]);
        Assert.Equal([3.5f, 5.5f, 11.5f, 13.5f], y);
    }

    [Theory]
    [InlineData(16, 16, 96, 16, 16)]
    [InlineData(8, 8, 16, 8, 8)]
    [InlineData(9, 7, 24, 3, 2)]
    [InlineData(4, 4, 8, 2, 2)]
    public void Average_pool_vector_is_bit_identical_to_the_reference(int h, int w, int c, int k, int stride)
    {
        var rng = new Random((h * 131) + (w * 17) + c + k);
        float[] x = Random(rng, h * w * c).Select(v => v * 50).ToArray();
        int n = (((h - k) / stride) + 1) * (((w - k) / stride) + 1) * c;
        float[] expected = new float[n], actual = new float[n];
        Pooling.AveragePoolReference(x, h, w, c, k, stride, expected, new double[c]);
        Pooling.AveragePool(x, h, w, c, k, stride, actual, new double[c]);
        Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), actual.Select(BitConverter.SingleToInt32Bits));
    }

    /// <summary>A global average taken block by block of pixels (the pool moved into the step that writes the tensor)
    /// equals the global average pool's reference bit for bit, with blocks that do not divide the tensor and channel
    /// counts off the vector width.</summary>
    [Theory]
    [InlineData(40, 16, 64)]
    [InlineData(10, 96, 64)]
    [InlineData(20, 24, 7)]
    [InlineData(5, 12, 3)]
    public void Global_average_taken_block_by_block_is_bit_identical_to_the_pool(int side, int c, int block)
    {
        var rng = new Random((side * 131) + c + block);
        int pixels = side * side;
        float[] x = Random(rng, pixels * c).Select(v => v * 50).ToArray();
        float[] expected = new float[c], actual = new float[c];
        Pooling.AveragePoolReference(x, side, side, c, side, side, expected, new double[c]);
        var sums = new double[c];
        for (int p0 = 0; p0 < pixels; p0 += block)
        {
            int n = Math.Min(block, pixels - p0);
            Pooling.Accumulate(x.AsSpan(p0 * c, n * c), n, c, sums);
        }

        Pooling.Average(sums, pixels, actual);
        Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), actual.Select(BitConverter.SingleToInt32Bits));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(0, 3001)]
    [InlineData(16, 128 * 128)]
    [InlineData(24, 37)]
    [InlineData(7, 1025)]
    [InlineData(2048, 3)]
    [InlineData(96, 400)]
    public void Hard_swish_in_one_pass_is_bit_identical_to_the_separate_passes(int channels, int pixels)
    {
        var rng = new Random(channels * 7919 + pixels);
        int n = channels == 0 ? pixels : channels * pixels;
        float[] x = Random(rng, n).Select(v => v * 8).ToArray();
        float[] bias = channels == 0 ? [] : Random(rng, channels);
        const float Scale = 0.16666667f, Offset = 3f;
        float[] u = (float[])x.Clone();
        if (channels != 0)
        {
            Pointwise.AddPerChannel(x, bias, pixels, u);
        }

        float[] a = new float[n], b = new float[n], expected = new float[n], actual = new float[n];
        Pointwise.Multiply(u, Scale, a);
        Pointwise.Add(u, Offset, b);
        Pointwise.Relu6(b, b);
        Pointwise.Multiply(a, b, expected);
        Pointwise.HardSwish(x, bias, Scale, Offset, actual);
        Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), actual.Select(BitConverter.SingleToInt32Bits));
        float[] blocks = new float[n];
        Pointwise.HardSwishBlocks(x, bias, Scale, Offset, blocks);
        Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), blocks.Select(BitConverter.SingleToInt32Bits));
        Assert.Contains(actual, v => v == 0);
    }

    [Theory]
    [InlineData(0x40400000, 24)] // 3
    [InlineData(0, 24)] // +0
    [InlineData(unchecked((int)0x80000000), 24)] // -0: u + offset can be -0, so the clamp goes through Vector256.Max
    [InlineData(unchecked((int)0xC0200000), 24)] // -2.5
    [InlineData(0x40400000, 0)] // no bias
    [InlineData(unchecked((int)0x80000000), 0)]
    public void Hard_swish_native_clamp_has_the_bits_of_vector_max_and_min_for_every_kind_of_value(int offsetBits, int channels)
    {
        float offset = BitConverter.Int32BitsToSingle(offsetBits);
        // Inputs and biases that make u + offset NaN (either sign), infinite, a signed zero, 6 exactly or near the edges.
        float[] kinds = [0f, -0f, 1f, -1f, -3f, 3f, 6f, -6f, 2.5f, -2.5f, 7f, float.PositiveInfinity, float.NegativeInfinity, float.NaN, -float.NaN, float.Epsilon, -float.Epsilon, 1e-30f];
        const int Pixels = 61;
        var rng = new Random(channels + Pixels);
        float[] x = new float[24 * Pixels], bias = new float[channels];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = kinds[rng.Next(kinds.Length)];
        }

        for (int i = 0; i < bias.Length; i++)
        {
            bias[i] = i % 3 == 0 ? kinds[rng.Next(kinds.Length)] : (i % 3 == 1 ? 0f : -0f);
        }

        float[] native = new float[x.Length], reference = new float[x.Length];
        Action<bool> set = KernelPaths.Switch("hardswish-clamp");
        try
        {
            set(true);
            Pointwise.HardSwish(x, bias, 0.16666667f, offset, native);
            set(false);
            Pointwise.HardSwish(x, bias, 0.16666667f, offset, reference);
        }
        finally
        {
            set(true);
        }

        Assert.Contains(reference, float.IsNaN);
        Assert.Contains(reference, v => v == 0);
        Assert.Equal(reference.Select(BitConverter.SingleToInt32Bits), native.Select(BitConverter.SingleToInt32Bits));
    }

    [Theory]
    [InlineData(16, 4096)]
    [InlineData(5, 33)]
    public void Bias_with_relu_in_one_pass_is_bit_identical_to_bias_then_relu(int channels, int pixels)
    {
        var rng = new Random(channels + pixels);
        float[] x = Random(rng, channels * pixels), bias = Random(rng, channels);
        float[] expected = new float[x.Length], actual = new float[x.Length];
        Pointwise.AddPerChannel(x, bias, pixels, expected);
        Pointwise.Relu(expected, expected);
        Pointwise.AddPerChannel(x, bias, pixels, actual, Activation.Relu);
        Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), actual.Select(BitConverter.SingleToInt32Bits));
        Assert.Contains(actual, v => v == 0);
    }

    [Theory]
    [InlineData(16, 257)]
    [InlineData(96, 9)]
    [InlineData(5, 33)]
    public void Per_channel_vector_paths_are_bit_identical_to_their_references(int channels, int pixels)
    {
        var rng = new Random(channels * 31 + pixels);
        float[] x = Random(rng, channels * pixels), bias = Random(rng, channels);
        foreach (Activation activation in new[] { Activation.None, Activation.Relu })
        {
            float[] expected = new float[x.Length], actual = new float[x.Length];
            Pointwise.AddPerChannelReference(x, bias, pixels, expected, activation);
            Pointwise.AddPerChannel(x, bias, pixels, actual, activation);
            Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), actual.Select(BitConverter.SingleToInt32Bits));
        }

        float[] residual = Random(rng, channels * pixels);
        foreach (Activation activation in new[] { Activation.None, Activation.Relu })
        {
            float[] withResidual = new float[x.Length], separate = new float[x.Length], passes = new float[x.Length];
            Pointwise.AddPerChannel(x, bias, pixels, withResidual, activation, residual);
            Pointwise.AddPerChannelReference(x, bias, pixels, separate, activation, residual);
            Pointwise.AddPerChannel(x, bias, pixels, passes, activation);
            Pointwise.Add(residual, passes, passes);
            Assert.Equal(passes.Select(BitConverter.SingleToInt32Bits), withResidual.Select(BitConverter.SingleToInt32Bits));
            Assert.Equal(passes.Select(BitConverter.SingleToInt32Bits), separate.Select(BitConverter.SingleToInt32Bits));
        }

        float[] product = new float[x.Length], reference = new float[x.Length];
        Pointwise.MultiplyPerChannelReference(x, bias, pixels, reference);
        Pointwise.MultiplyPerChannel(x, bias, pixels, product);
        Assert.Equal(reference.Select(BitConverter.SingleToInt32Bits), product.Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(x[channels + 1] * bias[1], product[channels + 1]);
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
}
