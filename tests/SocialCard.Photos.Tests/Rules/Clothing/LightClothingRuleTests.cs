using SocialCard.Imaging;
using SocialCard.Photos.Analysis;
using SocialCard.Photos.Profiles;
using SocialCard.Photos.Rules;
using SocialCard.Photos.Rules.Clothing;
using SocialCard.Photos.Tests.TestSupport;

namespace SocialCard.Photos.Tests.Rules.Clothing;

public sealed class LightClothingRuleTests
{
    /// <summary>First row below the synthetic chin (337) that the clothing band may start at, with margin.</summary>
    private const int BelowChin = 345;

    private static readonly (byte R, byte G, byte B) White = (255, 255, 255);

    private readonly LightClothingRule _rule = new();

    [Fact]
    public void A_dark_jacket_passes()
    {
        RuleFinding f = FaceRuleHarness.Evaluate(_rule, new SyntheticFace().Build());
        Assert.Equal(RuleOutcome.Pass, f.Outcome);
        Assert.True(f.Number < 40, $"L* {f.Number}");
    }

    [Fact]
    public void A_white_top_fails_under_suzhou_and_warns_under_the_national_profile()
    {
        byte[] photo = TestPhotos.Portrait(image => FaceRuleHarness.HairFrom(image, 14), new SyntheticPortrait { Clothing = (246, 246, 248) });
        RuleFinding suzhou = FaceRuleHarness.Evaluate(_rule, new SyntheticFace().Build(), photo);
        Assert.Equal(RuleOutcome.Fail, suzhou.Outcome);
        Assert.True(suzhou.Number > 96, $"L* {suzhou.Number}");
        Assert.StartsWith("上衣为白色", suzhou.Message.Zh, StringComparison.Ordinal);
        Assert.Contains("深色上衣", suzhou.Message.Zh, StringComparison.Ordinal);
        Assert.Contains("重拍", suzhou.Message.Zh, StringComparison.Ordinal);
        Assert.Contains("wear a dark top and retake", suzhou.Message.En, StringComparison.Ordinal);
        RuleFinding national = FaceRuleHarness.Evaluate(_rule, new SyntheticFace().Build(), photo, SpecProfiles.Get(SpecProfiles.National));
        Assert.Equal(RuleOutcome.Warn, national.Outcome);
    }

    /// <summary>
    /// On a coloured, grey or dark wall the top is not judged (the wall fails background.color; the top is judged where
    /// it stands on white): a light top there neither fails nor waits for a look, while the same top on white does.
    /// </summary>
    [Theory]
    [InlineData(200, 32, 40)]
    [InlineData(204, 202, 201)]
    [InlineData(90, 95, 93)]
    [InlineData(68, 146, 225)]
    public void A_light_top_on_a_coloured_or_dark_wall_is_not_judged(byte r, byte g, byte b)
    {
        var top = new SyntheticPortrait { Clothing = (232, 232, 236), Background = (r, g, b) };
        byte[] onWall = TestPhotos.Portrait(image => FaceRuleHarness.HairFrom(image, 14), top);
        byte[] onWhite = TestPhotos.Portrait(image => FaceRuleHarness.HairFrom(image, 14), new SyntheticPortrait { Clothing = top.Clothing });
        RuleFinding wall = FaceRuleHarness.Evaluate(_rule, new SyntheticFace().Build(), onWall);
        Assert.Equal(RuleOutcome.Skip, wall.Outcome);
        Assert.Contains("背景不是白色", wall.Message.Zh, StringComparison.Ordinal);
        Assert.NotEqual(RuleOutcome.Pass, FaceRuleHarness.Evaluate(_rule, new SyntheticFace().Build(), onWhite).Outcome);
    }

