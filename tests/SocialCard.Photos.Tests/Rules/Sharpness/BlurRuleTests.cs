using SocialCard.Photos.Rules;
using SocialCard.Photos.Rules.Sharpness;
using SocialCard.Photos.Tests.TestSupport;

namespace SocialCard.Photos.Tests.Rules.Sharpness;

public sealed class BlurRuleTests
{
    private readonly BlurRule _rule = new();

    [Fact]
    public void Sharp_photo_passes() => Assert.Equal(RuleOutcome.Pass, TestPhotos.Evaluate(_rule, TestPhotos.Portrait()).Outcome);

    [Fact]
    public void Flat_but_sharp_photo_passes()
    {
        byte[] photo = TestPhotos.Portrait(image => ImageEdits.MapPerson(image, (_, _, _, v) => 128 + ((v - 128) * 0.4)));
        Assert.Equal(RuleOutcome.Pass, TestPhotos.Evaluate(_rule, photo).Outcome);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Blurred_photo_fails(int radius)
    {
        byte[] photo = TestPhotos.Portrait(image => ImageEdits.Blur(image, radius));
        RuleFinding finding = TestPhotos.Evaluate(_rule, photo);
        Assert.Equal(RuleOutcome.Fail, finding.Outcome);
        Assert.Contains("模糊", finding.Message.Zh, StringComparison.Ordinal);
    }
}
