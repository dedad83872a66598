using SocialCard.Photos.Rules;
using SocialCard.Photos.Rules.Color;
using SocialCard.Photos.Tests.TestSupport;

namespace SocialCard.Photos.Tests.Rules.Color;

public sealed class ColorCastRuleTests
{
    private readonly ColorCastRule _rule = new();

    [Theory]
    [InlineData(222, 172, 142)]
    [InlineData(141, 96, 72)]
    [InlineData(236, 206, 180)]
    public void Natural_skin_tones_pass(byte r, byte g, byte b) =>
        Assert.Equal(RuleOutcome.Pass, TestPhotos.Evaluate(_rule, TestPhotos.Portrait(portrait: new SyntheticPortrait { Skin = (r, g, b) })).Outcome);

    [Fact]
    public void Blue_cyan_cast_fails()
    {
        double[] gain = [0.72, 0.97, 1.18];
        byte[] photo = TestPhotos.Portrait(image => ImageEdits.MapPerson(image, (_, _, c, v) => v * gain[c]));
        RuleFinding finding = TestPhotos.Evaluate(_rule, photo);
        Assert.Equal(RuleOutcome.Fail, finding.Outcome);
        Assert.Matches("偏青|偏蓝", finding.Message.Zh);
    }

    [Fact]
    public void Green_cast_fails()
    {
        double[] gain = [0.8, 1.15, 0.8];
        byte[] photo = TestPhotos.Portrait(image => ImageEdits.MapPerson(image, (_, _, c, v) => v * gain[c]));
        Assert.Equal(RuleOutcome.Fail, TestPhotos.Evaluate(_rule, photo).Outcome);
    }
}
