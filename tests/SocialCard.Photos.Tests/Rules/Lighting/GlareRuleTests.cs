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
}
