using SocialCard.Imaging;
using SocialCard.Photos.Rules;
using SocialCard.Photos.Rules.Image;
using SocialCard.Photos.Tests.TestSupport;

namespace SocialCard.Photos.Tests.Rules.Image;

public sealed class ImageDpiRuleTests
{
    private readonly ImageDpiRule _rule = new();

    private static byte[] AtDpi(int dpi)
    {
        using RgbImage image = new SyntheticPortrait().Render();
        return TestPhotos.Jpeg(image, dpi: dpi);
    }

    [Fact]
    public void Density_350_passes()
    {
        RuleFinding finding = TestPhotos.Evaluate(_rule, AtDpi(350));
        Assert.Equal(RuleOutcome.Pass, finding.Outcome);
        Assert.Equal(350.0, finding.Number);
    }

    [Theory]
    [InlineData(300)]
    [InlineData(72)]
    [InlineData(351)]
    public void Other_densities_fail(int dpi)
    {
        RuleFinding finding = TestPhotos.Evaluate(_rule, AtDpi(dpi));
        Assert.Equal(RuleOutcome.Fail, finding.Outcome);
        Assert.Equal((double)dpi, finding.Number);
        Assert.Contains("分辨率不符合规格", finding.Message.Zh, StringComparison.Ordinal);
        Assert.Equal("350 dpi", finding.Limit);
    }
}
