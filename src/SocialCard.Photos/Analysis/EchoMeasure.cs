using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using SocialCard.Imaging.Processing.Fourier;

namespace SocialCard.Photos.Analysis;

/// <summary>
/// Double-image (ghost) detector by the power cepstrum of the face crop. A ghost copy of relative weight a at offset d
/// multiplies the spectrum by |1 + a e^(-i w.d)|^2, a ripple of amplitude about 2a in the log spectrum, periodic in
/// frequency, that turns into a peak of height a at quefrency d in the inverse transform, whatever the face's own
/// spectrum (that part of the log spectrum is smooth and stays near quefrency 0). The spectrum is Laplacian-whitened.
/// <para>
/// Scale- and JPEG-stable by construction: only the frequencies up to <see cref="BandRadius"/> cycles per pixel are read,
/// under a radial Hann taper (what JPEG quantisation and a resampling remove lies above it, where a ripple would be
/// read or lost depending on the encoder), with the band's own weighted mean removed, and the peak is divided by the
/// band's total weight, so it reads the ghost's relative weight a (0 for none, about 0.5 to 1 for a double exposure of
/// comparable weight) instead of a share of the whole spectrum that falls when JPEG zeroes high frequencies. Lags
/// <see cref="MinOffset"/> to <see cref="MaxOffset"/> px are searched (below 5 px the face's own texture dominates), but
/// not the lags on the 8-pixel JPEG block grid (both components multiples of 8), where block artefacts put their own
/// cepstral peaks.
/// </para>
/// </summary>
public static class EchoMeasure
{
    public const int MinOffset = 5;
    public const int MaxOffset = 20;

    /// <summary>Radius of the frequency band read, in cycles per pixel (0.5 is the Nyquist limit).</summary>
    public const double BandRadius = 0.35;

    /// <summary>Floor added to the power spectrum before the logarithm, relative to its mean (keeps JPEG-zeroed bins from dominating).</summary>
    private const double PowerFloor = 1e-3;

    private static readonly float[] s_laplacianGain = BuildLaplacianGain();

    /// <summary>The radial Hann taper of the band (0 outside it and at frequency 0) and its sum.</summary>
    private static readonly (float[] Weights, double Sum) s_band = BuildBand();

    /// <summary>Per-thread scratch grids for the cepstrum (nothing of them outlives a call).</summary>
    [ThreadStatic]
    private static float[]? s_re;

    [ThreadStatic]
    private static float[]? s_im;

    /// <summary>
    /// Strongest cepstral peak as the ghost's relative weight (a single image reads up to about 0.17 on the devset, a
    /// ghost from 0.4) and its lag (dx, dy), from a <see cref="FaceSpectrum"/> power spectrum. The Laplacian whitening is
    /// applied in the frequency domain (its power gain (4 - 2 cos wx - 2 cos wy)^2), so one forward transform serves this
    /// and the periodicity measure.
    /// </summary>
    public static (double Strength, int Dx, int Dy) Measure(ReadOnlySpan<float> power, Fft fft)
    {
        int n = FaceSpectrum.Size;
        if (fft.Size != n || power.Length != n * n)
        {
            return (0, 0, 0);
        }

        float[] re = s_re ??= new float[n * n];
        float[] im = s_im ??= new float[n * n];
        float[] gain = s_laplacianGain;
        double meanPower = WhitenAndSum(power, gain, re) / re.Length;
        if (meanPower <= 0)
        {
            return (0, 0, 0);
        }

        float floor = (float)(PowerFloor * meanPower);
        LogWithFloor(re, floor);
        (float[] weights, double weightSum) = s_band;
        TaperBand(re, weights, (float)(WeightedSum(re, weights) / weightSum));
        Array.Clear(im);

        // The cepstrum comes out transposed (quefrency (dx, dy) at index dx * n + dy); only the searched lags are read.
        // The inverse transform is unnormalised, so a ripple 2a cos(w.d) under the taper sums to a times the weight sum.
        fft.Transform2DTransposed(re, im, inverse: true);
        double scale = 1 / weightSum;
        double best = 0;
        int bestDx = 0, bestDy = 0;
        int min2 = MinOffset * MinOffset, max2 = MaxOffset * MaxOffset;
        for (int dy = 0; dy <= MaxOffset; dy++)
        {
            for (int dx = -MaxOffset; dx <= MaxOffset; dx++)
            {
                int d2 = (dx * dx) + (dy * dy);
                if (d2 < min2 || d2 > max2 || (dy == 0 && dx < 0) || (dx % 8 == 0 && dy % 8 == 0))
                {
                    continue;
                }

                double value = re[(((dx + n) % n) * n) + dy] * scale;
                if (value > best)
                {
                    best = value;
                    bestDx = dx;
                    bestDy = dy;
                }
            }
        }

        return (best, bestDx, bestDy);
    }

