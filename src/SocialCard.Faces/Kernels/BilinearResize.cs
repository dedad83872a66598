using System.Buffers;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SocialCard.Faces.Kernels;

/// <summary>
/// tfjs <c>resizeBilinear</c> of an NHWC float tensor, computed in double and stored as float32 like the cpu backend:
/// ratio = in/out (alignCorners: (in-1)/(out-1)); src = ratio*(o+0.5)-0.5 with halfPixelCenters, else ratio*o;
/// r0 = max(0, floor(src)); r1 = min(in-1, ceil(src)); f = src - r0; top = TL+(TR-TL)*fc; bot = BL+(BR-BL)*fc;
/// v = top+(bot-top)*fr. The vector path interpolates each source row along x once, four channels at a time in doubles,
/// then blends the two rows: the same operations in the same order (bit-identical).
/// </summary>
internal static class BilinearResize
{
    internal static bool UseVectors { get; set; } = Vector256.IsHardwareAccelerated;

    /// <summary>Set false (tests, benchmarks) to blend every output row in its own pass, also where the next one reads the
    /// same two source rows.</summary>
    internal static bool UsePairs { get; set; } = true;

    public static void Run(
        ReadOnlySpan<float> x, int h, int w, int c, int outH, int outW, bool alignCorners, bool halfPixelCenters, Span<float> y)
    {
        if (x.Length < h * w * c || y.Length < outH * outW * c)
        {
            throw new ArgumentException("Resize operand sizes do not match.");
        }

        Span<int> c0s = outW <= 1024 ? stackalloc int[outW] : new int[outW];
        Span<int> c1s = outW <= 1024 ? stackalloc int[outW] : new int[outW];
        Span<double> cfs = outW <= 1024 ? stackalloc double[outW] : new double[outW];
        for (int ox = 0; ox < outW; ox++)
        {
            (c0s[ox], c1s[ox], cfs[ox]) = Source(ox, w, outW, alignCorners, halfPixelCenters);
        }

        if (UseVectors && (c & 3) == 0)
        {
            RunRows(x, w, c, h, outH, outW, alignCorners, halfPixelCenters, c0s, c1s, cfs, y);
            return;
        }

        for (int oy = 0; oy < outH; oy++)
        {
            (int r0, int r1, double fr) = Source(oy, h, outH, alignCorners, halfPixelCenters);
            for (int ox = 0; ox < outW; ox++)
            {
                int tl = ((r0 * w) + c0s[ox]) * c, tr = ((r0 * w) + c1s[ox]) * c;
                int bl = ((r1 * w) + c0s[ox]) * c, br = ((r1 * w) + c1s[ox]) * c;
                Pixel1(x, tl, tr, bl, br, cfs[ox], fr, y.Slice(((oy * outW) + ox) * c, c));
            }
        }
    }

