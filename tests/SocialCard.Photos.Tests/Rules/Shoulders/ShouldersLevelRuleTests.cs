using SocialCard.Imaging;
using SocialCard.Photos.Rules;
using SocialCard.Photos.Rules.Shoulders;
using SocialCard.Photos.Tests.TestSupport;

namespace SocialCard.Photos.Tests.Rules.Shoulders;

public sealed class ShouldersLevelRuleTests
{
    private readonly ShouldersLevelRule _rule = new();

    // Without the person segmentation (FaceRuleHarness has no network) the colour outline is read.
    [Fact]
    public void Level_shoulders_pass()
    {
        RuleFinding f = FaceRuleHarness.Evaluate(_rule, new SyntheticFace().Build());
        Assert.Equal(RuleOutcome.Pass, f.Outcome);
        Assert.InRange(f.Number!.Value, -1, 1);
    }

    [Theory]
    [InlineData(13)]
    [InlineData(-13)]
    public void A_tilted_body_fails(double degrees)
    {
        using RgbImage upright = new SyntheticPortrait().Render();
        FaceRuleHarness.HairFrom(upright, 14);
        using RgbImage tilted = ImageEdits.Rotate(upright, degrees, SyntheticFace.CentreX, SyntheticFace.EyeY);
        RuleFinding f = FaceRuleHarness.Evaluate(_rule, new SyntheticFace { RollDegrees = degrees }.Build(), TestPhotos.Jpeg(tilted));
        Assert.True(f.Outcome == RuleOutcome.Fail, $"{f.Outcome} at {f.Number}");
        // The synthetic shoulders slope, so the measured line tilts a little less than the rotation.
        Assert.InRange(Math.Abs(f.Number!.Value), Math.Abs(degrees) - 5, Math.Abs(degrees) + 1.5);
        Assert.Equal(Math.Sign(degrees), Math.Sign(f.Number.Value));
        Assert.Contains(degrees > 0 ? "右侧肩膀偏低" : "左侧肩膀偏低", f.Message.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void Shoulders_lost_in_a_white_background_skip()
    {
        byte[] photo = TestPhotos.Portrait(image => FaceRuleHarness.HairFrom(image, 14), new SyntheticPortrait { Clothing = (252, 252, 252) });
        Assert.Equal(RuleOutcome.Skip, FaceRuleHarness.Evaluate(_rule, new SyntheticFace().Build(), photo).Outcome);
    }
}
