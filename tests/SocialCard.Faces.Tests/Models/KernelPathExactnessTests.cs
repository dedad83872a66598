using SocialCard.Faces.Kernels;
using SocialCard.Faces.Models.DenseFaceNet;
using SocialCard.Faces.Models.TinyFaceDetector;
using SocialCard.Faces.Tests.TestUtilities;
using SocialCard.Imaging;

namespace SocialCard.Faces.Tests.Models;

/// <summary>
/// The networks through a faster kernel path against the same networks through the path it replaced, on a compliant
/// devset photo: every output of the detector (three input sizes), the dense nets and the segmentation network (both
/// passes) bit for bit (each output takes the same operations in the same order), for every switch in <see cref="Switches"/>.
/// </summary>
[Collection(KernelSwitchCollection.Name)]
public sealed class KernelPathExactnessTests
{
    /// <summary>Every kernel path switch (<see cref="KernelPaths.Names"/>).</summary>
    public static TheoryData<string> Switches => [.. KernelPaths.Names];

    [Theory]
    [MemberData(nameof(Switches))]
    public void Detector_grids_are_bit_identical_on_either_path(string path)
    {
        using RgbImage photo = DevsetPhoto();
        foreach (int size in new[] { 160, 224, 352 })
        {
            var runner = new TinyFaceDetectorRunner(SharedModels.Models.Detector, size);
            AssertSameBits(KernelPaths.Switch(path), () => runner.Run(photo).ToArray());
        }
    }

    [Theory]
    [MemberData(nameof(Switches))]
    public void Landmark_and_expression_outputs_are_bit_identical_on_either_path(string path)
    {
        using RgbImage photo = DevsetPhoto();
        var runner = new DenseFaceNetRunner();
        ImageInput.Prepare(photo, 80, 120, 200, 220, center: true, 112, 122.782f, 117.001f, 104.298f, runner.Input);
        AssertSameBits(KernelPaths.Switch(path), () => runner.Run(SharedModels.Models.Landmark68).ToArray());
        AssertSameBits(KernelPaths.Switch(path), () => runner.Run(SharedModels.Models.Expression).ToArray());
        AssertSameBits(KernelPaths.Switch(path), () => runner.Run(SharedModels.Models.Landmark68Tiny).ToArray());
    }

    [Theory]
    [MemberData(nameof(Switches))]
    public void Segmentation_masks_are_bit_identical_on_either_path(string path)
    {
        using RgbImage photo = DevsetPhoto();
        var segmenter = new SelfieSegmenter(SharedSelfieModel.Model);
        AssertSameBits(KernelPaths.Switch(path), () => segmenter.Segment(photo).Probability.ToArray());
        AssertSameBits(KernelPaths.Switch(path), () => segmenter.SegmentCoarse(photo).Probability.ToArray());
    }

    /// <summary>The GEMM on odd shapes (rows not a multiple of six, columns not of sixteen, k = 1, 3, 32, 256 and a k
    /// not a multiple of four), with its weights row-major and as panels, on the path each switch selects and on the path
    /// it replaced: every output bit for bit the one-chain reference (the bias, then one FMA per k in order, then the
    /// activation).</summary>
    [Theory]
    [InlineData("gemm-typed")]
    [InlineData("gemm-unroll")]
    [InlineData("gemm-last-six")]
    [InlineData("gemm512-typed")]
    [InlineData("gemm512-unroll")]
    public void Gemm_on_odd_shapes_is_bit_identical_to_one_fma_chain_per_output_on_either_path(string path)
    {
        Action<bool> set = KernelPaths.Switch(path);
        try
        {
            foreach (bool on in new[] { true, false })
            {
                set(on);
                foreach ((int rows, int k, int n) in new[] { (7, 1, 16), (13, 3, 40), (20, 32, 48), (11, 256, 24), (25, 31, 32), (6, 5, 17), (1, 32, 64), (10, 128, 80), (17, 96, 112), (19, 33, 96), (196, 128, 128) })
                {
                    foreach (Activation act in new[] { Activation.None, Activation.Relu, Activation.Leaky })
                    {
                        var rng = new Random((rows * 1000) + (k * 10) + n);
                        float[] x = Random(rng, rows * k), w = Random(rng, k * n), bias = Random(rng, n);
                        float[] expected = OneChainPerOutput(x, rows, k, w, n, bias, act);
                        float[] rowMajor = new float[rows * n], panels = new float[rows * n];
                        Gemm.Run(x, rows, k, w, n, bias, rowMajor, act);
                        Gemm.Run(x, rows, k, w, Gemm.Panels(w, k, n), n, bias, panels, act);
                        AssertSameBits(expected, rowMajor, $"{rows}x{k}x{n} {act} row-major, {path} {(on ? "on" : "off")}");
                        AssertSameBits(expected, panels, $"{rows}x{k}x{n} {act} panels, {path} {(on ? "on" : "off")}");
                    }
                }
            }
        }
        finally
        {
            set(true);
        }
    }

