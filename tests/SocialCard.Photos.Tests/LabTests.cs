using SocialCard.Photos.Analysis;

namespace SocialCard.Photos.Tests;

/// <summary>Lab of 8-bit colours (the cube-root table) against the exact formula.</summary>
public sealed class LabTests
{
    [Fact]
    public void Lab_of_8_bit_colours_matches_the_exact_formula_within_a_thousandth()
    {
        for (int v = 0; v < 256; v += 3)
        {
            foreach ((byte r, byte g, byte b) in new[] { ((byte)v, (byte)v, (byte)v), ((byte)v, (byte)(255 - v), (byte)(v / 2)), ((byte)200, (byte)v, (byte)30) })
            {
                Lab lab = Lab.FromRgb(r, g, b);
                (double l, double a, double bb) = ExactLab(r, g, b);
                Assert.InRange(lab.L - l, -1e-3, 1e-3);
                Assert.InRange(lab.A - a, -5e-3, 5e-3);
                Assert.InRange(lab.B - bb, -5e-3, 5e-3);
            }
        }
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
