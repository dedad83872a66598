using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SocialCard.Faces.Kernels;

/// <summary>Max pooling 2x2 with tfjs <c>same</c> padding (padded cells ignored), average pooling (<c>valid</c>) and global average pooling.</summary>
internal static class Pooling
{
    public static int SameOut(int size, int stride) => (size + stride - 1) / stride;

    /// <summary>
    /// 2x2 max pool, stride 1 or 2, <c>same</c>: out = ceil(in/s); the padding all falls after (padTotal is 0 or 1),
    /// so a window is rows/cols {o*s, o*s+1} clipped to the input.
    /// </summary>
    public static void MaxPool2x2(ReadOnlySpan<float> x, int h, int w, int c, int stride, Span<float> y)
    {
        int outH = SameOut(h, stride);
        int outW = SameOut(w, stride);
        if (Vector256.IsHardwareAccelerated && (c & 7) == 0)
        {
            if (UseMaxPool512 && UseMaxPairs && Avx512F.IsSupported && (c & 15) == 0 && MaxPool2x2Vector512(x, h, w, c, stride, y, outH, outW))
            {
                return;
            }

            if (!UseMaxPairs || !Avx.IsSupported || !MaxPool2x2Vector256<PairMax>(x, h, w, c, stride, y, outH, outW))
            {
                MaxPool2x2Vector256<VectorMax>(x, h, w, c, stride, y, outH, outW);
            }

            return;
        }

        for (int oy = 0; oy < outH; oy++)
        {
            int y0 = oy * stride;
            int y1 = Math.Min(y0 + 1, h - 1);
            for (int ox = 0; ox < outW; ox++)
            {
                int x0 = ox * stride;
                int x1 = Math.Min(x0 + 1, w - 1);
                Span<float> dst = y.Slice(((oy * outW) + ox) * c, c);
                ReadOnlySpan<float> a = x.Slice(((y0 * w) + x0) * c, c);
                ReadOnlySpan<float> b = x.Slice(((y0 * w) + x1) * c, c);
                ReadOnlySpan<float> d = x.Slice(((y1 * w) + x0) * c, c);
                ReadOnlySpan<float> e = x.Slice(((y1 * w) + x1) * c, c);
                TensorPrimitives.Max(a, b, dst);
                TensorPrimitives.Max(dst, d, dst);
                TensorPrimitives.Max(dst, e, dst);
            }
        }
    }

    /// <summary>Set false (tests, benchmarks) to take every 2x2 max through <see cref="Vector256.Max{T}"/> (nine
    /// instructions with AVX2) instead of <see cref="PairMax"/>.</summary>
    internal static bool UseMaxPairs { get; set; } = true;

    /// <summary>The 2x2 pool, eight channels at a time, each output the maximum of its four inputs by
    /// <typeparamref name="TMax"/>; false when <typeparamref name="TMax"/> saw a NaN (the output is then to be pooled again
    /// through <see cref="VectorMax"/>).</summary>
    private static bool MaxPool2x2Vector256<TMax>(ReadOnlySpan<float> xs, int h, int w, int c, int stride, Span<float> ys, int outH, int outW)
        where TMax : struct, IMax4
    {
        ref float x = ref MemoryMarshal.GetReference(xs);
        ref float y = ref MemoryMarshal.GetReference(ys);
        Vector256<float> nan = Vector256<float>.Zero;
        for (int oy = 0; oy < outH; oy++)
        {
            int y0 = oy * stride;
            int y1 = Math.Min(y0 + 1, h - 1);
            for (int ox = 0; ox < outW; ox++)
            {
                int x0 = ox * stride;
                int x1 = Math.Min(x0 + 1, w - 1);
                nuint a = (nuint)(((y0 * w) + x0) * c), b = (nuint)(((y0 * w) + x1) * c);
                nuint d = (nuint)(((y1 * w) + x0) * c), e = (nuint)(((y1 * w) + x1) * c);
                nuint o = (nuint)(((oy * outW) + ox) * c);
                for (nuint ch = 0; ch < (nuint)c; ch += 8)
                {
                    TMax.Max4(
                        Vector256.LoadUnsafe(ref x, a + ch), Vector256.LoadUnsafe(ref x, b + ch), Vector256.LoadUnsafe(ref x, d + ch),
                        Vector256.LoadUnsafe(ref x, e + ch), ref nan).StoreUnsafe(ref y, o + ch);
                }
            }
        }

        return Vector256.EqualsAll(nan.AsInt32(), Vector256<int>.Zero);
    }

    /// <summary>Set false (tests, benchmarks) to pool layers of a multiple of sixteen channels eight channels at a time
    /// instead of sixteen in 512-bit registers.</summary>
    internal static bool UseMaxPool512 { get; set; } = true;

