using SocialCard.Photos.Faces;
using SocialCard.Photos.Rules;
using SocialCard.Photos.Rules.Face;
using SocialCard.Photos.Tests.TestSupport;

namespace SocialCard.Photos.Tests.Rules.Face;

public sealed class FaceSizeRuleTests
{
    private readonly FaceSizeRule _rule = new();

    [Fact]
    public void A_face_196_px_wide_passes()
    {
        RuleFinding f = FaceRuleHarness.Evaluate(_rule, new SyntheticFace().Build());
        Assert.Equal(RuleOutcome.Pass, f.Outcome);
        Assert.InRange(f.Number!.Value, 195, 197);
    }

    [Fact]
    public void A_small_face_fails_as_too_small()
    {
        RuleFinding f = FaceRuleHarness.Evaluate(_rule, new SyntheticFace { Scale = 0.7 }.Build());
        Assert.Equal(RuleOutcome.Fail, f.Outcome);
        Assert.Contains("过小", f.Message.Zh, StringComparison.Ordinal);
        Assert.Contains("179-255", f.Limit, StringComparison.Ordinal);
        Assert.DoesNotContain("179", f.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void A_big_face_fails_as_too_big()
    {
        RuleFinding f = FaceRuleHarness.Evaluate(_rule, new SyntheticFace { Scale = 1.5 }.Build());
        Assert.Equal(RuleOutcome.Fail, f.Outcome);
        Assert.Contains("too big", f.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void The_ga461_profile_has_its_own_narrower_range()
    {
        RuleFinding f = FaceRuleHarness.Evaluate(_rule, new SyntheticFace { Scale = 1.2 }.Build(), profile: SocialCard.Photos.Profiles.SpecProfiles.Get(SocialCard.Photos.Profiles.SpecProfiles.Ga461));
        Assert.Equal(RuleOutcome.Fail, f.Outcome);
        Assert.Contains("193-221", f.Limit, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_face_it_skips()
    {
        Assert.Equal(RuleOutcome.Skip, FaceRuleHarness.Evaluate(_rule, (ObservedFace?)null).Outcome);
    }
}
