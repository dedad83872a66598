using System.Globalization;
using SocialCard.Imaging;
using SocialCard.Photos.Analysis;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Rules;
using SocialCard.Photos.Rules.Pose;
using SocialCard.Photos.Tests.TestSupport;
using Xunit.Abstractions;

namespace SocialCard.Photos.Tests.Rules.Pose;

public sealed class RollRuleTests(ITestOutputHelper output)
{
    private readonly RollRule _rule = new();

    [Fact]
    public void Level_eyes_pass()
    {
        RuleFinding f = FaceRuleHarness.Evaluate(_rule, new SyntheticFace { RollDegrees = 2 }.Build());
        Assert.Equal(RuleOutcome.Pass, f.Outcome);
        Assert.InRange(f.Number!.Value, 1.9, 2.1);
    }

    [Theory]
    [InlineData(14, "right")]
    [InlineData(-11, "left")]
    public void A_tilted_head_fails_from_the_eye_line(double roll, string side)
    {
        RuleFinding f = FaceRuleHarness.Evaluate(_rule, new SyntheticFace { RollDegrees = roll }.Build());
        Assert.Equal(RuleOutcome.Fail, f.Outcome);
        Assert.InRange(f.Number!.Value, roll - 0.1, roll + 0.1);
        Assert.Contains(side, f.Message.En, StringComparison.Ordinal);
        Assert.Contains("8", f.Limit, StringComparison.Ordinal);
    }

    [Fact]
    public void The_engine_estimate_wins_over_the_eye_line_when_given()
    {
        RuleFinding f = FaceRuleHarness.Evaluate(_rule, new SyntheticFace { EngineRoll = 12 }.Build());
        Assert.Equal(RuleOutcome.Fail, f.Outcome);
    }

    /// <summary>The devset's rolled photos: the measured roll matches the labelled angle and the rule fails each one.</summary>
    [Fact]
    public void Devset_rolled_photos_measure_their_labelled_angle()
    {
        int n = 0;
        foreach (string line in System.IO.File.ReadLines(Path.Combine(TestPhotos.DevsetDirectory, "labels.tsv")).Skip(1))
        {
            string[] cols = line.Split('\t');
            if (cols[1] != "pose.roll")
            {
                continue;
            }

            // "head and shoulders rolled 14.6 deg"
            double labelled = double.Parse(cols[2].Split(' ')[^2], CultureInfo.InvariantCulture);
            byte[] bytes = System.IO.File.ReadAllBytes(Path.Combine(TestPhotos.DevsetDirectory, "images", cols[0]));
            using PhotoContext context = PhotoContext.Create(bytes, cols[0], TestPhotos.Suzhou, TestFaceEngine.Detector);
            RuleFinding f = _rule.Evaluate(context, TestPhotos.Suzhou);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{cols[0]} labelled {labelled,6:F1} measured {f.Number,6:F1} {f.Outcome}"));
            Assert.Equal(RuleOutcome.Fail, f.Outcome);
            Assert.InRange(f.Number!.Value, labelled - 2.0, labelled + 2.0);
            n++;
        }

        Assert.Equal(17, n);
    }

    /// <summary>
    /// Compliant devset photos rotated in the plane: the measured roll follows the rotation within 2 degrees (the rule's
    /// limit is 8). With the default face engine's 160 probe the worst of the 18 rotations is off by 1.6 degrees (the
    /// 68 points follow the probe's coarser box by 1-2 px; with the 352 detector it was within 1.5).
    /// </summary>
    [Theory]
    [InlineData("0458430542.jpg")]
    [InlineData("7016806290.jpg")]
    [InlineData("9466266872.jpg")]
    public void Rotated_compliant_photos_measure_the_rotation(string file)
    {
        byte[] bytes = System.IO.File.ReadAllBytes(Path.Combine(TestPhotos.DevsetDirectory, "images", file));
        using RgbImage original = ImageDecoder.Decode(bytes);
        ObservedFace upright = TestFaceEngine.Detector.Analyze(original)!.Primary!;
        double baseRoll = upright.Roll!.Value;
        System.Drawing.PointF eyes = upright.EyeMidpoint;
        foreach (double angle in new[] { -16.0, -10, -4, 4, 10, 16 })
        {
            using RgbImage rotated = ImageEdits.Rotate(original, angle, eyes.X, eyes.Y);
            byte[] jpeg = TestPhotos.Jpeg(rotated);
            using PhotoContext context = PhotoContext.Create(jpeg, file, TestPhotos.Suzhou, TestFaceEngine.Detector);
            RuleFinding f = _rule.Evaluate(context, TestPhotos.Suzhou);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{file} rotated {angle,5:F1} measured {f.Number,6:F2} (upright {baseRoll:F2}) {f.Outcome}"));
            Assert.NotNull(f.Number);
            Assert.InRange(f.Number!.Value - baseRoll, angle - 2.0, angle + 2.0);
            Assert.Equal(Math.Abs(angle) >= 10 ? RuleOutcome.Fail : RuleOutcome.Pass, f.Outcome);
        }
    }
}
