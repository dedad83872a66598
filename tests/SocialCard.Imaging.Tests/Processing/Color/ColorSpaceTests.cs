using SocialCard.Imaging.Processing.Color;

namespace SocialCard.Imaging.Tests.Processing.Color;

/// <summary>The one sRGB &lt;-&gt; CIELAB conversion: reference values, the table path against the exact formula, both precisions, the inverse.</summary>
public sealed class ColorSpaceTests
{
    private const double LabTolerance = 0.05;

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
    public void Lab_of_8_bit_colours_matches_the_exact_formula_within_a_thousandth()
    {
        for (int v = 0; v < 256; v += 3)
        {
            foreach ((byte r, byte g, byte b) in new[] { ((byte)v, (byte)v, (byte)v), ((byte)v, (byte)(255 - v), (byte)(v / 2)), ((byte)200, (byte)v, (byte)30) })
            {
                (double l, double a, double bb) = ExactLab(r, g, b);
                Lab lab = ColorSpace.ToLab(r, g, b);
                Assert.InRange(lab.L - l, -1e-3, 1e-3);
                Assert.InRange(lab.A - a, -5e-3, 5e-3);
                Assert.InRange(lab.B - bb, -5e-3, 5e-3);
                (float sl, float sa, float sb) = ColorSpace.ToLabSingle(r, g, b);
                Assert.InRange(sl - l, -2e-3, 2e-3);
                Assert.InRange(sa - a, -1e-2, 1e-2);
                Assert.InRange(sb - bb, -1e-2, 1e-2);
            }
        }
    }

    [Fact]
    public void Lightness_alone_is_bit_identical_to_the_full_conversion()
    {
        ReadOnlySpan<float> linear = ColorSpace.LinearTable;
        for (int v = 0; v < 256; v++)
        {
            float r = linear[v], g = linear[255 - v], b = linear[v / 3];
            Assert.Equal(ColorSpace.LinearToLab(r, g, b).L, ColorSpace.LightnessFromLinear(r, g, b));
        }
    }

    [Fact]
    public void Mean_colour_of_whole_levels_equals_the_8_bit_conversion_within_float_rounding()
    {
        for (int v = 0; v < 256; v += 5)
        {
            Lab fromBytes = ColorSpace.ToLab((byte)v, (byte)(255 - v), (byte)(v / 2));
            Lab fromMean = ColorSpace.ToLab(v, 255.0 - v, v / 2);
            Assert.InRange(fromBytes.L - fromMean.L, -1e-4, 1e-4);
            Assert.InRange(fromBytes.A - fromMean.A, -1e-3, 1e-3);
        }
    }

    [Fact]
    public void Planes_hold_the_single_precision_conversion_of_every_pixel()
    {
        byte[] rgb = new byte[301];
        new Random(2).NextBytes(rgb);
        float[] l = new float[100], a = new float[100], b = new float[100];
        ColorSpace.ToLabPlanes(rgb, l, a, b);
        for (int i = 0; i < 100; i++)
        {
            Assert.Equal(ColorSpace.ToLabSingle(rgb[i * 3], rgb[(i * 3) + 1], rgb[(i * 3) + 2]), (l[i], a[i], b[i]));
        }

        Assert.Throws<ArgumentException>(() => ColorSpace.ToLabPlanes(rgb, l.AsSpan(1), a, b));
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
                    (float l, float a, float bb) = ColorSpace.ToLabSingle(colour.R, colour.G, colour.B);
                    back = ColorSpace.ToRgb(l, a, bb);
                    Assert.True(Math.Abs(back.R - r) <= 1 && Math.Abs(back.G - g) <= 1 && Math.Abs(back.B - b) <= 1, $"{colour} -> {back} (single)");
                }
            }
        }
    }

    [Fact]
    public void Out_of_gamut_lab_is_clamped()
    {
        Assert.Equal(RgbColor.White, ColorSpace.ToRgb(120f, 0f, 0f));
        Assert.Equal(RgbColor.Black, ColorSpace.ToRgb(-5f, 0f, 0f));
    }

    [Fact]
    public void Grey_has_no_chroma_and_saturated_colour_has_much()
    {
        Assert.True(ColorSpace.ToLab(new RgbColor(90, 90, 90)).Chroma < 0.01);
        Assert.True(ColorSpace.ToLab(new RgbColor(30, 60, 200)).Chroma > 50);
        Assert.InRange(ColorSpace.ToLab(new RgbColor(30, 60, 200)).Hue, 270, 310);
    }

    private static (double L, double A, double B) ExactLab(byte r8, byte g8, byte b8)
    {
        static double Lin(byte c) => c / 255.0 <= 0.04045 ? c / 255.0 / 12.92 : Math.Pow(((c / 255.0) + 0.055) / 1.055, 2.4);
        static double F(double t) => t > 0.008856451679035631 ? Math.Cbrt(t) : (7.787037037037037 * t) + (16.0 / 116.0);
        double r = Lin(r8), g = Lin(g8), b = Lin(b8);
        double fx = F(((0.4124564 * r) + (0.3575761 * g) + (0.1804375 * b)) / 0.95047);
        double fy = F((0.2126729 * r) + (0.7151522 * g) + (0.0721750 * b));
        double fz = F(((0.0193339 * r) + (0.1191920 * g) + (0.9503041 * b)) / 1.08883);
        return ((116 * fy) - 16, 500 * (fx - fy), 200 * (fy - fz));
    }
}
