using SocialCard.Photos.Rules;
using SocialCard.Photos.Rules.Face;
using SocialCard.Photos.Tests.TestSupport;

namespace SocialCard.Photos.Tests.Rules.Face;

public sealed class FacePositionRuleTests
{
    private readonly FacePositionRule _rule = new();

    [Fact]
    public void A_centred_face_with_a_small_margin_above_the_hair_passes()
    {
        RuleFinding f = FaceRuleHarness.Evaluate(_rule, new SyntheticFace().Build());
        Assert.True(f.Outcome == RuleOutcome.Pass, f.Message.En + " " + f.Text);
        Assert.Contains("hair top 14 px", f.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_off_centre_face_fails()
    {
        byte[] photo = FaceRuleHarness.CompliantPortrait();
        RuleFinding f = FaceRuleHarness.Evaluate(_rule, new SyntheticFace { Dx = 45 }.Build(), photo);
        Assert.Equal(RuleOutcome.Fail, f.Outcome);
        Assert.Contains("偏右", f.Message.Zh, StringComparison.Ordinal);
        Assert.Contains("162-196", f.Limit, StringComparison.Ordinal);
        Assert.DoesNotContain("162", f.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Hair_cut_by_the_upper_edge_fails()
    {
        byte[] photo = FaceRuleHarness.CompliantPortrait(image => FaceRuleHarness.HairFrom(image, 0));
        RuleFinding f = FaceRuleHarness.Evaluate(_rule, new SyntheticFace().Build(), photo);
        Assert.Equal(RuleOutcome.Fail, f.Outcome);
        Assert.Contains("hair top 0 px", f.Text, StringComparison.Ordinal);
        Assert.Contains("出框", f.Message.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_much_space_above_the_head_fails()
    {
        // The synthetic portrait's own hair starts 50 px below the upper edge.
        RuleFinding f = FaceRuleHarness.Evaluate(_rule, new SyntheticFace().Build(), TestPhotos.Portrait());
        Assert.Equal(RuleOutcome.Fail, f.Outcome);
        Assert.Contains("too much space above the head", f.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Eyes_too_low_fail()
    {
        RuleFinding f = FaceRuleHarness.Evaluate(_rule, new SyntheticFace { Dy = 60 }.Build());
        Assert.Equal(RuleOutcome.Fail, f.Outcome);
        Assert.Contains("eyes are too low", f.Message.En, StringComparison.Ordinal);
    }
}
