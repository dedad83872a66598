using SocialCard.Photos.Rules;
using SocialCard.Photos.Rules.Occlusion;
using SocialCard.Photos.Tests.TestSupport;

namespace SocialCard.Photos.Tests.Rules.Occlusion;

public sealed class EyeOcclusionRuleTests
{
    private readonly EyeOcclusionRule _rule = new();

    [Fact]
    public void Bare_eyes_pass()
    {
        RuleFinding f = FaceRuleHarness.Evaluate(_rule, new SyntheticFace().Build());
        Assert.Equal(RuleOutcome.Pass, f.Outcome);
        Assert.True(f.Number < 0.05, $"dark share {f.Number}");
    }

    [Fact]
    public void Tinted_lenses_fail()
    {
        byte[] photo = FaceRuleHarness.CompliantPortrait(image =>
        {
            ImageEdits.Fill(image, 110, 178, 58, 30, (52, 48, 46));
            ImageEdits.Fill(image, 190, 178, 58, 30, (52, 48, 46));
        });
        RuleFinding f = FaceRuleHarness.Evaluate(_rule, new SyntheticFace().Build(), photo);
        Assert.Equal(RuleOutcome.Fail, f.Outcome);
        Assert.Contains("有色眼镜", f.Message.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void Hair_over_one_eye_fails()
    {
        byte[] photo = FaceRuleHarness.CompliantPortrait(image => ImageEdits.Fill(image, 112, 170, 40, 40, (38, 30, 26)));
        Assert.Equal(RuleOutcome.Fail, FaceRuleHarness.Evaluate(_rule, new SyntheticFace().Build(), photo).Outcome);
    }
}
