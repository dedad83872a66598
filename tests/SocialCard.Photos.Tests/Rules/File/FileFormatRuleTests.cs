using SocialCard.Imaging;
using SocialCard.Photos.Rules;
using SocialCard.Photos.Rules.File;
using SocialCard.Photos.Tests.TestSupport;

namespace SocialCard.Photos.Tests.Rules.File;

public sealed class FileFormatRuleTests
{
    private readonly FileFormatRule _rule = new();

    [Fact]
    public void Jpeg_named_jpg_passes()
    {
        RuleFinding finding = TestPhotos.Evaluate(_rule, TestPhotos.Portrait());
        Assert.Equal(RuleOutcome.Pass, finding.Outcome);
        Assert.Equal("jpeg", finding.Value);
    }

    [Fact]
    public void Bmp_content_named_jpg_fails_and_names_the_real_format()
    {
        using RgbImage image = new SyntheticPortrait().Render();
        RuleFinding finding = TestPhotos.Evaluate(_rule, TestPhotos.Bmp(image));
        Assert.Equal(RuleOutcome.Fail, finding.Outcome);
        Assert.Equal("bmp", finding.Value);
        Assert.Contains("BMP", finding.Message.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_bytes_fail_as_not_an_image()
    {
        byte[] junk = new byte[5000];
        new Random(3).NextBytes(junk);
        RuleFinding finding = TestPhotos.Evaluate(_rule, junk);
        Assert.Equal(RuleOutcome.Fail, finding.Outcome);
        Assert.Equal("unknown", finding.Value);
    }

    [Fact]
    public void Jpeg_with_wrong_extension_fails()
    {
        RuleFinding finding = TestPhotos.Evaluate(_rule, TestPhotos.Portrait(), "3205001234.png");
        Assert.Equal(RuleOutcome.Fail, finding.Outcome);
        Assert.Contains(".png", finding.Message.En, StringComparison.Ordinal);
    }
}
