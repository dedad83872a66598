using SocialCard.Imaging;
using SocialCard.Imaging.Formats.Jpeg;
using SocialCard.Photos.Rules;
using SocialCard.Photos.Rules.Image;
using SocialCard.Photos.Tests.TestSupport;

namespace SocialCard.Photos.Tests.Rules.Image;

public sealed class ImageColorDepthRuleTests
{
    private readonly ImageColorDepthRule _rule = new();

    [Fact]
    public void Colour_jpeg_is_24_bit_and_passes()
    {
        RuleFinding finding = TestPhotos.Evaluate(_rule, TestPhotos.Portrait());
        Assert.Equal(RuleOutcome.Pass, finding.Outcome);
        Assert.Equal(24.0, finding.Number);
    }

    [Fact]
    public void Single_component_jpeg_fails_as_8_bit()
    {
        using RgbImage image = new SyntheticPortrait().Render();
        byte[] grey = new byte[image.PixelCount];
        for (int i = 0; i < grey.Length; i++)
        {
            grey[i] = image.Pixels[3 * i + 1];
        }

        RuleFinding finding = TestPhotos.Evaluate(_rule, JpegEncoder.EncodeGray(grey, image.Width, image.Height, new JpegEncoderOptions { DensityDpi = 350 }));
        Assert.Equal(RuleOutcome.Fail, finding.Outcome);
        Assert.Equal(8.0, finding.Number);
        Assert.Contains("灰度", finding.Message.Zh, StringComparison.Ordinal);
    }
}
