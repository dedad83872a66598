using SocialCard.Photos.Rules;
using SocialCard.Photos.Rules.Contrast;
using SocialCard.Photos.Tests.TestSupport;

namespace SocialCard.Photos.Tests.Rules.Contrast;

public sealed class LowContrastRuleTests
{
    private readonly LowContrastRule _rule = new();

    [Fact]
    public void Normal_contrast_passes() => Assert.Equal(RuleOutcome.Pass, TestPhotos.Evaluate(_rule, TestPhotos.Portrait()).Outcome);

    /// <summary>At x0.3 the range is far below the limit; at x0.4 it lies within the review band of it (a look by
    /// centre staff) or below: either way it is not passed.</summary>
    [Theory]
    [InlineData(0.3, true)]
    [InlineData(0.4, false)]
    public void Compressed_contrast_fails(double factor, bool clearly)
    {
        RuleFinding finding = TestPhotos.Evaluate(_rule, TestPhotos.Portrait(image => ImageEdits.MapPerson(image, (_, _, _, v) => 150 + ((v - 150) * factor))));
        Assert.True(clearly ? finding.Outcome == RuleOutcome.Fail : finding.Outcome is RuleOutcome.Fail or RuleOutcome.Warn, $"{finding.Outcome} at range {finding.Number}");
        Assert.Contains("对比度过低", finding.Message.Zh, StringComparison.Ordinal);
    }
}
