using SocialCard.Photos.Rules;
using SocialCard.Photos.Rules.Sharpness;
using SocialCard.Photos.Tests.TestSupport;

namespace SocialCard.Photos.Tests.Rules.Sharpness;

public sealed class GhostRuleTests
{
    private readonly GhostRule _rule = new();

    [Fact]
    public void Single_image_passes() => Assert.Equal(RuleOutcome.Pass, TestPhotos.Evaluate(_rule, TestPhotos.Portrait()).Outcome);

    [Fact]
    public void Blurred_image_is_not_called_a_ghost() =>
        Assert.Equal(RuleOutcome.Skip, TestPhotos.Evaluate(_rule, TestPhotos.Portrait(image => ImageEdits.Blur(image, 3))).Outcome);

    [Theory]
    [InlineData(7, 0)]
    [InlineData(6, 6)]
    [InlineData(-9, 8)]
    [InlineData(0, 12)]
    public void Double_image_fails(int dx, int dy)
    {
        RuleFinding finding = TestPhotos.Evaluate(_rule, TestPhotos.Portrait(image => ImageEdits.Ghost(image, dx, dy)));
        Assert.Equal(RuleOutcome.Fail, finding.Outcome);
        Assert.Contains("重影", finding.Message.Zh, StringComparison.Ordinal);
    }
}
