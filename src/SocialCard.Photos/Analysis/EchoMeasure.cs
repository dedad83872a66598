using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using SocialCard.Imaging.Processing.Fourier;

namespace SocialCard.Photos.Analysis;

/// <summary>
/// Double-image (ghost) detector by the power cepstrum of the face crop. A ghost copy at offset d multiplies the
/// spectrum by |1 + a e^(-i w.d)|^2, a ripple whose logarithm is periodic in frequency and turns into a sharp peak at
/// quefrency d in the inverse transform, whatever the face's own spectrum (that part of the log spectrum is smooth and
/// stays near quefrency 0). The spectrum is Laplacian-whitened; lags <see cref="MinOffset"/>
/// to <see cref="MaxOffset"/> px are searched (below 5 px the JPEG block grid and the face's own texture dominate).
/// </summary>
public static class EchoMeasure
{
    public const int MinOffset = 5;
    public const int MaxOffset = 20;

    /// <summary>Floor added to the power spectrum before the logarithm, relative to its mean (keeps JPEG-zeroed bins from dominating).</summary>
    private const double PowerFloor = 1e-3;

    private static readonly float[] s_laplacianGain = BuildLaplacianGain();

    /// <summary>Per-thread scratch grids for the cepstrum (nothing of them outlives a call).</summary>
    [ThreadStatic]
    private static float[]? s_re;

    [ThreadStatic]
    private static float[]? s_im;

    /// <summary>
    /// Strongest cepstral peak (a ghost of equal weight scores about 0.2-0.4) and its lag (dx, dy), from a
    /// <see cref="FaceSpectrum"/> power spectrum. The Laplacian whitening is applied in the frequency domain (its power
    /// gain (4 - 2 cos wx - 2 cos wy)^2), so one forward transform serves this and the periodicity measure.
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
        Array.Clear(im);

        // The cepstrum comes out transposed (quefrency (dx, dy) at index dx * n + dy); only the searched lags are read.
        fft.Transform2DTransposed(re, im, inverse: true);
        float scale = 1f / (n * n);
        double best = 0;
        int bestDx = 0, bestDy = 0;
        int min2 = MinOffset * MinOffset, max2 = MaxOffset * MaxOffset;
        for (int dy = 0; dy <= MaxOffset; dy++)
        {
            for (int dx = -MaxOffset; dx <= MaxOffset; dx++)
            {
                int d2 = (dx * dx) + (dy * dy);
                if (d2 < min2 || d2 > max2 || (dy == 0 && dx < 0))
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
