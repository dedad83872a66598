using System.Drawing;
using SocialCard.Faces;
using SocialCard.Imaging;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Tests.TestSupport;

namespace SocialCard.Photos.Tests.Faces;

/// <summary>
/// The default face engine: the 160 probe decides a plain ID photo, anything it does not trust goes to the cascade, and
/// the automatic fix always uses the cascade.
/// </summary>
public sealed class CheckerFaceDetectorTests
{
    private static RgbImage Devset(string file) =>
        ImageDecoder.Decode(File.ReadAllBytes(Path.Combine(TestPhotos.DevsetDirectory, "images", file)));

    private static RectangleF Box(FaceBox b) => new((float)b.X, (float)b.Y, (float)b.Width, (float)b.Height);

    [Fact]
    public void A_plain_id_photo_is_decided_by_the_160_probe()
    {
        using RgbImage image = Devset("0458430542.jpg");
        var probe = new FaceAnalyzer(TestFaceEngine.Models, new FaceAnalyzerOptions
        {
            InputSize = CheckerFaceDetector.DefaultProbeInputSize,
            ScoreThreshold = CheckerFaceDetector.DefaultScoreThreshold,
        });
        DetectedFace expected = Assert.Single(probe.Analyze(image).Faces);
        ObservedFace actual = Assert.Single(TestFaceEngine.Detector.Analyze(image)!.Faces);
        Assert.Equal(Box(expected.Box), actual.Box);
        Assert.Equal(160, CheckerFaceDetector.DefaultProbeInputSize);
    }

    [Fact]
    public void The_fix_analyses_with_the_cascade_alone()
    {
        using RgbImage image = Devset("0458430542.jpg");
        FaceObservation cascade = CheckerFaceDetector.CascadeOnly(TestFaceEngine.Models).Analyze(image)!;
        FaceObservation forFix = TestFaceEngine.Detector.AnalyzeForFix(image)!;
        FaceObservation forCheck = TestFaceEngine.Detector.Analyze(image)!;
        Assert.Equal(Assert.Single(cascade.Faces).Box, Assert.Single(forFix.Faces).Box);
        Assert.Equal(cascade.Faces[0].Landmarks, forFix.Faces[0].Landmarks);
        Assert.NotEqual(forCheck.Faces[0].Box, forFix.Faces[0].Box);
    }

    [Fact]
    public void Two_people_fall_through_to_the_cascade_and_both_are_found()
    {
        using RgbImage image = Devset("1748655754.jpg");
        FaceObservation observation = TestFaceEngine.Detector.Analyze(image)!;
        Assert.Equal(2, observation.Faces.Count);
        Assert.Equal(
            CheckerFaceDetector.CascadeOnly(TestFaceEngine.Models).Analyze(image)!.Faces.Select(f => f.Box),
            observation.Faces.Select(f => f.Box));
    }

    [Fact]
    public void An_engine_without_its_own_fix_analysis_uses_its_check_analysis()
    {
        IFaceDetector engine = new FixedFaceDetector(new FaceObservation { Faces = [] });
        using var image = new RgbImage(8, 8);
        Assert.Same(engine.Analyze(image), engine.AnalyzeForFix(image));
    }
}
