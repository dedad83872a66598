using SocialCard.Imaging;
using SocialCard.Photos.Analysis;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Profiles;
using SocialCard.Photos.Rules;
using SocialCard.Photos.Rules.Shoulders;
using SocialCard.Photos.Tests.TestSupport;

namespace SocialCard.Photos.Tests.Rules.Shoulders;

/// <summary>
/// shoulders.level on the check's (coarse) person segmentation, on devset photos whose shoulders the network outlines:
/// level shoulders pass; the body below the chin turned by 3 degrees (the head left as it is) keeps the photo passing,
/// turned by 8 degrees it no longer passes (it fails or waits for a look), by 10 degrees it fails.
/// </summary>
public sealed class ShouldersFromPersonTests
{
    private const string Outlined = "7016806290.jpg";

    private readonly ShouldersLevelRule _rule = new();

    [Theory]
    [InlineData("7016806290.jpg")]
    [InlineData("4927559215.jpg")]
    [InlineData("5128862278.jpg")]
    [InlineData("9466266872.jpg")]
    public void Level_shoulders_pass_as_stored(string file)
    {
        (RuleFinding finding, ShoulderLine? line) = Judge(Read(file));
        Assert.True(line is { FromMask: true }, "the shoulders were not read on the person segmentation");
        Assert.Equal(RuleOutcome.Pass, finding.Outcome);
    }

    // The one devset photo whose shoulders the network outlines under every turn of the body (on most, the turned
    // shoulder leaves the frame or comes too close to its lower edge to be read, and the rule skips).
    [Theory]
    [InlineData(-3)]
    [InlineData(3)]
    public void A_body_turned_a_little_passes(double degrees)
    {
        (RuleFinding finding, ShoulderLine? line) = Judge(TurnBody(Read(Outlined), degrees));
        Assert.True(line is { FromMask: true }, "the shoulders were not read on the person segmentation");
        Assert.Equal(RuleOutcome.Pass, finding.Outcome);
    }

    [Theory]
    [InlineData(-8)]
    [InlineData(8)]
    public void A_body_turned_by_8_degrees_does_not_pass(double degrees)
    {
        byte[] stored = Read(Outlined);
        (_, ShoulderLine? level) = Judge(stored);
        (RuleFinding finding, ShoulderLine? line) = Judge(TurnBody(stored, degrees));
        Assert.True(line is { FromMask: true } && level is not null, "the shoulders were not read on the person segmentation");
        Assert.Contains(finding.Outcome, new[] { RuleOutcome.Fail, RuleOutcome.Warn });
        Assert.True(Math.Sign(degrees) * (line.TiltDegrees - level.TiltDegrees) > 6, $"tilt {level.TiltDegrees:0.00} -> {line.TiltDegrees:0.00}");
    }

    [Fact]
    public void A_body_turned_by_10_degrees_fails()
    {
        (RuleFinding finding, ShoulderLine? line) = Judge(TurnBody(Read(Outlined), 10));
        Assert.True(line is { FromMask: true }, "the shoulders were not read on the person segmentation");
        Assert.Equal(RuleOutcome.Fail, finding.Outcome);
        Assert.Contains("右侧肩膀偏低", finding.Message.Zh, StringComparison.Ordinal);
    }

    private static byte[] Read(string file) => System.IO.File.ReadAllBytes(Path.Combine(TestPhotos.DevsetDirectory, "images", file));

    private (RuleFinding Finding, ShoulderLine? Line) Judge(byte[] photo)
    {
        SpecProfile profile = TestPhotos.Suzhou;
        using PhotoContext context = PhotoContext.Create(photo, "3205001234.jpg", profile, TestFaceEngine.Detector, null,
            InstalledSegmenter.Value ?? throw new InvalidOperationException("models/selfie is not installed"));
        return (_rule.Evaluate(context, profile), context.Shoulders);
    }

    /// <summary>The body below the chin of the photo's face turned by <paramref name="degrees"/> about the chin.</summary>
    private static byte[] TurnBody(byte[] photo, double degrees)
    {
        ObservedFace face;
        using (PhotoContext context = PhotoContext.Create(photo, "3205001234.jpg", TestPhotos.Suzhou, TestFaceEngine.Detector))
        {
            face = context.PrimaryFace ?? throw new InvalidOperationException("no face");
        }

        using RgbImage image = ImageDecoder.Decode(photo);
        using RgbImage turned = ImageEdits.RotateBody(image, degrees, face.EyeMidpoint.X, face.Chin.Y);
        return TestPhotos.Jpeg(turned);
    }
}
