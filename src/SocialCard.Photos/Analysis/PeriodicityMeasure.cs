using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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

    /// <summary>Per-thread unwrapped copy of the searched rows in double (see <see cref="MeasureVector256"/>).</summary>
    [ThreadStatic]
    private static double[]? s_unwrapped;

    /// <summary>
    /// Sharpest spectral peak over its neighbourhood, from a <see cref="FaceSpectrum"/> power spectrum. Dispatches to
    /// <see cref="MeasureVector256"/> where accelerated; it returns exactly the value of <see cref="MeasureScalar"/>.
    /// </summary>
    public static double Measure(ReadOnlySpan<float> power) =>
        Vector256.IsHardwareAccelerated ? MeasureVector256(power) : MeasureScalar(power);

    /// <summary>
    /// Four bins per step: every ring term is added in the reference's order per lane (so the sums, and the ratios, are
    /// bit-identical), from a copy of the rows -2 to Size/2 in double with the columns unwrapped to -Size/2..Size/2-1 (no
    /// index masking per term); bins on a block line or inside <see cref="MinRadius"/> are masked out.
    /// </summary>
    internal static double MeasureVector256(ReadOnlySpan<float> power)
    {
        int n = FaceSpectrum.Size;
        if (power.Length != n * n)
        {
            return 0;
        }

        int half = n / 2;
        int mask = n - 1;
        int blockStep = n / 8;

        // Row r of the copy is frequency v = r - 2 (wrapped), column c is u = c - half.
        int rows = half + 2;
        double[] unwrapped = s_unwrapped ??= new double[rows * n];
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<float> source = power.Slice(((r - 2 + n) & mask) * n, n);
            Span<double> target = unwrapped.AsSpan(r * n, n);
            for (int c = 0; c < n; c++)
            {
                target[c] = source[(c - half + n) & mask];
            }
        }

        Span<double> valid = stackalloc double[n];
        ref double grid = ref MemoryMarshal.GetArrayDataReference(unwrapped);
        var best = Vector256<double>.Zero;
        var sixteen = Vector256.Create(16.0);
        int uStart = -half + 3, uEnd = half - 2;
        double tailBest = 0;
        for (int v = 0; v < half - 2; v++)
        {
            if (IsBlockLine(v, blockStep))
            {
                continue;
            }

            for (int c = 0; c < n; c++)
            {
                int u = c - half;
                valid[c] = IsBlockLine(u, blockStep) || (u * u) + (v * v) < MinRadius * MinRadius ? 0 : 1;
            }

            ref double row0 = ref Unsafe.Add(ref grid, v * n);           // v - 2
            ref double row1 = ref Unsafe.Add(ref grid, (v + 1) * n);     // v - 1
            ref double row2 = ref Unsafe.Add(ref grid, (v + 2) * n);     // v
            ref double row3 = ref Unsafe.Add(ref grid, (v + 3) * n);     // v + 1
            ref double row4 = ref Unsafe.Add(ref grid, (v + 4) * n);     // v + 2
            int u0 = uStart;
            for (; u0 + Vector256<double>.Count <= uEnd; u0 += Vector256<double>.Count)
            {
                nuint c = (nuint)(u0 + half);
                Vector256<double> ring = Vector256<double>.Zero;
                ring += Vector256.LoadUnsafe(ref row0, c - 2);
                ring += Vector256.LoadUnsafe(ref row0, c - 1);
                ring += Vector256.LoadUnsafe(ref row0, c);
                ring += Vector256.LoadUnsafe(ref row0, c + 1);
                ring += Vector256.LoadUnsafe(ref row0, c + 2);
                ring += Vector256.LoadUnsafe(ref row1, c - 2);
                ring += Vector256.LoadUnsafe(ref row1, c + 2);
                ring += Vector256.LoadUnsafe(ref row2, c - 2);
                ring += Vector256.LoadUnsafe(ref row2, c + 2);
                ring += Vector256.LoadUnsafe(ref row3, c - 2);
                ring += Vector256.LoadUnsafe(ref row3, c + 2);
                ring += Vector256.LoadUnsafe(ref row4, c - 2);
                ring += Vector256.LoadUnsafe(ref row4, c - 1);
                ring += Vector256.LoadUnsafe(ref row4, c);
                ring += Vector256.LoadUnsafe(ref row4, c + 1);
                ring += Vector256.LoadUnsafe(ref row4, c + 2);
                ring /= sixteen;
                Vector256<double> ratio = Vector256.LoadUnsafe(ref row2, c) / ring;
                Vector256<double> use = Vector256.GreaterThan(ring, Vector256<double>.Zero) &
                                        Vector256.GreaterThan(Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(valid), c), Vector256<double>.Zero);
                best = Vector256.Max(best, Vector256.ConditionalSelect(use, ratio, Vector256<double>.Zero));
            }

            for (; u0 < uEnd; u0++)
            {
                int c = u0 + half;
                if (valid[c] == 0)
                {
                    continue;
                }

                double ring = 0;
                ring += Unsafe.Add(ref row0, c - 2);
                ring += Unsafe.Add(ref row0, c - 1);
                ring += Unsafe.Add(ref row0, c);
                ring += Unsafe.Add(ref row0, c + 1);
                ring += Unsafe.Add(ref row0, c + 2);
                ring += Unsafe.Add(ref row1, c - 2);
                ring += Unsafe.Add(ref row1, c + 2);
                ring += Unsafe.Add(ref row2, c - 2);
                ring += Unsafe.Add(ref row2, c + 2);
                ring += Unsafe.Add(ref row3, c - 2);
                ring += Unsafe.Add(ref row3, c + 2);
                ring += Unsafe.Add(ref row4, c - 2);
                ring += Unsafe.Add(ref row4, c - 1);
                ring += Unsafe.Add(ref row4, c);
                ring += Unsafe.Add(ref row4, c + 1);
                ring += Unsafe.Add(ref row4, c + 2);
                ring /= 16.0;
                if (ring > 0)
                {
                    tailBest = Math.Max(tailBest, Unsafe.Add(ref row2, c) / ring);
                }
            }
        }

        double result = tailBest;
        for (int k = 0; k < Vector256<double>.Count; k++)
        {
            result = Math.Max(result, best.GetElement(k));
        }

        return result;
    }

    /// <summary>The reference: every bin and ring term in turn, indices wrapped per term.</summary>
    internal static double MeasureScalar(ReadOnlySpan<float> power)
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
