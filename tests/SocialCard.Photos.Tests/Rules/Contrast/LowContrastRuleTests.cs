using SocialCard.Photos.Rules;
using SocialCard.Photos.Rules.Contrast;
using SocialCard.Photos.Tests.TestSupport;

namespace SocialCard.Photos.Tests.Rules.Contrast;

public sealed class LowContrastRuleTests
{
    private readonly LowContrastRule _rule = new();

    [Fact]
    public void Normal_contrast_passes() => Assert.Equal(RuleOutcome.Pass, TestPhotos.Evaluate(_rule, TestPhotos.Portrait()).Outcome);

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.4)]
    public void Compressed_contrast_fails(double factor)
    {
        RuleFinding finding = TestPhotos.Evaluate(_rule, TestPhotos.Portrait(image => ImageEdits.MapPerson(image, (_, _, _, v) => 150 + ((v - 150) * factor))));
        Assert.Equal(RuleOutcome.Fail, finding.Outcome);
        Assert.Contains("对比度过低", finding.Message.Zh, StringComparison.Ordinal);
    }
}
