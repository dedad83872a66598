using SocialCard.Faces;
using SocialCard.Imaging;
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

    [Fact]
    public void A_person_mask_bounds_the_clothing_pixel_by_pixel()
    {
        // The fix's form: a mask that is the person everywhere keeps every pixel (the same measure as none); one that is
        // the person only on the left half of the photo keeps fewer, all of them from that half.
        byte[] photo = FaceRuleHarness.CompliantPortrait();
        using PhotoContext context = PhotoContext.Create(photo, TestPhotos.GoodName, TestPhotos.Suzhou, new FixedFaceDetector(new SyntheticFace().Build()));
        RgbImage image = context.Image!;
        (byte R, byte G, byte B) white = (255, 255, 255);
        const int size = 16;
        var everywhere = new float[size * size];
        Array.Fill(everywhere, 1f);
        var leftHalf = new float[size * size];
        for (int i = 0; i < leftHalf.Length; i++)
        {
            leftHalf[i] = i % size < size / 2 ? 1f : 0f;
        }

        ClothingMeasure none = Assert.IsType<ClothingMeasure>(ClothingMeasure.Measure(image, context.Background.Rgb, white, context.PrimaryFace!, context.SkinStats.MeanLab, null));
        ClothingMeasure all = Assert.IsType<ClothingMeasure>(ClothingMeasure.Measure(image, context.Background.Rgb, white, context.PrimaryFace!, context.SkinStats.MeanLab, PersonMask.FromGrid(everywhere, size, image.Width, image.Height)));
        ClothingMeasure left = Assert.IsType<ClothingMeasure>(ClothingMeasure.Measure(image, context.Background.Rgb, white, context.PrimaryFace!, context.SkinStats.MeanLab, PersonMask.FromGrid(leftHalf, size, image.Width, image.Height)));

        Assert.Equal((none.Pixels, none.MeanLightness, none.Relative), (all.Pixels, all.MeanLightness, all.Relative));
        Assert.InRange(left.Pixels, (none.Pixels / 4) + 1, none.Pixels - 1);
    }

    private static ClothingMeasure Measure(byte[] photo)
    {
        using PhotoContext context = PhotoContext.Create(photo, TestPhotos.GoodName, TestPhotos.Suzhou, new FixedFaceDetector(new SyntheticFace().Build()));
        return Assert.IsType<ClothingMeasure>(context.Clothing);
    }
}