    /// <summary>The 2x2 pool sixteen channels at a time, each maximum as <see cref="PairMax"/>'s (AVX-512), so with the bits
    /// of <see cref="VectorMax"/> wherever no input is NaN; false when one was (the caller then pools again through the
    /// 256-bit paths).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool MaxPool2x2Vector512(ReadOnlySpan<float> xs, int h, int w, int c, int stride, Span<float> ys, int outH, int outW)
    {
        ref float x = ref MemoryMarshal.GetReference(xs);
        ref float y = ref MemoryMarshal.GetReference(ys);
        Vector512<float> nan = Vector512<float>.Zero;
        for (int oy = 0; oy < outH; oy++)
        {
            int y0 = oy * stride;
            int y1 = Math.Min(y0 + 1, h - 1);
            for (int ox = 0; ox < outW; ox++)
            {
                int x0 = ox * stride;
                int x1 = Math.Min(x0 + 1, w - 1);
                nuint a = (nuint)(((y0 * w) + x0) * c), b = (nuint)(((y0 * w) + x1) * c);
                nuint d = (nuint)(((y1 * w) + x0) * c), e = (nuint)(((y1 * w) + x1) * c);
                nuint o = (nuint)(((oy * outW) + ox) * c);
                for (nuint ch = 0; ch < (nuint)c; ch += 16)
                {
                    Vector512<float> va = Vector512.LoadUnsafe(ref x, a + ch), vb = Vector512.LoadUnsafe(ref x, b + ch);
                    Vector512<float> vd = Vector512.LoadUnsafe(ref x, d + ch), ve = Vector512.LoadUnsafe(ref x, e + ch);
                    Vector512<float> top = Avx512F.Max(va, vb) & Avx512F.Max(vb, va);
                    Vector512<float> bottom = Avx512F.Max(vd, ve) & Avx512F.Max(ve, vd);
                    nan |= Avx512F.CompareUnordered(va, vb) | Avx512F.CompareUnordered(vd, ve);
                    (Avx512F.Max(top, bottom) & Avx512F.Max(bottom, top)).StoreUnsafe(ref y, o + ch);
                }
            }
        }

        return Vector512.EqualsAll(nan.AsInt32(), Vector512<int>.Zero);
    }

    /// <summary>The maximum of four vectors, <c>max(max(a, b), max(d, e))</c>; lanes where the result may differ from
    /// <see cref="VectorMax"/>'s set in <c>nan</c>.</summary>
    private interface IMax4
    {
        static abstract Vector256<float> Max4(Vector256<float> a, Vector256<float> b, Vector256<float> d, Vector256<float> e, ref Vector256<float> nan);
    }

