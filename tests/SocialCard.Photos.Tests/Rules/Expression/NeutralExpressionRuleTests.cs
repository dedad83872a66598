using SocialCard.Photos.Rules;
using SocialCard.Photos.Rules.Expression;
using SocialCard.Photos.Tests.TestSupport;

namespace SocialCard.Photos.Tests.Rules.Expression;

public sealed class NeutralExpressionRuleTests
{
    private readonly NeutralExpressionRule _rule = new();

    [Fact]
    public void A_neutral_face_passes() => Assert.Equal(RuleOutcome.Pass, FaceRuleHarness.Evaluate(_rule, new SyntheticFace().Build()).Outcome);

    [Fact]
    public void A_smile_fails()
    {
        RuleFinding f = FaceRuleHarness.Evaluate(_rule, new SyntheticFace { Expressions = new Dictionary<string, double> { ["neutral"] = 0.1, ["happy"] = 0.88 } }.Build());
        Assert.Equal(RuleOutcome.Fail, f.Outcome);
        Assert.Contains("笑", f.Message.Zh, StringComparison.Ordinal);
        Assert.Equal(0.88, f.Number);
    }

    [Fact]
    public void Surprise_fails()
    {
        RuleFinding f = FaceRuleHarness.Evaluate(_rule, new SyntheticFace { Expressions = new Dictionary<string, double> { ["neutral"] = 0.2, ["surprised"] = 0.75 } }.Build());
        Assert.Equal(RuleOutcome.Fail, f.Outcome);
        Assert.Contains("surprised", f.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void No_expression_skips() =>
        Assert.Equal(RuleOutcome.Skip, FaceRuleHarness.Evaluate(_rule, new SyntheticFace { Expressions = new Dictionary<string, double>() }.Build()).Outcome);
}
