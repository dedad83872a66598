using SocialCard.Photos.Rules;
using SocialCard.Photos.Rules.Background;
using SocialCard.Photos.Tests.TestSupport;

namespace SocialCard.Photos.Tests.Rules.Background;

public sealed class BackgroundColorRuleTests
{
    private readonly BackgroundColorRule _rule = new();

    [Fact]
    public void White_background_passes()
    {
        RuleFinding finding = TestPhotos.Evaluate(_rule, TestPhotos.Portrait());
        Assert.Equal(RuleOutcome.Pass, finding.Outcome);
    }

    [Fact]
    public void Near_white_background_passes() =>
        Assert.Equal(RuleOutcome.Pass, TestPhotos.Evaluate(_rule, TestPhotos.Portrait(portrait: new SyntheticPortrait { Background = (248, 249, 250) })).Outcome);

    [Theory]
    [InlineData(68, 146, 225, "blue", "蓝色")]
    [InlineData(200, 30, 42, "red", "红色")]
    [InlineData(112, 62, 146, "purple", "紫色")]
    [InlineData(198, 204, 202, "grey", "灰色")]
    [InlineData(88, 95, 93, "dark grey", "深灰色")]
    public void Coloured_backgrounds_fail_and_name_the_colour(byte r, byte g, byte b, string en, string zh)
    {
        RuleFinding finding = TestPhotos.Evaluate(_rule, TestPhotos.Portrait(portrait: new SyntheticPortrait { Background = (r, g, b) }));
        Assert.Equal(RuleOutcome.Fail, finding.Outcome);
        Assert.StartsWith(en + " ", (string)finding.Value!, StringComparison.Ordinal);
        Assert.Contains(zh + "背景", finding.Message.Zh, StringComparison.Ordinal);
        Assert.Contains("白色背景", finding.Message.Zh, StringComparison.Ordinal);
    }

    /// <summary>A white border is not enough: a purple wall leftover beside the head and shoulder (as a background
    /// replacement left it on a devset photo) fails, while the border median is still white.</summary>
    [Fact]
    public void White_background_with_a_purple_patch_at_the_side_fails()
    {
        byte[] photo = TestPhotos.Portrait(image => ImageEdits.Fill(image, 30, 160, 35, 120, (112, 66, 144)));
        RuleFinding finding = TestPhotos.Evaluate(_rule, photo);
        Assert.Equal(RuleOutcome.Fail, finding.Outcome);
        Assert.StartsWith("coloured patch ", (string)finding.Value!, StringComparison.Ordinal);
        Assert.Contains("彩色背景区域", finding.Message.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void Small_coloured_speck_beside_the_head_still_passes()
    {
        byte[] photo = TestPhotos.Portrait(image => ImageEdits.Fill(image, 30, 160, 6, 6, (112, 66, 144)));
        Assert.Equal(RuleOutcome.Pass, TestPhotos.Evaluate(_rule, photo).Outcome);
    }
}
