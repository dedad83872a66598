using System.Globalization;
using System.Text.RegularExpressions;
using SocialCard.Faces.Tests.TestUtilities;
using SocialCard.Imaging;
using Xunit.Abstractions;

namespace SocialCard.Faces.Tests.Geometry;

/// <summary>Geometry from real landmarks: roll under known synthetic rotations and on the devset's rolled photos,
/// frontal pose and open eyes / closed mouth on compliant photos, face width and hair top against the devset labels.</summary>
public sealed partial class FaceGeometryTests(ITestOutputHelper output)
{
    private const double RollTolerance = 1.5;

    [Theory]
    [InlineData("0458430542.jpg")]
    [InlineData("7016806290.jpg")]
    [InlineData("1041729198.jpg")]
    public void Roll_follows_synthetic_rotation(string file)
    {
        var analyzer = new FaceAnalyzer(SharedModels.Models);
        using RgbImage original = ImageDecoder.Decode(File.ReadAllBytes(Path.Combine(TestPaths.Devset, "images", file)));
        double roll0 = Single(analyzer.Analyze(original)).Geometry.RollDegrees;
        double worst = 0;
        foreach (double angle in new[] { -15.0, -10.0, -6.0, -2.0, 3.0, 8.0, 12.5, 15.0 })
        {
            using RgbImage rotated = ImageRotation.Rotate(original, angle);
            FaceAnalysis analysis = analyzer.Analyze(rotated);
            Assert.True(analysis.Faces.Count == 1, $"{file} rotated {angle}: {analysis.Faces.Count} faces");
            double roll = analysis.Faces[0].Geometry.RollDegrees;
            double error = roll - (roll0 + angle);
            worst = Math.Max(worst, Math.Abs(error));
            output.WriteLine($"{file} rotate {angle,6:0.0}: roll {roll,7:0.00} (expected {roll0 + angle,7:0.00}, error {error,5:0.00})");
        }

        Assert.True(worst < RollTolerance, $"worst roll error {worst:0.00} deg");
    }

    [Fact]
    public void Roll_matches_the_rolled_devset_photos()
    {
        var analyzer = new FaceAnalyzer(SharedModels.Models);
        double worst = 0;
        foreach (DevsetLabel label in DevsetLabel.All.Where(l => l.Expected == "pose.roll"))
        {
            double labelled = double.Parse(RollDetail().Match(label.Detail).Groups[1].Value, CultureInfo.InvariantCulture);
            using RgbImage image = ImageDecoder.Decode(File.ReadAllBytes(label.ImagePath));
            FaceGeometry g = Single(analyzer.Analyze(image)).Geometry;
            // The labels use our sign (positive: clockwise as seen, the image-right eye lower).
            double error = g.RollDegrees - labelled;
            worst = Math.Max(worst, Math.Abs(error));
            output.WriteLine($"{label.File} labelled {labelled,6:0.0}  measured {g.RollDegrees,7:0.00}  error {error,5:0.00}");
        }

        output.WriteLine($"worst {worst:0.00}");
        // The label is the rotation applied to the whole picture; the person's own head roll adds to it: 2 degrees.
        Assert.True(worst < 2.0, $"worst roll error {worst:0.00} deg");
    }

