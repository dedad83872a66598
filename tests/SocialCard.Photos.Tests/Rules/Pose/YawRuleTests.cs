using SocialCard.Photos.Rules;
using SocialCard.Photos.Rules.Pose;
using SocialCard.Photos.Tests.TestSupport;

namespace SocialCard.Photos.Tests.Rules.Pose;

public sealed class YawRuleTests
{
    private readonly YawRule _rule = new();

    [Fact]
    public void A_frontal_face_passes() => Assert.Equal(RuleOutcome.Pass, FaceRuleHarness.Evaluate(_rule, new SyntheticFace { Yaw = 4 }.Build()).Outcome);

    [Theory]
    [InlineData(28, "right")]
    [InlineData(-25, "left")]
    public void A_turned_head_fails(double yaw, string side)
    {
        RuleFinding f = FaceRuleHarness.Evaluate(_rule, new SyntheticFace { Yaw = yaw }.Build());
        Assert.Equal(RuleOutcome.Fail, f.Outcome);
        Assert.Contains(side, f.Message.En, StringComparison.Ordinal);
        Assert.Equal(yaw, f.Number);
    }

    [Fact]
    public void No_estimate_skips() => Assert.Equal(RuleOutcome.Skip, FaceRuleHarness.Evaluate(_rule, new SyntheticFace { Yaw = null }.Build()).Outcome);
}