    /// <summary>Sum of values * weights, in double, index order.</summary>
    internal static double WeightedSum(ReadOnlySpan<float> values, ReadOnlySpan<float> weights)
    {
        double sum = 0;
        for (int i = 0; i < values.Length; i++)
        {
            sum += values[i] * weights[i];
        }

        return sum;
    }

    /// <summary>values := (values - mean) * weights element-wise (Vector256, scalar tail).</summary>
    internal static void TaperBand(Span<float> values, ReadOnlySpan<float> weights, float mean)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var vMean = Vector256.Create(mean);
            ref float v0 = ref MemoryMarshal.GetReference(values);
            ref float w0 = ref MemoryMarshal.GetReference(weights);
            for (; i <= values.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                ((Vector256.LoadUnsafe(ref v0, (nuint)i) - vMean) * Vector256.LoadUnsafe(ref w0, (nuint)i)).StoreUnsafe(ref v0, (nuint)i);
            }
        }

        for (; i < values.Length; i++)
        {
            values[i] = (values[i] - mean) * weights[i];
        }
    }

    /// <summary>
    /// whitened := power * gain element-wise (Vector256, scalar tail) and the sum of the products, added one by one in
    /// index order in double (so the mean, hence the floor, is exactly that of a plain loop).
    /// </summary>
    internal static double WhitenAndSum(ReadOnlySpan<float> power, ReadOnlySpan<float> gain, Span<float> whitened)
    {
        double sum = 0;
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref float p0 = ref MemoryMarshal.GetReference(power);
            ref float g0 = ref MemoryMarshal.GetReference(gain);
            ref float w0 = ref MemoryMarshal.GetReference(whitened);
            for (; i <= whitened.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                Vector256<float> p = Vector256.LoadUnsafe(ref p0, (nuint)i) * Vector256.LoadUnsafe(ref g0, (nuint)i);
                p.StoreUnsafe(ref w0, (nuint)i);
                for (int k = 0; k < Vector256<float>.Count; k++)
                {
                    sum += p.GetElement(k);
                }
            }
        }

        for (; i < whitened.Length; i++)
        {
            float p = power[i] * gain[i];
            whitened[i] = p;
            sum += p;
        }

        return sum;
    }

    /// <summary>
    /// values := ln(values + floor): <see cref="Vector256.Log(Vector256{float})"/> where accelerated (within an ulp or so of
    /// <see cref="MathF.Log(float)"/>), scalar tail.
    /// </summary>
    internal static void LogWithFloor(Span<float> values, float floor)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var vFloor = Vector256.Create(floor);
            ref float v0 = ref MemoryMarshal.GetReference(values);
            for (; i <= values.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                Vector256.Log(Vector256.LoadUnsafe(ref v0, (nuint)i) + vFloor).StoreUnsafe(ref v0, (nuint)i);
            }
        }

        for (; i < values.Length; i++)
        {
            values[i] = MathF.Log(values[i] + floor);
        }
    }

    private static (float[] Weights, double Sum) BuildBand()
    {
        int n = FaceSpectrum.Size;
        var weights = new float[n * n];
        double sum = 0;
        for (int v = 0; v < n; v++)
        {
            for (int u = 0; u < n; u++)
            {
                double fu = Math.Min(u, n - u) / (double)n, fv = Math.Min(v, n - v) / (double)n;
                double r = Math.Sqrt((fu * fu) + (fv * fv));
                if (r > BandRadius || (u == 0 && v == 0))
                {
                    continue;
                }

                float w = (float)(0.5 * (1 + Math.Cos(Math.PI * r / BandRadius)));
                weights[(v * n) + u] = w;
                sum += w;
            }
        }

        return (weights, sum);
    }

    private static float[] BuildLaplacianGain()
    {
        int n = FaceSpectrum.Size;
        var gain = new float[n * n];
        for (int v = 0; v < n; v++)
        {
            for (int u = 0; u < n; u++)
            {
                double h = 4 - (2 * Math.Cos(2 * Math.PI * u / n)) - (2 * Math.Cos(2 * Math.PI * v / n));
                gain[(v * n) + u] = (float)(h * h);
            }
        }

        return gain;
    }
}
