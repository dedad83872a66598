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
    public void A_broad_smile_with_closed_lips_only_waits_for_a_look()
    {
        // "happy" alone fails nothing: the net reads closed-lip smiles anywhere up to 0.9 and more.
        RuleFinding f = FaceRuleHarness.Evaluate(_rule, new SyntheticFace { Expressions = new Dictionary<string, double> { ["neutral"] = 0.01, ["happy"] = 0.99 } }.Build());
        Assert.Equal(RuleOutcome.Warn, f.Outcome);
        Assert.Contains("需人工复核", f.Message.Zh, StringComparison.Ordinal);
        Assert.Contains("centre staff", f.Message.En, StringComparison.Ordinal);
        Assert.Equal(0.99, f.Number);
    }

    [Fact]
    public void A_smile_with_parted_lips_fails_even_where_no_teeth_show_and_happy_reads_091()
    {
        // Lips parted over teeth in the mouth's shade: no pale pixels, but the lip landmarks stand apart.
        var face = new SyntheticFace { MouthGap = 8, Expressions = new Dictionary<string, double> { ["neutral"] = 0.09, ["happy"] = 0.91 } }.Build();
        RuleFinding f = FaceRuleHarness.Evaluate(_rule, face);
        Assert.Equal(RuleOutcome.Fail, f.Outcome);
        Assert.Contains("张嘴微笑", f.Message.Zh, StringComparison.Ordinal);
        Assert.Contains("lips are parted", f.Message.En, StringComparison.Ordinal);
        Assert.Equal(8.0 / 56, f.Number!.Value, 3);
    }

    [Fact]
    public void A_smile_with_teeth_fails_where_happy_reads_091()
    {
        byte[] photo = FaceRuleHarness.CompliantPortrait(image => ImageEdits.Fill(image, 160, 259, 38, 7, (236, 232, 222)));
        var face = new SyntheticFace { MouthGap = 8, Expressions = new Dictionary<string, double> { ["neutral"] = 0.09, ["happy"] = 0.91 } }.Build();
        RuleFinding f = FaceRuleHarness.Evaluate(_rule, face, photo);
        Assert.Equal(RuleOutcome.Fail, f.Outcome);
        Assert.Contains("露齿微笑", f.Message.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void A_closed_lip_smile_on_the_devset_passes()
    {
        byte[] bytes = System.IO.File.ReadAllBytes(Path.Combine(TestPhotos.DevsetDirectory, "images", "7987275705.jpg"));
        Assert.Equal(RuleOutcome.Pass, TestFaceEngine.Checker.Check(bytes, "7987275705.jpg", TestPhotos.Suzhou).Findings.Single(x => x.Rule == _rule.Id).Outcome);
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
