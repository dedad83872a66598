using SocialCard.Photos.Rules;
using SocialCard.Photos.Rules.Exposure;
using SocialCard.Photos.Tests.TestSupport;

namespace SocialCard.Photos.Tests.Rules.Exposure;

public sealed class OverExposureRuleTests
{
    private readonly OverExposureRule _rule = new();

    [Fact]
    public void Normal_face_passes() => Assert.Equal(RuleOutcome.Pass, TestPhotos.Evaluate(_rule, TestPhotos.Portrait()).Outcome);

    [Fact]
    public void Blown_out_face_fails()
    {
        RuleFinding finding = TestPhotos.Evaluate(_rule, TestPhotos.Portrait(image => ImageEdits.MapPerson(image, (_, _, _, v) => v * 1.6)));
        Assert.Equal(RuleOutcome.Fail, finding.Outcome);
        Assert.True(finding.Number > 0.3);
    }
}
