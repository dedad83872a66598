using SocialCard.Faces.Models.TinyFaceDetector;
using SocialCard.Faces.Tests.TestUtilities;
using SocialCard.Imaging;

namespace SocialCard.Faces.Tests.Models;

/// <summary>
/// The networks' tensors shared by every detector size and analyzer of one set of models: a size run in tensors a larger
/// size has left dirty gives the grid it gives in tensors of its own, bit for bit, and analyzers of several sizes on the
/// same models, called in turn as the check's cascade calls them, give what each gives alone.
/// </summary>
public sealed class SharedScratchTests
{
    [Fact]
    public void A_detector_size_gives_the_same_grid_in_tensors_a_larger_size_left_dirty()
    {
        using RgbImage photo = DevsetPhoto();
        var shared = new DetectorScratch();
        var large = new TinyFaceDetectorRunner(SharedModels.Models.Detector, 416);
        large.Run(photo, shared);
        float[] grown = shared.A;
        foreach (int size in new[] { 160, 224, 288, 352 })
        {
            float[] own = new TinyFaceDetectorRunner(SharedModels.Models.Detector, size).Run(photo).ToArray();
            float[] inShared = new TinyFaceDetectorRunner(SharedModels.Models.Detector, size).Run(photo, shared).ToArray();
            Assert.Equal(own.Select(BitConverter.SingleToInt32Bits), inShared.Select(BitConverter.SingleToInt32Bits));
        }

        Assert.Same(grown, shared.A);
    }

    [Fact]
    public void Analyzers_of_several_sizes_on_the_same_models_give_what_each_gives_alone()
    {
        using RgbImage photo = DevsetPhoto();
        int[] sizes = [416, 160, 352, 224];
        FaceAnalyzer[] together = [.. sizes.Select(s => new FaceAnalyzer(SharedModels.Models, new FaceAnalyzerOptions { InputSize = s }))];
        string[] inTurn = [.. together.Select(a => Describe(a.Analyze(photo)))];
        for (int i = 0; i < sizes.Length; i++)
        {
            FaceModels alone = FaceModels.Load(SharedModels.Models.Directory);
            Assert.Equal(Describe(new FaceAnalyzer(alone, new FaceAnalyzerOptions { InputSize = sizes[i] }).Analyze(photo)), inTurn[i]);
        }
    }

    [Fact]
    public void The_tensors_are_made_for_the_largest_size_of_the_analyzers_made_before_the_first_photo()
    {
        using RgbImage photo = DevsetPhoto();
        FaceModels models = FaceModels.Load(SharedModels.Models.Directory);
        var probe = new FaceAnalyzer(models, new FaceAnalyzerOptions { InputSize = 160 });
        var largest = new FaceAnalyzer(models, new FaceAnalyzerOptions { InputSize = 416 });
        _ = new FaceAnalyzer(models, new FaceAnalyzerOptions { InputSize = 288 });
        probe.Analyze(photo);
        float[][] first = Tensors(models);
        largest.Analyze(photo);
        float[][] after = Tensors(models);
        Assert.Equal(first.Length, after.Length);
        for (int i = 0; i < first.Length; i++)
        {
            Assert.Same(first[i], after[i]); // not grown when the larger size first ran
        }
    }

    private static float[][] Tensors(FaceModels models)
    {
        FaceScratch scratch = models.Scratch.Rent();
        try
        {
            DetectorScratch d = scratch.Detector;
            return [d.Input, d.A, d.B, d.Depthwise, d.Im2col];
        }
        finally
        {
            models.Scratch.Return(scratch);
        }
    }

    private static string Describe(FaceAnalysis analysis) => string.Join(
        "; ",
        analysis.Faces.Select(f => FormattableString.Invariant(
            $"{f.Box.X:R} {f.Box.Y:R} {f.Box.Width:R} {f.Box.Height:R} {f.Score:R} {string.Join(",", f.Landmarks.Select(p => FormattableString.Invariant($"{p.X:R}/{p.Y:R}")))} {string.Join(",", f.Expressions.Probabilities.Select(e => e.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}")));

    private static RgbImage DevsetPhoto() =>
        ImageDecoder.Decode(File.ReadAllBytes(Path.Combine(TestPaths.Devset, "images", "0458430542.jpg")));
}
