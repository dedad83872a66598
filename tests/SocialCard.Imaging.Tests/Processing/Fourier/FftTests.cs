using SocialCard.Imaging.Processing.Fourier;

namespace SocialCard.Imaging.Tests.Processing.Fourier;

/// <summary>The 2-D FFT (vectorised column passes) against a direct DFT, both directions; the AVX transpose against the scalar one.</summary>
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