    /// <summary>
    /// The vector path: each source row is interpolated along x once (top = TL+(TR-TL)*fc, in double, four channels at a
    /// time) and shared by every output row that reads it; each output row is then top+(bot-top)*fr over the two
    /// interpolated rows. The same double operations per value as <see cref="Pixel1"/>, so bit-identical.
    /// </summary>
    private static void RunRows(
        ReadOnlySpan<float> x, int w, int c, int h, int outH, int outW, bool alignCorners, bool halfPixelCenters,
        ReadOnlySpan<int> c0s, ReadOnlySpan<int> c1s, ReadOnlySpan<double> cfs, Span<float> y)
    {
        int n = outW * c;
        double[] upper = ArrayPool<double>.Shared.Rent(n), lower = ArrayPool<double>.Shared.Rent(n);
        try
        {
            int upperRow = -1, lowerRow = -1;
            for (int oy = 0; oy < outH; oy++)
            {
                (int r0, int r1, double fr) = Source(oy, h, outH, alignCorners, halfPixelCenters);
                if (upperRow != r0)
                {
                    if (lowerRow == r0)
                    {
                        (upper, lower) = (lower, upper);
                        (upperRow, lowerRow) = (lowerRow, -1);
                    }
                    else
                    {
                        Horizontal(x, r0 * w * c, c, c0s, c1s, cfs, upper);
                        upperRow = r0;
                    }
                }

                if (lowerRow != r1)
                {
                    if (upperRow == r1)
                    {
                        upper.AsSpan(0, n).CopyTo(lower);
                    }
                    else
                    {
                        Horizontal(x, r1 * w * c, c, c0s, c1s, cfs, lower);
                    }

                    lowerRow = r1;
                }

                // The next output row between the same two source rows (a 2x upsampling's odd and even rows) is blended in
                // the same pass over them, each value by the same operations as alone.
                if (UsePairs && oy + 1 < outH && Source(oy + 1, h, outH, alignCorners, halfPixelCenters) is (int n0, int n1, double nextFr) && n0 == r0 && n1 == r1)
                {
                    VerticalPair(upper.AsSpan(0, n), lower.AsSpan(0, n), fr, nextFr, y.Slice(oy * n, n), y.Slice((oy + 1) * n, n));
                    oy++;
                    continue;
                }

                Vertical(upper.AsSpan(0, n), lower.AsSpan(0, n), fr, y.Slice(oy * n, n));
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(upper);
            ArrayPool<double>.Shared.Return(lower);
        }
    }

    /// <summary>Source row at <paramref name="rowStart"/> interpolated along x: <c>line[ox, ch] = TL+(TR-TL)*fc</c>. Two
    /// neighbouring output pixels between the same two source pixels (a 2x upsampling's odd and even columns) share the
    /// widened pixels and their difference; each value by the same operations as alone.</summary>
    private static void Horizontal(
        ReadOnlySpan<float> xs, int rowStart, int c, ReadOnlySpan<int> c0s, ReadOnlySpan<int> c1s, ReadOnlySpan<double> cfs, Span<double> line)
    {
        ref float x = ref MemoryMarshal.GetReference(xs);
        ref double d = ref MemoryMarshal.GetReference(line);
        int ox = 0;
        for (; ox < c0s.Length; ox++)
        {
            int l = rowStart + (c0s[ox] * c), r = rowStart + (c1s[ox] * c);
            Vector256<double> vfc = Vector256.Create(cfs[ox]);
            nuint o = (nuint)(ox * c);
            if (UsePairs && ox + 1 < c0s.Length && c0s[ox + 1] == c0s[ox] && c1s[ox + 1] == c1s[ox])
            {
                Vector256<double> vnext = Vector256.Create(cfs[ox + 1]);
                for (int ch = 0; ch < c; ch += 4)
                {
                    Vector256<double> a = Widen(ref x, l + ch), diff = Widen(ref x, r + ch) - a;
                    (a + (diff * vfc)).StoreUnsafe(ref d, o + (nuint)ch);
                    (a + (diff * vnext)).StoreUnsafe(ref d, o + (nuint)(c + ch));
                }

                ox++;
                continue;
            }

            for (int ch = 0; ch < c; ch += 4)
            {
                Vector256<double> a = Widen(ref x, l + ch), b = Widen(ref x, r + ch);
                (a + ((b - a) * vfc)).StoreUnsafe(ref d, o + (nuint)ch);
            }
        }
    }

    /// <summary><c>y = (float)(top + (bot - top) * fr)</c> element by element.</summary>
    private static void Vertical(ReadOnlySpan<double> top, ReadOnlySpan<double> bot, double fr, Span<float> y)
    {
        ref double t = ref MemoryMarshal.GetReference(top);
        ref double b = ref MemoryMarshal.GetReference(bot);
        ref float d = ref MemoryMarshal.GetReference(y);
        Vector256<double> vfr = Vector256.Create(fr);
        int i = 0;
        for (; i + 8 <= y.Length; i += 8)
        {
            Vector256<double> t0 = Vector256.LoadUnsafe(ref t, (nuint)i), t1 = Vector256.LoadUnsafe(ref t, (nuint)(i + 4));
            Vector256<double> b0 = Vector256.LoadUnsafe(ref b, (nuint)i), b1 = Vector256.LoadUnsafe(ref b, (nuint)(i + 4));
            Vector256.Narrow(t0 + ((b0 - t0) * vfr), t1 + ((b1 - t1) * vfr)).StoreUnsafe(ref d, (nuint)i);
        }

        for (; i < y.Length; i++)
        {
            double v = top[i];
            y[i] = (float)(v + ((bot[i] - v) * fr));
        }
    }

    /// <summary><see cref="Vertical"/> for two output rows between the same source rows, <paramref name="fr"/> and
    /// <paramref name="nextFr"/> of the way down: each source value loaded once for both.</summary>
    private static void VerticalPair(ReadOnlySpan<double> top, ReadOnlySpan<double> bot, double fr, double nextFr, Span<float> y, Span<float> next)
    {
        ref double t = ref MemoryMarshal.GetReference(top);
        ref double b = ref MemoryMarshal.GetReference(bot);
        ref float d = ref MemoryMarshal.GetReference(y);
        ref float e = ref MemoryMarshal.GetReference(next);
        Vector256<double> vfr = Vector256.Create(fr), vnext = Vector256.Create(nextFr);
        int i = 0;
        for (; i + 8 <= y.Length; i += 8)
        {
            Vector256<double> t0 = Vector256.LoadUnsafe(ref t, (nuint)i), t1 = Vector256.LoadUnsafe(ref t, (nuint)(i + 4));
            Vector256<double> d0 = Vector256.LoadUnsafe(ref b, (nuint)i) - t0, d1 = Vector256.LoadUnsafe(ref b, (nuint)(i + 4)) - t1;
            Vector256.Narrow(t0 + (d0 * vfr), t1 + (d1 * vfr)).StoreUnsafe(ref d, (nuint)i);
            Vector256.Narrow(t0 + (d0 * vnext), t1 + (d1 * vnext)).StoreUnsafe(ref e, (nuint)i);
        }

        for (; i < y.Length; i++)
        {
            double v = top[i];
            y[i] = (float)(v + ((bot[i] - v) * fr));
            next[i] = (float)(v + ((bot[i] - v) * nextFr));
        }
    }

    internal static (int Lo, int Hi, double Frac) Source(int o, int size, int outSize, bool alignCorners, bool halfPixelCenters)
    {
        double ratio = alignCorners && outSize > 1 ? (size - 1) / (double)(outSize - 1) : size / (double)outSize;
        double src = halfPixelCenters ? (ratio * (o + 0.5)) - 0.5 : ratio * o;
        int lo = Math.Max(0, (int)Math.Floor(src));
        int hi = Math.Min(size - 1, (int)Math.Ceiling(src));
        return (lo, Math.Max(hi, 0), src - lo);
    }

    internal static void Pixel1(ReadOnlySpan<float> x, int tl, int tr, int bl, int br, double fc, double fr, Span<float> dst)
    {
        for (int ch = 0; ch < dst.Length; ch++)
        {
            double top = x[tl + ch] + ((x[tr + ch] - (double)x[tl + ch]) * fc);
            double bot = x[bl + ch] + ((x[br + ch] - (double)x[bl + ch]) * fc);
            dst[ch] = (float)(top + ((bot - top) * fr));
        }
    }

    /// <summary>Four floats widened to doubles (one <c>vcvtps2pd</c> from memory where AVX has it).</summary>
    private static Vector256<double> Widen(ref float x, int offset) => Avx.IsSupported
        ? Avx.ConvertToVector256Double(Vector128.LoadUnsafe(ref x, (nuint)offset))
        : Vector256.WidenLower(Vector256.Create(Vector128.LoadUnsafe(ref x, (nuint)offset), Vector128<float>.Zero));
}
