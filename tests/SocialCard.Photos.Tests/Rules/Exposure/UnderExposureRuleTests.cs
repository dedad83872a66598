using SocialCard.Photos.Rules;
using SocialCard.Photos.Rules.Exposure;
using SocialCard.Photos.Tests.TestSupport;

namespace SocialCard.Photos.Tests.Rules.Exposure;

public sealed class UnderExposureRuleTests
{
    private readonly UnderExposureRule _rule = new();

    [Fact]
    public void Well_lit_face_passes() => Assert.Equal(RuleOutcome.Pass, TestPhotos.Evaluate(_rule, TestPhotos.Portrait()).Outcome);

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.4)]
    public void Dim_face_fails(double gain)
    {
        RuleFinding finding = TestPhotos.Evaluate(_rule, TestPhotos.Portrait(image => ImageEdits.MapPerson(image, (_, _, _, v) => v * gain)));
        Assert.Equal(RuleOutcome.Fail, finding.Outcome);
        Assert.Contains("曝光不足", finding.Message.Zh, StringComparison.Ordinal);
    }
}