    /// <summary>The reference: <see cref="Vector256.Max{T}"/> (IEEE 754 maximum: NaN propagated, +0 above -0).</summary>
    private readonly struct VectorMax : IMax4
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Max4(Vector256<float> a, Vector256<float> b, Vector256<float> d, Vector256<float> e, ref Vector256<float> nan) =>
            Vector256.Max(Vector256.Max(a, b), Vector256.Max(d, e));
    }

    /// <summary>
    /// Each maximum as <c>vmaxps(l, r) AND vmaxps(r, l)</c> (AVX): three instructions instead of nine, the same value as
    /// <see cref="Vector256.Max{T}"/> wherever neither operand is NaN (unequal values: both give the larger; equal values:
    /// the same bits; +0 and -0: each order gives one of them and their AND is +0; two -0 give -0). A NaN among the inputs
    /// is marked in <c>nan</c>, so the caller discards the output and pools through <see cref="VectorMax"/>: bit-identical
    /// for every input.
    /// </summary>
    private readonly struct PairMax : IMax4
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Max4(Vector256<float> a, Vector256<float> b, Vector256<float> d, Vector256<float> e, ref Vector256<float> nan)
        {
            Vector256<float> top = Avx.And(Avx.Max(a, b), Avx.Max(b, a));
            Vector256<float> bottom = Avx.And(Avx.Max(d, e), Avx.Max(e, d));
            nan = Avx.Or(nan, Avx.Or(Avx.CompareUnordered(a, b), Avx.CompareUnordered(d, e)));
            return Avx.And(Avx.Max(top, bottom), Avx.Max(bottom, top));
        }
    }

    /// <summary>Max pool <c>valid</c>, window <paramref name="k"/> x <paramref name="k"/>, stride <paramref name="stride"/>:
    /// out = floor((in - k) / s) + 1.</summary>
    public static void MaxPool(ReadOnlySpan<float> x, int h, int w, int c, int k, int stride, Span<float> y)
    {
        int outH = ((h - k) / stride) + 1;
        int outW = ((w - k) / stride) + 1;
        for (int oy = 0; oy < outH; oy++)
        {
            for (int ox = 0; ox < outW; ox++)
            {
                Span<float> dst = y.Slice(((oy * outW) + ox) * c, c);
                dst.Fill(float.NegativeInfinity);
                for (int ky = 0; ky < k; ky++)
                {
                    for (int kx = 0; kx < k; kx++)
                    {
                        ReadOnlySpan<float> px = x.Slice(((((oy * stride) + ky) * w) + (ox * stride) + kx) * c, c);
                        TensorPrimitives.Max(dst, px, dst);
                    }
                }
            }
        }
    }

    /// <summary>Set false (tests, benchmarks) to take <see cref="GlobalAverage"/> one channel value at a time.</summary>
    internal static bool UseVectorAverage { get; set; } = true;

    /// <summary>Mean over all pixels per channel, summed in double like tfjs' cpu avgPool. With whole 16-channel groups
    /// the sums run sixteen channels at a time in four 256-bit double vectors (each channel's sum still in pixel order
    /// from zero, so the same values as <see cref="GlobalAverageScalar"/>).</summary>
    public static void GlobalAverage(ReadOnlySpan<float> x, int pixels, int c, Span<float> y, Span<double> sums)
    {
        if (!UseVectorAverage || !Vector256.IsHardwareAccelerated || (c & 15) != 0 || x.Length < pixels * c || sums.Length < c)
        {
            GlobalAverageScalar(x, pixels, c, y, sums);
            return;
        }

        ref float xr = ref MemoryMarshal.GetReference(x);
        ref double sr = ref MemoryMarshal.GetReference(sums);
        for (int g = 0; g < c; g += 16)
        {
            Vector256<double> a0 = Vector256<double>.Zero, a1 = a0, a2 = a0, a3 = a0;
            for (int p = 0; p < pixels; p++)
            {
                nuint o = (nuint)((p * c) + g);
                (Vector256<double> l0, Vector256<double> h0) = Vector256.Widen(Vector256.LoadUnsafe(ref xr, o));
                (Vector256<double> l1, Vector256<double> h1) = Vector256.Widen(Vector256.LoadUnsafe(ref xr, o + 8));
                a0 += l0;
                a1 += h0;
                a2 += l1;
                a3 += h1;
            }

            a0.StoreUnsafe(ref sr, (nuint)g);
            a1.StoreUnsafe(ref sr, (nuint)(g + 4));
            a2.StoreUnsafe(ref sr, (nuint)(g + 8));
            a3.StoreUnsafe(ref sr, (nuint)(g + 12));
        }

        for (int ch = 0; ch < c; ch++)
        {
            y[ch] = (float)(sums[ch] / pixels);
        }
    }

    /// <summary>The reference of <see cref="GlobalAverage"/>: one channel value at a time.</summary>
    internal static void GlobalAverageScalar(ReadOnlySpan<float> x, int pixels, int c, Span<float> y, Span<double> sums)
    {
        Span<double> acc = sums[..c];
        acc.Clear();
        for (int p = 0; p < pixels; p++)
        {
            ReadOnlySpan<float> px = x.Slice(p * c, c);
            for (int ch = 0; ch < c; ch++)
            {
                acc[ch] += px[ch];
            }
        }

        for (int ch = 0; ch < c; ch++)
        {
            y[ch] = (float)(acc[ch] / pixels);
        }
    }

    /// <summary>
    /// Adds <paramref name="pixels"/> pixels of <paramref name="c"/> channels to per-channel double sums, pixel after
    /// pixel (the additions of <see cref="AveragePoolReference"/>'s one window, a block of it at a time); eight
    /// channels at a time in double registers where the channels allow, the same additions in the same order.
    /// </summary>
    public static void Accumulate(ReadOnlySpan<float> x, int pixels, int c, Span<double> sums)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(x.Length, pixels * c, nameof(x));
        ArgumentOutOfRangeException.ThrowIfLessThan(sums.Length, c, nameof(sums));
        int ch = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref float xr = ref MemoryMarshal.GetReference(x);
            ref double sr = ref MemoryMarshal.GetReference(sums);
            for (; ch + 8 <= c; ch += 8)
            {
                Vector256<double> lo = Vector256.LoadUnsafe(ref sr, (nuint)ch), hi = Vector256.LoadUnsafe(ref sr, (nuint)(ch + 4));
                for (int p = 0; p < pixels; p++)
                {
                    (Vector256<double> vl, Vector256<double> vh) = Vector256.Widen(Vector256.LoadUnsafe(ref xr, (nuint)((p * c) + ch)));
                    lo += vl;
                    hi += vh;
                }

                lo.StoreUnsafe(ref sr, (nuint)ch);
                hi.StoreUnsafe(ref sr, (nuint)(ch + 4));
            }
        }

        for (; ch < c; ch++)
        {
            double acc = sums[ch];
            for (int p = 0; p < pixels; p++)
            {
                acc += x[(p * c) + ch];
            }

            sums[ch] = acc;
        }
    }

    /// <summary>The averages of <see cref="Accumulate"/>'s sums over <paramref name="count"/> pixels, rounded to float
    /// (the division of <see cref="AveragePoolReference"/>).</summary>
    public static void Average(ReadOnlySpan<double> sums, int count, Span<float> y)
    {
        for (int ch = 0; ch < y.Length; ch++)
        {
            y[ch] = (float)(sums[ch] / count);
        }
    }

    /// <summary>
    /// Average pool <c>valid</c>, window <paramref name="k"/> x <paramref name="k"/> and stride <paramref name="stride"/>:
    /// out = floor((in - k) / s) + 1; each window summed in double and divided by its count, like tfjs' cpu avgPool.
    /// </summary>
    public static void AveragePool(ReadOnlySpan<float> x, int h, int w, int c, int k, int stride, Span<float> y, Span<double> sums)
    {
        if (Vector256.IsHardwareAccelerated && (c & 7) == 0 && x.Length >= h * w * c
            && y.Length >= ((((h - k) / stride) + 1) * (((w - k) / stride) + 1) * c))
        {
            AveragePoolVector256(x, h, w, c, k, stride, y);
            return;
        }

        AveragePoolReference(x, h, w, c, k, stride, y, sums);
    }

    /// <summary>The reference of <see cref="AveragePool"/>: per window, each channel summed in double over the window's
    /// pixels in row order, then divided by k*k and rounded to float.</summary>
    internal static void AveragePoolReference(ReadOnlySpan<float> x, int h, int w, int c, int k, int stride, Span<float> y, Span<double> sums)
    {
        int outH = ((h - k) / stride) + 1;
        int outW = ((w - k) / stride) + 1;
        Span<double> acc = sums[..c];
        for (int oy = 0; oy < outH; oy++)
        {
            for (int ox = 0; ox < outW; ox++)
            {
                acc.Clear();
                for (int ky = 0; ky < k; ky++)
                {
                    for (int kx = 0; kx < k; kx++)
                    {
                        ReadOnlySpan<float> px = x.Slice(((((oy * stride) + ky) * w) + (ox * stride) + kx) * c, c);
                        for (int ch = 0; ch < c; ch++)
                        {
                            acc[ch] += px[ch];
                        }
                    }
                }

                Span<float> dst = y.Slice(((oy * outW) + ox) * c, c);
                for (int ch = 0; ch < c; ch++)
                {
                    dst[ch] = (float)(acc[ch] / (k * k));
                }
            }
        }
    }

    /// <summary><see cref="AveragePoolReference"/> eight channels at a time, the sums in double registers: the same
    /// additions in the same order per channel, the same division and rounding (bit-identical).</summary>
    private static void AveragePoolVector256(ReadOnlySpan<float> xs, int h, int w, int c, int k, int stride, Span<float> ys)
    {
        int outH = ((h - k) / stride) + 1;
        int outW = ((w - k) / stride) + 1;
        ref float x = ref MemoryMarshal.GetReference(xs);
        ref float y = ref MemoryMarshal.GetReference(ys);
        Vector256<double> count = Vector256.Create((double)(k * k));
        for (int oy = 0; oy < outH; oy++)
        {
            for (int ox = 0; ox < outW; ox++)
            {
                for (int ch = 0; ch < c; ch += 8)
                {
                    Vector256<double> lo = Vector256<double>.Zero, hi = Vector256<double>.Zero;
                    for (int ky = 0; ky < k; ky++)
                    {
                        nuint row = (nuint)(((((oy * stride) + ky) * w) + (ox * stride)) * c) + (nuint)ch;
                        for (int kx = 0; kx < k; kx++)
                        {
                            Vector256<float> v = Vector256.LoadUnsafe(ref x, row + (nuint)(kx * c));
                            (Vector256<double> vl, Vector256<double> vh) = Vector256.Widen(v);
                            lo += vl;
                            hi += vh;
                        }
                    }

                    Vector256.Narrow(lo / count, hi / count).StoreUnsafe(ref y, (nuint)((((oy * outW) + ox) * c) + ch));
                }
            }
        }
    }
}
