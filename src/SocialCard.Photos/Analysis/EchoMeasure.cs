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
        double meanPower = 0;
        for (int i = 0; i < re.Length; i++)
        {
            float p = power[i] * gain[i];
            re[i] = p;
            meanPower += p;
        }

        meanPower /= re.Length;
        if (meanPower <= 0)
        {
            return (0, 0, 0);
        }

        float floor = (float)(PowerFloor * meanPower);
        for (int i = 0; i < re.Length; i++)
        {
            re[i] = MathF.Log(re[i] + floor);
            im[i] = 0;
        }

        fft.Transform2D(re, im, inverse: true);
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

                double value = re[(dy * n) + ((dx + n) % n)] * scale;
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
