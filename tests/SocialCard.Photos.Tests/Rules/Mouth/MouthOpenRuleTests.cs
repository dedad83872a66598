using SocialCard.Photos.Rules;
using SocialCard.Photos.Rules.Mouth;
using SocialCard.Photos.Tests.TestSupport;

namespace SocialCard.Photos.Tests.Rules.Mouth;

public sealed class MouthOpenRuleTests
{
    private readonly MouthOpenRule _rule = new();

    [Fact]
    public void A_closed_mouth_passes()
    {
        RuleFinding f = FaceRuleHarness.Evaluate(_rule, new SyntheticFace().Build());
        Assert.Equal(RuleOutcome.Pass, f.Outcome);
        Assert.Equal(0, f.Number);
    }

    [Fact]
    public void Slightly_parted_lips_without_teeth_pass()
    {
        Assert.Equal(RuleOutcome.Pass, FaceRuleHarness.Evaluate(_rule, new SyntheticFace { MouthGap = 6 }.Build()).Outcome);
    }

    [Fact]
    public void A_wide_open_mouth_fails()
    {
        RuleFinding f = FaceRuleHarness.Evaluate(_rule, new SyntheticFace { MouthGap = 22 }.Build());
        Assert.Equal(RuleOutcome.Fail, f.Outcome);
        Assert.Contains("张开", f.Message.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void Visible_teeth_fail()
    {
        byte[] photo = FaceRuleHarness.CompliantPortrait(image => ImageEdits.Fill(image, 160, 259, 38, 7, (236, 232, 222)));
        RuleFinding f = FaceRuleHarness.Evaluate(_rule, new SyntheticFace { MouthGap = 8 }.Build(), photo);
        Assert.Equal(RuleOutcome.Fail, f.Outcome);
        Assert.Contains("露出牙齿", f.Message.Zh, StringComparison.Ordinal);
        Assert.Contains("teeth", f.Message.En, StringComparison.Ordinal);
    }
}
