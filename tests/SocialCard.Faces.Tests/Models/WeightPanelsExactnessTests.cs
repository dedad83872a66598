using SocialCard.Faces.Kernels;
using SocialCard.Faces.Models.DenseFaceNet;
using SocialCard.Faces.Models.TinyFaceDetector;
using SocialCard.Faces.Tests.TestUtilities;
using SocialCard.Imaging;

namespace SocialCard.Faces.Tests.Models;

/// <summary>
/// The networks with their pointwise weights read from the panels packed at load against the same networks reading
/// them row-major: every output bit for bit (the same weights in the same order per output), on a compliant devset photo.
/// </summary>
[Collection(KernelSwitchCollection.Name)]
public sealed class WeightPanelsExactnessTests
{
    [Theory]
    [InlineData(160)]
    [InlineData(352)]
    public void Detector_grid_is_bit_identical_with_and_without_panels(int size)
    {
        using RgbImage photo = DevsetPhoto();
        var runner = new TinyFaceDetectorRunner(SharedModels.Models.Detector, size);
        AssertSameBits(() => runner.Run(photo).ToArray());
    }

    [Fact]
    public void Landmark_and_expression_outputs_are_bit_identical_with_and_without_panels()
    {
        using RgbImage photo = DevsetPhoto();
        var runner = new DenseFaceNetRunner();
        ImageInput.Prepare(photo, 80, 120, 200, 220, center: true, 112, 122.782f, 117.001f, 104.298f, runner.Input);
        AssertSameBits(() => runner.Run(SharedModels.Models.Landmark68).ToArray());
        AssertSameBits(() => runner.Run(SharedModels.Models.Expression).ToArray());
        AssertSameBits(() => runner.Run(SharedModels.Models.Landmark68Tiny).ToArray());
    }

    private static RgbImage DevsetPhoto() =>
        ImageDecoder.Decode(File.ReadAllBytes(Path.Combine(TestPaths.Devset, "images", "0458430542.jpg")));

    private static void AssertSameBits(Func<float[]> run)
    {
        float[] packed, rowMajor;
        bool saved = Gemm.UsePanels;
        try
        {
            Gemm.UsePanels = true;
            packed = run();
            Gemm.UsePanels = false;
            rowMajor = run();
        }
        finally
        {
            Gemm.UsePanels = saved;
        }

        Assert.Equal(rowMajor.Length, packed.Length);
        Assert.Contains(rowMajor, v => v != 0);
        for (int i = 0; i < rowMajor.Length; i++)
        {
            Assert.True(
                BitConverter.SingleToInt32Bits(rowMajor[i]) == BitConverter.SingleToInt32Bits(packed[i]),
                $"[{i}] row-major {rowMajor[i]}, panels {packed[i]}");
        }
    }
}
