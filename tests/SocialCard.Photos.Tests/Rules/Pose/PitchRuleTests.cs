using SocialCard.Photos.Rules;
using SocialCard.Photos.Rules.Pose;
using SocialCard.Photos.Tests.TestSupport;

namespace SocialCard.Photos.Tests.Rules.Pose;

public sealed class PitchRuleTests
{
    private readonly PitchRule _rule = new();

    [Fact]
    public void A_level_head_passes() => Assert.Equal(RuleOutcome.Pass, FaceRuleHarness.Evaluate(_rule, new SyntheticFace { Pitch = -6 }.Build()).Outcome);

    [Fact]
    public void A_lowered_head_fails()
    {
        RuleFinding f = FaceRuleHarness.Evaluate(_rule, new SyntheticFace { Pitch = 27 }.Build());
        Assert.Equal(RuleOutcome.Fail, f.Outcome);
        Assert.Contains("低头", f.Message.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void A_raised_head_fails()
    {
        RuleFinding f = FaceRuleHarness.Evaluate(_rule, new SyntheticFace { Pitch = -26 }.Build());
        Assert.Equal(RuleOutcome.Fail, f.Outcome);
        Assert.Contains("仰头", f.Message.Zh, StringComparison.Ordinal);
    }
}
