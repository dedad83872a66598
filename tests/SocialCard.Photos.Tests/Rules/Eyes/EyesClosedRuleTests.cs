using SocialCard.Photos.Rules;
using SocialCard.Photos.Rules.Eyes;
using SocialCard.Photos.Tests.TestSupport;

namespace SocialCard.Photos.Tests.Rules.Eyes;

public sealed class EyesClosedRuleTests
{
    private readonly EyesClosedRule _rule = new();

    [Fact]
    public void Open_eyes_pass()
    {
        RuleFinding f = FaceRuleHarness.Evaluate(_rule, new SyntheticFace().Build());
        Assert.Equal(RuleOutcome.Pass, f.Outcome);
        Assert.InRange(f.Number!.Value, 0.055, 0.07);
    }

    [Fact]
    public void Closed_eyes_fail()
    {
        RuleFinding f = FaceRuleHarness.Evaluate(_rule, new SyntheticFace { EyeOpening = 1.5 }.Build());
        Assert.Equal(RuleOutcome.Fail, f.Outcome);
        Assert.Contains("双眼", f.Message.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_measure_is_scale_free()
    {
        Assert.Equal(RuleOutcome.Pass, FaceRuleHarness.Evaluate(_rule, new SyntheticFace { Scale = 0.6 }.Build()).Outcome);
        Assert.Equal(RuleOutcome.Fail, FaceRuleHarness.Evaluate(_rule, new SyntheticFace { Scale = 1.4, EyeOpening = 2 }.Build()).Outcome);
    }
}
