using SocialCard.Imaging.Processing.Color;

namespace SocialCard.Imaging.Tests.Processing.Color;

public sealed class ColorSpaceTests
{
    private const float LabTolerance = 0.05f;

    [Theory]
    [InlineData(255, 255, 255, 100.0, 0.0, 0.0)]
    [InlineData(0, 0, 0, 0.0, 0.0, 0.0)]
    [InlineData(255, 0, 0, 53.2408, 80.0925, 67.2032)]
    [InlineData(0, 255, 0, 87.7347, -86.1827, 83.1793)]
    [InlineData(0, 0, 255, 32.2970, 79.1875, -107.8602)]
    [InlineData(128, 128, 128, 53.5850, 0.0, 0.0)]
    public void Known_srgb_values_give_reference_lab(byte r, byte g, byte b, double l, double a, double bb)
    {
        Lab lab = ColorSpace.ToLab(new RgbColor(r, g, b));
        Assert.InRange(lab.L, l - LabTolerance, l + LabTolerance);
        Assert.InRange(lab.A, a - LabTolerance, a + LabTolerance);
        Assert.InRange(lab.B, bb - LabTolerance, bb + LabTolerance);
    }

    [Fact]
    public void Round_trip_is_within_one_level_for_a_colour_grid()
    {
        for (int r = 0; r < 256; r += 15)
        {
            for (int g = 0; g < 256; g += 15)
            {
                for (int b = 0; b < 256; b += 15)
                {
                    var colour = new RgbColor((byte)r, (byte)g, (byte)b);
                    RgbColor back = ColorSpace.ToRgb(ColorSpace.ToLab(colour));
                    Assert.True(Math.Abs(back.R - r) <= 1 && Math.Abs(back.G - g) <= 1 && Math.Abs(back.B - b) <= 1, $"{colour} -> {back}");
                }
            }
        }
    }

    [Fact]
    public void Table_path_matches_the_exact_curve()
    {
        for (int i = 0; i < 256; i++)
        {
            Assert.Equal(ColorSpace.SrgbToLinear((byte)i), ColorSpace.SrgbToLinearFast((byte)i));
        }

        byte[] rgb = new byte[300];
        new Random(2).NextBytes(rgb);
        var bulk = new Lab[100];
        ColorSpace.ToLab(rgb, bulk);
        for (int i = 0; i < 100; i++)
        {
            Lab one = ColorSpace.ToLab(new RgbColor(rgb[i * 3], rgb[(i * 3) + 1], rgb[(i * 3) + 2]));
            Assert.Equal(one, bulk[i]);
        }
    }

    [Fact]
    public void Grey_has_no_chroma_and_saturated_colour_has_much()
    {
        Assert.True(ColorSpace.ToLab(new RgbColor(90, 90, 90)).Chroma < 0.01f);
        Assert.True(ColorSpace.ToLab(new RgbColor(30, 60, 200)).Chroma > 50f);
    }
}
