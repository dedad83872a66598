using SocialCard.Photos.Rules;
using SocialCard.Photos.Rules.Source;
using SocialCard.Photos.Tests.TestSupport;

namespace SocialCard.Photos.Tests.Rules.Source;

public sealed class RecaptureRuleTests
{
    private readonly RecaptureRule _rule = new();

    [Fact]
    public void Camera_photo_passes() => Assert.Equal(RuleOutcome.Pass, TestPhotos.Evaluate(_rule, TestPhotos.Portrait()).Outcome);

    [Theory]
    [InlineData(4.3, 30.0)]
    [InlineData(5.7, 75.0)]
    public void Halftone_screen_fails(double period, double angleDegrees)
    {
        double a = angleDegrees * Math.PI / 180;
        double fx = Math.Cos(a) * 2 * Math.PI / period, fy = Math.Sin(a) * 2 * Math.PI / period;
        byte[] photo = TestPhotos.Portrait(image => ImageEdits.MapAll(image, (x, y, _, v) => v * (0.85 + (0.15 * Math.Cos((fx * x) + (fy * y))))));
        RuleFinding finding = TestPhotos.Evaluate(_rule, photo);
        Assert.Equal(RuleOutcome.Fail, finding.Outcome);
        Assert.Contains("翻拍", finding.Message.Zh, StringComparison.Ordinal);
    }
}
