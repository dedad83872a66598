using SocialCard.Photos.Rules;
using SocialCard.Photos.Rules.Clothing;
using SocialCard.Photos.Tests.TestSupport;

namespace SocialCard.Photos.Tests.Rules.Clothing;

public sealed class LightClothingRuleTests
{
    private readonly LightClothingRule _rule = new();

    [Fact]
    public void A_dark_jacket_passes()
    {
        RuleFinding f = FaceRuleHarness.Evaluate(_rule, new SyntheticFace().Build());
        Assert.Equal(RuleOutcome.Pass, f.Outcome);
        Assert.True(f.Number < 40, $"L* {f.Number}");
    }

    [Fact]
    public void A_white_top_fails_under_suzhou_and_warns_under_the_national_profile()
    {
        byte[] photo = TestPhotos.Portrait(image => FaceRuleHarness.HairFrom(image, 14), new SyntheticPortrait { Clothing = (232, 232, 236) });
        RuleFinding suzhou = FaceRuleHarness.Evaluate(_rule, new SyntheticFace().Build(), photo);
        Assert.Equal(RuleOutcome.Fail, suzhou.Outcome);
        Assert.True(suzhou.Number > 85, $"L* {suzhou.Number}");
        Assert.Contains("深色上衣", suzhou.Message.Zh, StringComparison.Ordinal);
        RuleFinding national = FaceRuleHarness.Evaluate(_rule, new SyntheticFace().Build(), photo, SocialCard.Photos.Profiles.SpecProfiles.Get(SocialCard.Photos.Profiles.SpecProfiles.National));
        Assert.Equal(RuleOutcome.Warn, national.Outcome);
    }
}
