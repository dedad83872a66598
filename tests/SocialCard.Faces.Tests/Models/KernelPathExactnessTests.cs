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