    [Fact]
    public void Compliant_photos_measure_frontal_open_eyed_and_as_labelled()
    {
        var analyzer = new FaceAnalyzer(SharedModels.Models);
        output.WriteLine("file            roll   yaw  pitch  eyeL  eyeR  mouth  width(lbl)  eyeX(lbl)  eyeUp(lbl)");
        foreach (DevsetLabel label in DevsetLabel.All.Where(l => l.Expected == "compliant"))
        {
            using RgbImage image = ImageDecoder.Decode(File.ReadAllBytes(label.ImagePath));
            DetectedFace face = Single(analyzer.Analyze(image));
            FaceGeometry g = face.Geometry;
            Match m = CompliantDetail().Match(label.Detail);
            int width = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            int eyeUp = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
            int eyeX = int.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture);
            output.WriteLine(
                $"{label.File} {g.RollDegrees,5:0.0} {g.YawDegrees,5:0.0} {g.PitchDegrees,6:0.0} {g.LeftEyeOpenness,5:0.000} {g.RightEyeOpenness,5:0.000} " +
                $"{g.MouthOpenness,5:0.000}  {g.FaceWidth,5:0}({width})  {g.EyeMidpoint.X,6:0}({eyeX})  {image.Height - g.EyeMidpoint.Y,6:0}({eyeUp})");
            Assert.InRange(g.RollDegrees, -4, 4);
            Assert.InRange(g.YawDegrees, -20, 20);
            Assert.InRange(g.LeftEyeOpenness, 0.03, 0.2);
            Assert.InRange(g.RightEyeOpenness, 0.03, 0.2);
            Assert.InRange(g.MouthOpenness, 0, 0.06);
            Assert.InRange(g.FaceWidth, width - 10, width + 10);
            Assert.InRange(g.EyeMidpoint.X, eyeX - 4, eyeX + 4);
            Assert.InRange(image.Height - g.EyeMidpoint.Y, eyeUp - 6, eyeUp + 6);
        }
    }

    [Theory]
    [InlineData("7987275705.jpg")]
    [InlineData("5622087655.jpg")]
    [InlineData("0607364100.jpg")]
    public void Mirroring_flips_yaw_and_roll_and_keeps_pitch(string file)
    {
        var analyzer = new FaceAnalyzer(SharedModels.Models);
        using RgbImage original = ImageDecoder.Decode(File.ReadAllBytes(Path.Combine(TestPaths.Devset, "images", file)));
        using RgbImage mirrored = Mirror(original);
        FaceGeometry a = Single(analyzer.Analyze(original)).Geometry;
        FaceGeometry b = Single(analyzer.Analyze(mirrored)).Geometry;
        output.WriteLine($"{file}: yaw {a.YawDegrees:0.00} / {b.YawDegrees:0.00}, pitch {a.PitchDegrees:0.00} / {b.PitchDegrees:0.00}, roll {a.RollDegrees:0.00} / {b.RollDegrees:0.00}");
        // The landmark net is not exactly mirror-symmetric: a few degrees of slack (measured up to ~4 yaw, ~1.7 roll).
        Assert.True(Math.Abs(a.YawDegrees + b.YawDegrees) < 5, "yaw should change sign");
        Assert.True(Math.Abs(a.RollDegrees + b.RollDegrees) < 2.5, "roll should change sign");
        Assert.True(Math.Abs(a.PitchDegrees - b.PitchDegrees) < 3, "pitch should stay");
    }

    [Fact]
    public void Geometry_is_consistent_on_a_synthetic_face()
    {
        // Mean-face-like points: level eyes 60 px apart, chin 100 px below the eye line.
        var points = new FacePoint[68];
        for (int i = 0; i < 68; i++)
        {
            points[i] = new FacePoint(100, 100);
        }

        FacePoint[] eyes =
        [
            new(65, 100), new(70, 95), new(75, 95), new(80, 100), new(75, 105), new(70, 105),
            new(125, 100), new(130, 96), new(135, 96), new(140, 100), new(135, 104), new(130, 104),
        ];
        eyes.CopyTo(points, 36);
        points[8] = new FacePoint(102.5, 200);
        points[0] = new FacePoint(40, 110);
        points[16] = new FacePoint(165, 110);
        FaceGeometry g = FaceGeometry.FromLandmarks(points);
        Assert.Equal(0, g.RollDegrees, 6);
        Assert.Equal(60, g.InterEyeDistance, 6);
        Assert.Equal(125, g.FaceWidth, 6);
        Assert.Equal(100, g.EyeToChinDistance, 6);
        Assert.Equal(0.1, g.LeftEyeOpenness, 6);
        Assert.Equal(0.08, g.RightEyeOpenness, 6);
        Assert.Equal(0, g.MouthOpenness, 6);
        Assert.Equal(new FacePoint(102.5, 100), g.EyeMidpoint);
    }

    private static RgbImage Mirror(RgbImage source)
    {
        var result = new RgbImage(source.Width, source.Height);
        for (int y = 0; y < source.Height; y++)
        {
            Span<byte> src = source.Row(y), dst = result.Row(y);
            for (int x = 0; x < source.Width; x++)
            {
                src.Slice(x * 3, 3).CopyTo(dst.Slice((source.Width - 1 - x) * 3, 3));
            }
        }

        return result;
    }

    private static DetectedFace Single(FaceAnalysis analysis)
    {
        Assert.Single(analysis.Faces);
        return analysis.Faces[0];
    }

    [GeneratedRegex(@"rolled (-?[0-9.]+) deg")]
    private static partial Regex RollDetail();

    [GeneratedRegex(@"face width (\d+), hair top (\d+), eye line (\d+) above bottom, eye x (\d+)")]
    private static partial Regex CompliantDetail();
}
