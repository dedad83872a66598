using SocialCard.Photos.Rules;
using SocialCard.Photos.Rules.Lighting;
using SocialCard.Photos.Tests.TestSupport;

namespace SocialCard.Photos.Tests.Rules.Lighting;

public sealed class GlareRuleTests
{
    private readonly GlareRule _rule = new();

    [Fact]
    public void Matte_face_passes() => Assert.Equal(RuleOutcome.Pass, TestPhotos.Evaluate(_rule, TestPhotos.Portrait()).Outcome);

    [Fact]
    public void Specular_patches_fail()
    {
        byte[] photo = TestPhotos.Portrait(image =>
        {
            ImageEdits.Fill(image, 128, 212, 26, 18, (255, 255, 255));
            ImageEdits.Fill(image, 205, 212, 26, 18, (255, 255, 255));
        });
        RuleFinding finding = TestPhotos.Evaluate(_rule, photo);
        Assert.Equal(RuleOutcome.Fail, finding.Outcome);
        Assert.Contains("反光", finding.Message.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void Reflections_on_glasses_fail_in_the_eye_zones_when_a_face_is_known()
    {
        // Two small lens reflections: too few pixels for the skin zone, plenty for the eye zones.
        byte[] photo = FaceRuleHarness.CompliantPortrait(image =>
        {
            ImageEdits.Fill(image, 124, 196, 12, 8, (255, 255, 255));
            ImageEdits.Fill(image, 222, 196, 12, 8, (255, 255, 255));
        });
        Assert.Equal(RuleOutcome.Pass, TestPhotos.Evaluate(_rule, photo).Outcome);
        RuleFinding f = FaceRuleHarness.Evaluate(_rule, new SyntheticFace().Build(), photo);
        Assert.Equal(RuleOutcome.Fail, f.Outcome);
        Assert.Contains("眼镜有反光", f.Message.Zh, StringComparison.Ordinal);
        Assert.Contains("eye zones", f.Limit, StringComparison.Ordinal);
    }

    [Fact]
    public void Bare_eyes_with_a_face_pass() =>
        Assert.Equal(RuleOutcome.Pass, FaceRuleHarness.Evaluate(_rule, new SyntheticFace().Build()).Outcome);
}
