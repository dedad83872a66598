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
    public void The_refined_face_frame_keeps_the_landmarks_where_they_are_whichever_detector_size_found_the_face()
    {
        // The compliant devset photos: the 160 probe's and the 352 cascade's boxes differ by a few pixels; the points
        // found from them moved 1.7 px apart (median) before the 68-point net was re-run on the points' own frame.
        string[] files = [.. File.ReadLines(Path.Combine(TestPhotos.DevsetDirectory, "labels.tsv")).Skip(1)
            .Select(l => l.Split('\t')).Where(c => c[1] == "compliant").Select(c => c[0])];
        CheckerFaceDetector cascade = CheckerFaceDetector.CascadeOnly(TestFaceEngine.Models);
        var distances = new List<double>();
        foreach (string file in files)
        {
            using RgbImage image = Devset(file);
            ObservedFace a = Assert.Single(TestFaceEngine.Detector.Analyze(image)!.Faces);
            ObservedFace b = Assert.Single(cascade.Analyze(image)!.Faces);
            if (a.Box == b.Box)
            {
                continue; // the probe passed this photo on to the cascade
            }

            distances.Add(a.Landmarks.Zip(b.Landmarks, (p, q) => Math.Sqrt(((p.X - q.X) * (p.X - q.X)) + ((p.Y - q.Y) * (p.Y - q.Y)))).Average());
        }

        distances.Sort();
        Assert.True(distances.Count >= 10, $"{distances.Count} photos decided by the probe");
        Assert.True(distances[distances.Count / 2] < 1.2, $"median landmark shift {distances[distances.Count / 2]:F2} px");
        Assert.True(distances[^1] < 3, $"largest landmark shift {distances[^1]:F2} px");
    }

    [Fact]
    public void A_closed_lip_smile_reads_the_same_happiness_from_either_detector_box()
    {
        using RgbImage image = Devset("7987275705.jpg");
        double probe = Assert.Single(TestFaceEngine.Detector.Analyze(image)!.Faces).Expression("happy");
        double cascade = Assert.Single(CheckerFaceDetector.CascadeOnly(TestFaceEngine.Models).Analyze(image)!.Faces).Expression("happy");
        Assert.True(Math.Abs(probe - cascade) < 0.2, $"happy {probe:F2} from the probe's box, {cascade:F2} from the cascade's");
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
