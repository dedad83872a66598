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
    public void A_slight_smile_with_closed_lips_passes()
    {
        // The Chengdu appendix allows a smile (可微笑) as long as no teeth show.
        RuleFinding f = FaceRuleHarness.Evaluate(_rule, new SyntheticFace { Expressions = new Dictionary<string, double> { ["neutral"] = 0.1, ["happy"] = 0.88 } }.Build());
        Assert.Equal(RuleOutcome.Pass, f.Outcome);
        Assert.Equal(0.88, f.Number);
    }

    [Fact]
    public void A_broad_smile_fails_even_with_closed_lips()
    {
        RuleFinding f = FaceRuleHarness.Evaluate(_rule, new SyntheticFace { Expressions = new Dictionary<string, double> { ["neutral"] = 0.01, ["happy"] = 0.99 } }.Build());
        Assert.Equal(RuleOutcome.Fail, f.Outcome);
        Assert.Contains("笑容过大", f.Message.Zh, StringComparison.Ordinal);
        Assert.Contains("too broad", f.Message.En, StringComparison.Ordinal);
        Assert.Equal(0.99, f.Number);
    }

    [Fact]
    public void A_smile_showing_the_teeth_fails()
    {
        byte[] photo = FaceRuleHarness.CompliantPortrait(image => ImageEdits.Fill(image, 160, 259, 38, 7, (236, 232, 222)));
        var face = new SyntheticFace { MouthGap = 8, Expressions = new Dictionary<string, double> { ["neutral"] = 0.7, ["happy"] = 0.3 } }.Build();
        RuleFinding f = FaceRuleHarness.Evaluate(_rule, face, photo);
        Assert.Equal(RuleOutcome.Fail, f.Outcome);
        Assert.Contains("露齿微笑", f.Message.Zh, StringComparison.Ordinal);
        Assert.Contains("shows the teeth", f.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Teeth_without_any_smile_are_left_to_mouth_open()
    {
        byte[] photo = FaceRuleHarness.CompliantPortrait(image => ImageEdits.Fill(image, 160, 259, 38, 7, (236, 232, 222)));
        var face = new SyntheticFace { MouthGap = 8, Expressions = new Dictionary<string, double> { ["neutral"] = 0.995, ["happy"] = 0.005 } }.Build();
        Assert.Equal(RuleOutcome.Pass, FaceRuleHarness.Evaluate(_rule, face, photo).Outcome);
    }

    [Fact]
    public void Surprise_fails()
    {
        RuleFinding f = FaceRuleHarness.Evaluate(_rule, new SyntheticFace { Expressions = new Dictionary<string, double> { ["neutral"] = 0.04, ["surprised"] = 0.95 } }.Build());
        Assert.Equal(RuleOutcome.Fail, f.Outcome);
        Assert.Contains("surprised", f.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void No_expression_skips() =>
        Assert.Equal(RuleOutcome.Skip, FaceRuleHarness.Evaluate(_rule, new SyntheticFace { Expressions = new Dictionary<string, double>() }.Build()).Outcome);
}
