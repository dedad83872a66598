using SocialCard.Photos.Rules;
using SocialCard.Photos.Rules.Contrast;
using SocialCard.Photos.Tests.TestSupport;

namespace SocialCard.Photos.Tests.Rules.Contrast;

public sealed class HighContrastRuleTests
{
    private readonly HighContrastRule _rule = new();

    [Fact]
    public void Normal_contrast_passes() => Assert.Equal(RuleOutcome.Pass, TestPhotos.Evaluate(_rule, TestPhotos.Portrait()).Outcome);

    [Fact]
    public void Harsh_contrast_fails()
    {
        // Strong S-curve on the person: a hard, shadowed light crushes one side and blows out the other.
        byte[] photo = TestPhotos.Portrait(image => ImageEdits.MapPerson(image, (x, _, _, v) => (x < 179 ? v * 0.12 : v * 1.7)));
        RuleFinding finding = TestPhotos.Evaluate(_rule, photo);
        Assert.Equal(RuleOutcome.Fail, finding.Outcome);
        Assert.Contains("对比度过大", finding.Message.Zh, StringComparison.Ordinal);
    }
}
