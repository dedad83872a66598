using SocialCard.Photos.Analysis;

namespace SocialCard.Photos.Tests;

/// <summary>The 2-D FFT (vectorised column passes) against a direct DFT, both directions, and the Lab cube-root table.</summary>
public sealed class FftTests
{
    [Theory]
    [InlineData(4, false)]
    [InlineData(16, false)]
    [InlineData(16, true)]
    [InlineData(32, true)]
    public void Transform2D_matches_a_direct_dft(int n, bool inverse)
    {
        var random = new Random(n);
        float[] re = [.. Enumerable.Range(0, n * n).Select(_ => (float)((random.NextDouble() * 2) - 1))];
        float[] im = [.. Enumerable.Range(0, n * n).Select(_ => (float)((random.NextDouble() * 2) - 1))];
        (double[] expectRe, double[] expectIm) = Dft(re, im, n, inverse);

        new Fft(n).Transform2D(re, im, inverse);

        for (int i = 0; i < n * n; i++)
        {
            Assert.InRange(re[i] - expectRe[i], -1e-3, 1e-3);
            Assert.InRange(im[i] - expectIm[i], -1e-3, 1e-3);
        }
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(8, true)]
    [InlineData(16, false)]
    [InlineData(128, false)]
    [InlineData(128, true)]
    public void Transform2D_by_transposes_is_bit_identical_to_columns_then_scalar_rows(int n, bool inverse)
    {
        var random = new Random(n + (inverse ? 1 : 0));
        float[] re = [.. Enumerable.Range(0, n * n).Select(_ => (float)((random.NextDouble() * 200) - 100))];
        float[] im = [.. Enumerable.Range(0, n * n).Select(_ => (float)((random.NextDouble() * 2) - 1))];
        float[] refRe = [.. re], refIm = [.. im];
        float[] tRe = [.. re], tIm = [.. im];
        var fft = new Fft(n);

        fft.Transform2DByRows(refRe, refIm, inverse);
        fft.Transform2D(re, im, inverse);
        fft.Transform2DTransposed(tRe, tIm, inverse);

        Assert.Equal(refRe, re);
        Assert.Equal(refIm, im);
        for (int v = 0; v < n; v++)
        {
            for (int u = 0; u < n; u++)
            {
                Assert.Equal(refRe[(v * n) + u], tRe[(u * n) + v]);
                Assert.Equal(refIm[(v * n) + u], tIm[(u * n) + v]);
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(13)]
    [InlineData(128)]
    public void Transpose_swaps_rows_and_columns_of_any_square(int n)
    {
        float[] grid = [.. Enumerable.Range(0, n * n).Select(i => (float)i)];
        Fft.Transpose(grid, n);
        for (int y = 0; y < n; y++)
        {
            for (int x = 0; x < n; x++)
            {
                Assert.Equal((x * n) + y, grid[(y * n) + x]);
            }
        }
    }

    [Theory]
    [InlineData(8)]
    [InlineData(16)]
    [InlineData(24)]
    [InlineData(128)]
    public void Avx_transpose_equals_the_scalar_transpose(int n)
    {
        if (!System.Runtime.Intrinsics.X86.Avx.IsSupported)
        {
            Assert.Throws<NotSupportedException>(() => Fft.TransposeAvx(new float[n * n], n));
            return;
        }

        var random = new Random(n);
        float[] grid = [.. Enumerable.Range(0, n * n).Select(_ => (float)random.NextDouble())];
        float[] expected = [.. grid];
        Fft.TransposeScalar(expected, n);
        Fft.TransposeAvx(grid, n);
        Assert.Equal(expected, grid);
    }

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

    private static (double[] Re, double[] Im) Dft(float[] re, float[] im, int n, bool inverse)
    {
        double sign = inverse ? 1 : -1;
        var outRe = new double[n * n];
        var outIm = new double[n * n];
        for (int v = 0; v < n; v++)
        {
            for (int u = 0; u < n; u++)
            {
                double sr = 0, si = 0;
                for (int y = 0; y < n; y++)
                {
                    for (int x = 0; x < n; x++)
                    {
                        double angle = sign * 2 * Math.PI * (((double)u * x / n) + ((double)v * y / n));
                        double c = Math.Cos(angle), s = Math.Sin(angle);
                        float pr = re[(y * n) + x], pi = im[(y * n) + x];
                        sr += (pr * c) - (pi * s);
                        si += (pr * s) + (pi * c);
                    }
                }

                outRe[(v * n) + u] = sr;
                outIm[(v * n) + u] = si;
            }
        }

        return (outRe, outIm);
    }
}
