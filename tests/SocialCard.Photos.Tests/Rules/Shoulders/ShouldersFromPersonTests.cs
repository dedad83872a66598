using SocialCard.Imaging;
using SocialCard.Photos.Analysis;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Profiles;
using SocialCard.Photos.Rules;
using SocialCard.Photos.Rules.Shoulders;
using SocialCard.Photos.Tests.TestSupport;

namespace SocialCard.Photos.Tests.Rules.Shoulders;

/// <summary>
/// shoulders.level on the check's person segmentation, on devset photos whose shoulders the network outlines: the body
/// below the chin turned by a few degrees (the head left as it is) keeps the photo passing, turned by 8 degrees it no
/// longer passes (it fails or waits for a look, on the side that went down), by 10 degrees it fails.
/// </summary>
public sealed class ShouldersFromPersonTests
{
    private readonly ShouldersLevelRule _rule = new();

    [Theory]
    [InlineData("7016806290.jpg")]
    [InlineData("5128862278.jpg")]
    [InlineData("4927559215.jpg")]
    public void Level_shoulders_pass_as_stored(string file)
    {
        (RuleFinding finding, ShoulderLine? line) = Judge(Read(file));
        Assert.True(line is { FromMask: true }, "the shoulders were not read on the person segmentation");
        Assert.Equal(RuleOutcome.Pass, finding.Outcome);
    }

    [Theory]
    [InlineData("7016806290.jpg", -3)]
    [InlineData("7016806290.jpg", 3)]
    [InlineData("5128862278.jpg", -3)]
    [InlineData("5128862278.jpg", 3)]
    [InlineData("4927559215.jpg", -3)]
    [InlineData("4927559215.jpg", 3)]
    public void A_body_turned_a_little_passes(string file, double degrees)
    {
        (RuleFinding finding, ShoulderLine? line) = Judge(TurnBody(Read(file), degrees));
        Assert.True(line is { FromMask: true }, "the shoulders were not read on the person segmentation");
        Assert.Equal(RuleOutcome.Pass, finding.Outcome);
    }

    [Theory]
    [InlineData("7016806290.jpg", -8)]
    [InlineData("7016806290.jpg", 8)]
    [InlineData("5128862278.jpg", -8)]
    [InlineData("5128862278.jpg", 8)]
    [InlineData("4927559215.jpg", -8)]
    public void A_body_turned_by_8_degrees_does_not_pass(string file, double degrees)
    {
        byte[] stored = Read(file);
        (_, ShoulderLine? level) = Judge(stored);
        (RuleFinding finding, ShoulderLine? line) = Judge(TurnBody(stored, degrees));
        Assert.True(line is { FromMask: true } && level is not null, "the shoulders were not read on the person segmentation");
        Assert.Contains(finding.Outcome, new[] { RuleOutcome.Fail, RuleOutcome.Warn });
        Assert.True(Math.Sign(degrees) * (line.TiltDegrees - level.TiltDegrees) > 5, $"tilt {level.TiltDegrees:0.00} -> {line.TiltDegrees:0.00}");
    }

    [Theory]
    [InlineData("7016806290.jpg", -10)]
    [InlineData("7016806290.jpg", 10)]
    [InlineData("4927559215.jpg", 10)]
    public void A_body_turned_by_10_degrees_fails(string file, double degrees)
    {
        (RuleFinding finding, ShoulderLine? line) = Judge(TurnBody(Read(file), degrees));
        Assert.True(line is { FromMask: true }, "the shoulders were not read on the person segmentation");
        Assert.Equal(RuleOutcome.Fail, finding.Outcome);
        Assert.Contains(degrees > 0 ? "右侧肩膀偏低" : "左侧肩膀偏低", finding.Message.Zh, StringComparison.Ordinal);
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
