namespace SocialCard.Photos.Analysis;

/// <summary>
/// Re-photographed or scanned prints (halftone screens, moire, scan lines) leave sharp peaks in the 2-D spectrum that a
/// camera photo of a face does not have. JPEG block artefacts fall on frequencies that are multiples of Size/8 on
/// either axis (see <see cref="FaceSpectrum"/>); those lines are skipped. The result is the highest ratio of a
/// bin's power to the mean power of its 5x5 neighbourhood ring (sharp peaks score high, broad anisotropy does not).
/// </summary>
public static class PeriodicityMeasure
{
    public const int MinRadius = 10;

    /// <summary>Sharpest spectral peak over its neighbourhood, from a <see cref="FaceSpectrum"/> power spectrum.</summary>
    public static double Measure(ReadOnlySpan<float> power)
    {
        int n = FaceSpectrum.Size;
        if (power.Length != n * n)
        {
            return 0;
        }

        ReadOnlySpan<float> re = power;
        int blockStep = n / 8;
        double best = 0;
        int half = n / 2;
        int mask = n - 1; // n is a power of two: (i + n) & mask wraps like a modulo, without a division per bin

        // Half plane (v >= 0) suffices: the power spectrum of a real image is symmetric.
        for (int v = 0; v < half - 2; v++)
        {
            if (IsBlockLine(v, blockStep))
            {
                continue;
            }

            for (int u = -half + 3; u < half - 2; u++)
            {
                if (IsBlockLine(u, blockStep) || (u * u) + (v * v) < MinRadius * MinRadius)
                {
                    continue;
                }

                float p = re[(v * n) + ((u + n) & mask)];
                double ring = 0;
                for (int dv = -2; dv <= 2; dv++)
                {
                    int vv = (v + dv + n) & mask;
                    for (int du = -2; du <= 2; du++)
                    {
                        if (Math.Abs(du) <= 1 && Math.Abs(dv) <= 1)
                        {
                            continue;
                        }

                        ring += re[(vv * n) + ((u + du + n) & mask)];
                    }
                }

                ring /= 16.0;
                if (ring > 0)
                {
                    double ratio = p / ring;
                    if (ratio > best)
                    {
                        best = ratio;
                    }
                }
            }
        }

        return best;
    }

    private static bool IsBlockLine(int frequency, int step)
    {
        return ((frequency % step) + step) % step == 0;
    }
}
