using SocialCard.Faces.Kernels;
using SocialCard.Faces.Models.DenseFaceNet;
using SocialCard.Faces.Models.TinyFaceDetector;
using SocialCard.Faces.Tests.TestUtilities;
using SocialCard.Imaging;

namespace SocialCard.Faces.Tests.Models;

/// <summary>
/// The networks through a faster kernel path against the same networks through the path it replaced, on a compliant
/// devset photo: every output bit for bit (each output takes the same operations in the same order). The pointwise
/// weights read from the panels packed at load or row-major; the detector's first layer pooled a band of rows at a time
/// or whole.
/// </summary>
[Collection(KernelSwitchCollection.Name)]
public sealed class KernelPathExactnessTests
{
    [Theory]
    [InlineData(160)]
    [InlineData(352)]
    public void Detector_grid_is_bit_identical_with_and_without_panels(int size)
    {
        using RgbImage photo = DevsetPhoto();
        var runner = new TinyFaceDetectorRunner(SharedModels.Models.Detector, size);
        AssertSameBits(on => Gemm.UsePanels = on, () => runner.Run(photo).ToArray());
    }

    [Theory]
    [InlineData(160)]
    [InlineData(224)]
    [InlineData(352)]
    public void Detector_grid_is_bit_identical_with_the_first_layer_pooled_in_bands_or_whole(int size)
    {
        using RgbImage photo = DevsetPhoto();
        var runner = new TinyFaceDetectorRunner(SharedModels.Models.Detector, size);
        AssertSameBits(on => TinyFaceDetectorRunner.PoolInBands = on, () => runner.Run(photo).ToArray());
    }

    [Fact]
    public void Landmark_and_expression_outputs_are_bit_identical_with_and_without_panels()
    {
        using RgbImage photo = DevsetPhoto();
        var runner = new DenseFaceNetRunner();
        ImageInput.Prepare(photo, 80, 120, 200, 220, center: true, 112, 122.782f, 117.001f, 104.298f, runner.Input);
        AssertSameBits(on => Gemm.UsePanels = on, () => runner.Run(SharedModels.Models.Landmark68).ToArray());
        AssertSameBits(on => Gemm.UsePanels = on, () => runner.Run(SharedModels.Models.Expression).ToArray());
        AssertSameBits(on => Gemm.UsePanels = on, () => runner.Run(SharedModels.Models.Landmark68Tiny).ToArray());
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