    /// <summary>A dense block's last pointwise conv with its skip sum (<see cref="Gemm.RunSkipSum"/>: two, three and four
    /// terms) on odd shapes (rows not a multiple of six, four or five rows after the last six-row block with weights past
    /// L1, rows after the last eight-row block, sixteen to 256 columns), weights as panels, on the 256-bit path (AVX-512
    /// off where there is one) and on the 512-bit one where the core has it: the GEMM's output and the sum bit for bit the
    /// one-chain reference then <see cref="Elementwise.Reference"/>, with the sums in the GEMM's stores and as their own
    /// pass.</summary>
    [Theory]
    [InlineData("gemm-skip-sums", false)]
    [InlineData("gemm512-skip-sums", true)]
    public void Gemm_with_the_skip_sum_is_bit_identical_to_the_gemm_then_the_reference_sum(string path, bool use512)
    {
        Action<bool> set = KernelPaths.Switch(path);
        bool wide = Gemm.UseVector512;
        try
        {
            Gemm.UseVector512 = use512 && System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated;
            foreach (bool on in new[] { true, false })
            {
                set(on);
                foreach ((int rows, int k, int n) in new[] { (7, 3, 16), (13, 32, 32), (49, 64, 48), (16, 128, 128), (17, 96, 256), (6, 5, 16), (4, 32, 32), (196, 33, 64), (49, 256, 256), (8, 1, 32) })
                {
                    foreach (int terms in new[] { 2, 3, 4 })
                    {
                        var rng = new Random((rows * 1000) + (k * 10) + n + terms);
                        float[] x = Random(rng, rows * k), w = Random(rng, k * n), bias = Random(rng, n);
                        float[] o1 = Random(rng, rows * n), o2 = Random(rng, rows * n), o3 = Random(rng, rows * n);
                        float[] expectedY = OneChainPerOutput(x, rows, k, w, n, bias, Activation.None);
                        float[] expectedSum = new float[rows * n], y = new float[rows * n], sum = new float[rows * n];
                        float[] b = terms == 2 ? expectedY : o2, c = terms == 3 ? expectedY : o3;
                        Elementwise.Reference(o1, b, c, expectedY, expectedSum, terms);
                        Gemm.RunSkipSum(x, rows, k, w, Gemm.Panels(w, k, n), n, bias, y, o1, o2, o3, sum, terms);
                        string what = $"{rows}x{k}x{n} {terms} terms, {path} {(on ? "on" : "off")}";
                        AssertSameBits(expectedSum, sum, what + " sum");
                        if (terms < 4)
                        {
                            AssertSameBits(expectedY, y, what + " output");
                        }
                    }
                }
            }
        }
        finally
        {
            set(true);
            Gemm.UseVector512 = wide;
        }
    }

