using SocialCard.Photos.Rules;
using SocialCard.Photos.Rules.Image;
using SocialCard.Photos.Tests.TestSupport;

namespace SocialCard.Photos.Tests.Rules.Image;

public sealed class ImageDimensionsRuleTests
{
    private readonly ImageDimensionsRule _rule = new();

    [Fact]
    public void Exact_size_passes()
    {
        RuleFinding finding = TestPhotos.Evaluate(_rule, TestPhotos.Portrait());
        Assert.Equal(RuleOutcome.Pass, finding.Outcome);
        Assert.Equal("358x441", finding.Value);
    }

    [Theory]
    [InlineData(295, 413)]
    [InlineData(413, 531)]
    [InlineData(358, 440)]
    public void Other_sizes_fail(int width, int height)
    {
        RuleFinding finding = TestPhotos.Evaluate(_rule, TestPhotos.Portrait(portrait: new SyntheticPortrait { Width = width, Height = height }));
        Assert.Equal(RuleOutcome.Fail, finding.Outcome);
        Assert.Equal($"{width}x{height}", finding.Value);
    }

    [Fact]
    public void Rotated_photo_fails_and_says_rotated()
    {
        RuleFinding finding = TestPhotos.Evaluate(_rule, TestPhotos.Portrait(portrait: new SyntheticPortrait { Width = 441, Height = 358 }));
        Assert.Equal(RuleOutcome.Fail, finding.Outcome);
        Assert.Contains("横置", finding.Message.Zh, StringComparison.Ordinal);
        Assert.Equal("441x358", finding.Text);
    }
}