    [Fact]
    public void A_light_grey_top_waits_for_a_look_instead_of_failing()
    {
        // L* about 92: light, but a visible step below the background; not white.
        byte[] photo = TestPhotos.Portrait(image => FaceRuleHarness.HairFrom(image, 14), new SyntheticPortrait { Clothing = (232, 232, 236) });
        RuleFinding f = FaceRuleHarness.Evaluate(_rule, new SyntheticFace().Build(), photo);
        Assert.Equal(RuleOutcome.Warn, f.Outcome);
        Assert.InRange(f.Number!.Value, 90, 94);
        Assert.StartsWith("需人工复核", f.Message.Zh, StringComparison.Ordinal);
        Assert.Contains("上衣颜色较浅", f.Message.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pale_blue_top_as_light_as_a_white_one_is_light_not_white()
    {
        // L* about 96 like the white top above, but clearly tinted (chroma about 9): looked at, not rejected.
        byte[] photo = TestPhotos.Portrait(image => FaceRuleHarness.HairFrom(image, 14), new SyntheticPortrait { Clothing = (228, 244, 255) });
        RuleFinding f = FaceRuleHarness.Evaluate(_rule, new SyntheticFace().Build(), photo);
        Assert.Equal(RuleOutcome.Warn, f.Outcome);
        Assert.True(f.Number > 95, $"L* {f.Number}");
    }

    [Fact]
    public void A_white_top_reads_white_against_the_photos_own_white_when_the_photo_is_darker()
    {
        // The white top above, the whole photo 12% darker (under-exposed by about a third of a stop, a dimmer studio):
        // the top's own L* drops to about 90, under the white limit, but so does the background's: against the
        // background it is as white as before, and fails.
        byte[] photo = TestPhotos.Portrait(image =>
        {
            FaceRuleHarness.HairFrom(image, 14);
            ImageEdits.MapAll(image, (_, _, _, v) => v * 0.88);
        }, new SyntheticPortrait { Clothing = (246, 246, 248) });
        using PhotoContext context = PhotoContext.Create(photo, TestPhotos.GoodName, TestPhotos.Suzhou, new FixedFaceDetector(new SocialCard.Photos.Faces.FaceObservation { Faces = [new SyntheticFace().Build()] }));
        ClothingMeasure m = Assert.IsType<ClothingMeasure>(context.Clothing);
        Assert.True(m.MeanLightness < 92, $"absolute L* {m.MeanLightness}");
        Assert.True(m.RelativeLightness > 96, $"relative L* {m.RelativeLightness}");
        Assert.Equal(RuleOutcome.Fail, _rule.Evaluate(context, TestPhotos.Suzhou).Outcome);
    }

    [Fact]
    public void A_mid_grey_top_passes()
    {
        // L* about 62: well on the dark side of the threshold, though far from black.
        byte[] photo = TestPhotos.Portrait(image => FaceRuleHarness.HairFrom(image, 14), new SyntheticPortrait { Clothing = (150, 150, 155) });
        RuleFinding f = FaceRuleHarness.Evaluate(_rule, new SyntheticFace().Build(), photo);
        Assert.Equal(RuleOutcome.Pass, f.Outcome);
        Assert.InRange(f.Number!.Value, 55, 70);
    }

    [Fact]
    public void A_light_top_whose_highlights_touch_the_white_background_is_read_light()
    {
        // A pale shirt lit from above: stripes of highlight (252, 252, 253: L* ~99, within a few levels of the background,
        // as on the devset's white T-shirts) and shadow (206, 206, 212: L* ~83.5). Its mean L* is about 91. A measure that
        // drops near-white pixels as background sees only the shadow and passes it.
        byte[] photo = FaceRuleHarness.CompliantPortrait(image => Stripes(image, BelowChin, (252, 252, 253), (206, 206, 212)));
        RuleFinding f = FaceRuleHarness.Evaluate(_rule, new SyntheticFace().Build(), photo);
        Assert.Equal(RuleOutcome.Warn, f.Outcome);
        Assert.InRange(f.Number!.Value, 89, 94);
    }

    [Fact]
    public void The_same_stripes_in_a_dark_top_pass()
    {
        // Control for the test above: same stripe geometry, a dark top (L* ~26 and ~40): nothing about stripes fails.
        byte[] photo = FaceRuleHarness.CompliantPortrait(image => Stripes(image, BelowChin, (90, 92, 100), (50, 52, 60)));
        RuleFinding f = FaceRuleHarness.Evaluate(_rule, new SyntheticFace().Build(), photo);
        Assert.Equal(RuleOutcome.Pass, f.Outcome);
        Assert.InRange(f.Number!.Value, 25, 42);
    }

    [Fact]
    public void No_clothing_visible_skips()
    {
        // Cropped at the chin: background below it.
        byte[] photo = FaceRuleHarness.CompliantPortrait(image => ImageEdits.Fill(image, 0, BelowChin, image.Width, image.Height - BelowChin, White));
        RuleFinding f = FaceRuleHarness.Evaluate(_rule, new SyntheticFace().Build(), photo);
        Assert.Equal(RuleOutcome.Skip, f.Outcome);
        Assert.Null(f.Number);
    }

    [Fact]
    public void A_scrap_of_white_clothing_is_too_little_to_judge_and_skips()
    {
        // 12 x 30 px of white top in one corner: under the measure's minimum share of the squared face width (768 px here).
        byte[] photo = FaceRuleHarness.CompliantPortrait(image =>
        {
            ImageEdits.Fill(image, 0, BelowChin, image.Width, image.Height - BelowChin, White);
            ImageEdits.Fill(image, 20, image.Height - 30, 12, 30, (236, 236, 240));
        });
        Assert.Equal(RuleOutcome.Skip, FaceRuleHarness.Evaluate(_rule, new SyntheticFace().Build(), photo).Outcome);
    }

    [Fact]
    public void No_face_skips()
    {
        RuleFinding f = FaceRuleHarness.Evaluate(_rule, (SocialCard.Photos.Faces.ObservedFace?)null);
        Assert.Equal(RuleOutcome.Skip, f.Outcome);
    }

    [Fact]
    public void The_thresholds_come_from_the_profile()
    {
        RuleSettings settings = TestPhotos.Suzhou.Rule("clothing.light");
        Assert.True(settings.TryGet("maxClothingLightness", out double light));
        Assert.True(settings.TryGet("maxWhiteLightness", out double white));
        Assert.True(settings.TryGet("maxWhiteChroma", out double chroma));
        Assert.InRange(light, 85, 90);
        Assert.InRange(white, light + 3, 99);
        Assert.InRange(chroma, 2, 10);
    }

    /// <summary>Vertical stripes 16 px wide of two colours from row <paramref name="top"/> to the lower edge.</summary>
    internal static void Stripes(RgbImage image, int top, (byte R, byte G, byte B) a, (byte R, byte G, byte B) b)
    {
        for (int x = 0; x < image.Width; x += 16)
        {
            ImageEdits.Fill(image, x, top, Math.Min(16, image.Width - x), image.Height - top, (x / 16) % 2 == 0 ? a : b);
        }
    }
}