    /// <summary>The 3x3 convolutions (no padding: every path sums the same 9 x cin taps from the bias) on odd shapes, one
    /// to eight input channels, on the path each switch selects and on the path it replaced: every output bit for bit the
    /// unfolded (im2col) reference.</summary>
    [Theory]
    [InlineData("conv-typed")]
    [InlineData("conv-unroll")]
    [InlineData("conv512-refs")]
    public void Conv3x3_on_odd_shapes_is_bit_identical_to_the_unfolded_reference_on_either_path(string path)
    {
        Action<bool> set = KernelPaths.Switch(path);
        try
        {
            foreach (bool on in new[] { true, false })
            {
                set(on);
                foreach ((int w, int h, int cin, int cout, int stride) in new[] { (17, 5, 3, 16, 1), (23, 7, 1, 32, 2), (12, 4, 8, 16, 1), (9, 3, 2, 48, 1), (37, 5, 3, 16, 1), (43, 5, 3, 32, 2) })
                {
                    foreach (Activation act in new[] { Activation.None, Activation.Relu, Activation.Leaky })
                    {
                        var rng = new Random(w + h + cin + cout + stride);
                        float[] x = Random(rng, h * w * cin), f = Random(rng, 9 * cin * cout), bias = Random(rng, cout);
                        int outH = ((h - 3) / stride) + 1, outW = ((w - 3) / stride) + 1;
                        float[] expected = new float[outH * outW * cout], actual = new float[outH * outW * cout];
                        float[] scratch = new float[Conv2d.ScratchLength(outW, cin)];
                        Conv2d.Im2col(x, h, w, cin, f, bias, cout, stride, 0, 0, outH, outW, expected, act, scratch);
                        Conv2d.Conv3x3(x, h, w, cin, f, bias, cout, stride, 0, 0, outH, outW, actual, act, scratch);
                        AssertSameBits(expected, actual, $"{w}x{h}x{cin}->{cout} /{stride} {act}, {path} {(on ? "on" : "off")}");
                    }
                }
            }
        }
        finally
        {
            set(true);
        }
    }

    private static float[] OneChainPerOutput(float[] x, int rows, int k, float[] w, int n, float[] bias, Activation act)
    {
        var y = new float[rows * n];
        for (int r = 0; r < rows; r++)
        {
            for (int j = 0; j < n; j++)
            {
                float acc = bias[j];
                for (int i = 0; i < k; i++)
                {
                    acc = MathF.FusedMultiplyAdd(x[(r * k) + i], w[(i * n) + j], acc);
                }

                y[(r * n) + j] = Gemm.Activate(acc, act);
            }
        }

        return y;
    }

    private static float[] Random(Random rng, int n) => [.. Enumerable.Range(0, n).Select(_ => (float)((rng.NextDouble() * 2) - 1))];

    private static void AssertSameBits(float[] expected, float[] actual, string what)
    {
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(
                BitConverter.SingleToInt32Bits(expected[i]) == BitConverter.SingleToInt32Bits(actual[i]),
                $"{what} [{i}]: reference {expected[i]}, kernel {actual[i]}");
        }
    }

    private static RgbImage DevsetPhoto() =>
        ImageDecoder.Decode(File.ReadAllBytes(Path.Combine(TestPaths.Devset, "images", "0458430542.jpg")));

    /// <summary>Runs <paramref name="run"/> with the path switched on, then off (the switch is left on, its default).</summary>
    private static void AssertSameBits(Action<bool> set, Func<float[]> run)
    {
        float[] fast, reference;
        try
        {
            set(true);
            fast = run();
            set(false);
            reference = run();
        }
        finally
        {
            set(true);
        }

        Assert.Equal(reference.Length, fast.Length);
        Assert.Contains(reference, v => v != 0);
        for (int i = 0; i < reference.Length; i++)
        {
            Assert.True(
                BitConverter.SingleToInt32Bits(reference[i]) == BitConverter.SingleToInt32Bits(fast[i]),
                $"[{i}] reference path {reference[i]}, fast path {fast[i]}");
        }
    }
}
