using SocialCard.Photos.Analysis;
using SocialCard.Photos.Tests.TestSupport;

namespace SocialCard.Photos.Tests.Rules.Clothing;

public sealed class ClothingMeasureTests
{
    [Fact]
    public void On_a_clean_white_background_the_tolerance_stays_at_its_floor()
    {
        ClothingMeasure m = Measure(FaceRuleHarness.CompliantPortrait());
        Assert.Equal(ClothingMeasure.MinTolerance, m.Tolerance);
    }

    [Fact]
    public void A_noisy_background_widens_the_tolerance_and_a_dark_top_stays_dark()
    {
        // Sensor-like noise on the white background (+/-10 levels per channel, seeded): the tolerance must follow it, or
        // noisy background pixels beside the shoulders would count as (near-white) clothing.
        var random = new Random(11);
        byte[] photo = FaceRuleHarness.CompliantPortrait(image => ImageEdits.MapAll(image, (x, y, c, v) => v >= 250 ? v - (random.NextDouble() * 10) : v));
        ClothingMeasure m = Measure(photo);
        Assert.InRange(m.Tolerance, ClothingMeasure.MinTolerance + 4, ClothingMeasure.MaxTolerance);
        Assert.True(m.MeanLightness < 40, $"L* {m.MeanLightness}");
    }

    [Fact]
    public void Near_white_shirt_pixels_count_as_clothing()
    {
        // All of the top at (251, 251, 252), L* ~98.6: 7 levels (summed) from the background, kept on a clean white.
        byte[] photo = FaceRuleHarness.CompliantPortrait(image => LightClothingRuleTests.Stripes(image, 345, (251, 251, 252), (251, 251, 252)));
        ClothingMeasure m = Measure(photo);
        Assert.InRange(m.MeanLightness, 97.5, 99.5);
        Assert.True(m.Coverage > 0.5, $"coverage {m.Coverage}");
    }

    private static ClothingMeasure Measure(byte[] photo)
    {
        using PhotoContext context = PhotoContext.Create(photo, TestPhotos.GoodName, TestPhotos.Suzhou, new FixedFaceDetector(new SyntheticFace().Build()));
        return Assert.IsType<ClothingMeasure>(context.Clothing);
    }
}
