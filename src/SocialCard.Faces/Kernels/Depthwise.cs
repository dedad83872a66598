using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SocialCard.Faces.Kernels;

/// <summary>
/// Depthwise 3x3 convolution (channel multiplier 1, no bias) over an NHWC tensor with explicit top/left zero padding;
/// taps outside the input are skipped, which is the same as zero padding. Vectorised over channels. Inside the input, with
/// AVX-512 and a multiple of 16 channels: a whole row of windows per channel group with that group's nine taps held in
/// registers (<c>dense-stages</c>, interleaved A/B: the 68-point net's depthwise layers 304 -> 200 us), for stride-1 layers
/// two output rows at a time (<see cref="UseRowPairs"/>: the two input rows both windows read are loaded once); otherwise four
/// adjacent windows at a time (four independent FMA chains: 35-45 % less than one window at a time on the detector's
/// first four depthwise layers). The top and bottom rows (two of three window rows inside the input) go a row at a time
/// in 512-bit registers too (<see cref="UseEdgeRows"/>). Every path is bit-identical to the scalar reference (test), signed
/// zeros included: each sum starts from +0 as the reference's does, so a window of zero products gives +0, not -0. Other
/// odd kernel sizes
/// (the segmentation net's 5x5) go through <see cref="Conv"/>: 32 channels at a time in four independent chains, then eight
/// at a time, taps in the reference order.
/// </summary>
internal static class Depthwise
{
    internal static bool UseVectors { get; set; } = Vector256.IsHardwareAccelerated;

    /// <summary>Set false (tests, benchmarks) to run stride-1 layers one output row at a time.</summary>
    internal static bool UseRowPairs { get; set; } = true;

    /// <summary>Set false (tests, benchmarks) to run the top and bottom rows' windows one at a time instead of a row at a
    /// time in 512-bit registers, and every window cut by the border eight channels at a time instead of sixteen.</summary>
    internal static bool UseEdgeRows { get; set; } = true;

    /// <summary>Set false (tests, benchmarks) to keep layers whose channel count is not a multiple of sixteen (the
    /// segmentation net's 24, 72 and 88) out of the row kernels: four windows at a time in 256-bit registers instead.</summary>
    internal static bool UseEightChannelTail { get; set; } = true;

    /// <summary>Set false (tests, benchmarks) to run a core without AVX-512 four windows at a time and the top and bottom
    /// rows a window at a time instead of in the row kernels with each eight-channel group's taps in 256-bit registers
    /// (<see cref="Row256"/>, <see cref="Row256x2"/>, <see cref="RowTwo"/>).</summary>
    internal static bool UseRows256 { get; set; } = true;

    /// <summary>Set false (tests, benchmarks) to run the 256-bit row kernels one window (or one window of each row of a
    /// pair) per step instead of two adjacent windows per step.</summary>
    internal static bool UseTwoPixelSteps { get; set; } = true;

    /// <summary>Set false (tests, benchmarks) to run a stride-2 layer's rows in the 256-bit row kernel one window per step
    /// instead of two adjacent windows per step with their shared input column loaded once.</summary>
    internal static bool UseStrideTwoPairs { get; set; } = true;

    /// <summary>Set false (tests, benchmarks) to take a window cut by the border of a layer of 32 or more channels (no
    /// AVX-512) eight channels at a time in one chain instead of 32 at a time in four independent chains.</summary>
    internal static bool UseBorderChains { get; set; } = true;

    /// <summary>Set false (tests, benchmarks) to take a KxK layer's windows inside the input one at a time (32 channels in
    /// four chains, the taps loaded per window) instead of four windows at a time sharing each tap's load.</summary>
    internal static bool UseFourWindowsKxK { get; set; } = true;

    /// <summary>Windows per stretch of a row pair that every channel group goes through before the next stretch.</summary>
    private const int StretchPixels = 64;

    /// <summary>Set false (tests, benchmarks) to run every channel group through a whole row pair (no AVX-512) before the
    /// next group instead of <see cref="StretchPixels"/> windows at a time, so wide rows' input stays in L1 between groups.</summary>
    internal static bool UseStretches { get; set; } = true;

    /// <summary>Set false (tests, benchmarks) to run the 512-bit row pairs one window of each row per step instead of two
    /// adjacent windows per step.</summary>
    internal static bool UseTwoPixelSteps512 { get; set; } = true;

    /// <summary>Set false (tests, benchmarks) to run every sixteen-channel group through a whole 512-bit row pair before
    /// the next group instead of <see cref="StretchPixels"/> windows at a time.</summary>
    internal static bool UseStretches512 { get; set; } = true;

    /// <summary>Set false (tests, benchmarks) to run a stride-2 layer's rows in the 512-bit row kernel one window per step
    /// instead of two adjacent windows per step with their shared input column loaded once.</summary>
    internal static bool UseStrideTwoPairs512 { get; set; } = true;

    /// <summary><c>same</c> padding before the data for a <paramref name="k"/>-wide window: floor(padTotal / 2).</summary>
    public static int SamePadBefore(int size, int stride, int k) =>
        Math.Max(((((size + stride - 1) / stride) - 1) * stride) + k - size, 0) / 2;

    /// <summary>Depthwise <paramref name="k"/>x<paramref name="k"/> (kernel <c>[k,k,c,1]</c>); 3x3 takes <see cref="Conv3x3"/>.</summary>
    public static void Conv(
        ReadOnlySpan<float> x, int h, int w, int c, ReadOnlySpan<float> kernel, int k, int stride, int padTop, int padLeft,
        int outH, int outW, Span<float> y)
    {
        if (k == 3)
        {
            Conv3x3(x, h, w, c, kernel, stride, padTop, padLeft, outH, outW, y);
            return;
        }

        if (k <= 0 || x.Length < h * w * c || kernel.Length < k * k * c || y.Length < outH * outW * c)
        {
            throw new ArgumentException("Depthwise operand sizes do not match.");
        }

        if (UseVectors && (c & 7) == 0)
        {
            VectorKxK(x, h, w, c, kernel, k, stride, padTop, padLeft, outH, outW, y);
        }
        else
        {
            ScalarKxK(x, h, w, c, kernel, k, stride, padTop, padLeft, outH, outW, y);
        }
    }

    internal static void ScalarKxK(
        ReadOnlySpan<float> x, int h, int w, int c, ReadOnlySpan<float> kernel, int k, int stride, int padTop, int padLeft,
        int outH, int outW, Span<float> y)
    {
        for (int oy = 0; oy < outH; oy++)
        {
            for (int ox = 0; ox < outW; ox++)
            {
                Span<float> dst = y.Slice(((oy * outW) + ox) * c, c);
                dst.Clear();
                for (int ky = 0; ky < k; ky++)
                {
                    int iy = (oy * stride) + ky - padTop;
                    if ((uint)iy >= (uint)h)
                    {
                        continue;
                    }

                    for (int kx = 0; kx < k; kx++)
                    {
                        int ix = (ox * stride) + kx - padLeft;
                        if ((uint)ix >= (uint)w)
                        {
                            continue;
                        }

                        ReadOnlySpan<float> src = x.Slice(((iy * w) + ix) * c, c);
                        ReadOnlySpan<float> kk = kernel.Slice(((ky * k) + kx) * c, c);
                        for (int ch = 0; ch < c; ch++)
                        {
                            dst[ch] = MathF.FusedMultiplyAdd(src[ch], kk[ch], dst[ch]);
                        }
                    }
                }
            }
        }
    }

    private static void VectorKxK(
        ReadOnlySpan<float> xs, int h, int w, int c, ReadOnlySpan<float> ks, int k, int stride, int padTop, int padLeft,
        int outH, int outW, Span<float> ys)
    {
        ref float x = ref MemoryMarshal.GetReference(xs);
        ref float kr = ref MemoryMarshal.GetReference(ks);
        ref float y = ref MemoryMarshal.GetReference(ys);
        bool four = UseFourWindowsKxK;
        int rowStride = w * c;
        int fullFirst = Math.Min(outW, (padLeft + stride - 1) / stride);
        int fullEnd = Math.Max(fullFirst, Math.Min(outW, ((w - k + padLeft) / stride) + 1));
        for (int oy = 0; oy < outH; oy++)
        {
            int iy0 = (oy * stride) - padTop;
            int ky0 = Math.Max(0, -iy0);
            int ky1 = Math.Min(k, h - iy0);
            bool fullRows = four && ky0 == 0 && ky1 == k && fullEnd - fullFirst >= 4;
            for (int ox = 0; ox < outW; ox++)
            {
                if (fullRows && ox == fullFirst)
                {
                    // The windows inside the input four at a time; the last one to three below, one by one.
                    int blocks = (fullEnd - fullFirst) & ~3;
                    FourWindowsKxK(
                        ref Unsafe.Add(ref x, (iy0 * rowStride) + (((ox * stride) - padLeft) * c)), ref kr,
                        ref Unsafe.Add(ref y, ((oy * outW) + ox) * c), blocks, c, k, rowStride, stride * c);
                    ox += blocks;
                    if (ox >= outW)
                    {
                        break;
                    }
                }

                int ix0 = (ox * stride) - padLeft;
                int kx0 = Math.Max(0, -ix0);
                int kx1 = Math.Min(k, w - ix0);
                ref float dst = ref Unsafe.Add(ref y, ((oy * outW) + ox) * c);
                int ch = 0;
                for (; ch + 32 <= c; ch += 32)
                {
                    Window32(ref x, ref kr, ref dst, w, c, k, iy0, ix0, ky0, ky1, kx0, kx1, ch);
                }

                for (; ch < c; ch += 8)
                {
                    Vector256<float> acc = Vector256<float>.Zero;
                    for (int ky = ky0; ky < ky1; ky++)
                    {
                        nuint row = (nuint)((((iy0 + ky) * w) + ix0) * c) + (nuint)ch;
                        nuint tapRow = (nuint)(ky * k * c) + (nuint)ch;
                        for (int kx = kx0; kx < kx1; kx++)
                        {
                            Vector256<float> xv = Vector256.LoadUnsafe(ref x, row + (nuint)(kx * c));
                            Vector256<float> kv = Vector256.LoadUnsafe(ref kr, tapRow + (nuint)(kx * c));
                            acc = Vector256.FusedMultiplyAdd(xv, kv, acc);
                        }
                    }

                    acc.StoreUnsafe(ref dst, (nuint)ch);
                }
            }
        }
    }

    /// <summary>
    /// <paramref name="count"/> (a multiple of four) adjacent windows of a KxK layer inside the input
    /// (<paramref name="pixelStep"/> floats apart), four at a time, eight channels at a time: per tap one load of the tap
    /// and four multiply-adds from the four windows' inputs in four independent chains (five loads per four multiply-adds
    /// instead of eight), each window's taps in the reference order from +0 (bit-identical).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void FourWindowsKxK(ref float origin, ref float kr, ref float dst, int count, int c, int k, int rowStride, int pixelStep)
    {
        for (int i = 0; i < count; i += 4)
        {
            ref float p0 = ref Unsafe.Add(ref origin, i * pixelStep);
            ref float p1 = ref Unsafe.Add(ref p0, pixelStep);
            ref float p2 = ref Unsafe.Add(ref p1, pixelStep);
            ref float p3 = ref Unsafe.Add(ref p2, pixelStep);
            ref float q = ref Unsafe.Add(ref dst, i * c);
            for (int ch = 0; ch < c; ch += 8)
            {
                Vector256<float> a0 = Vector256<float>.Zero, a1 = a0, a2 = a0, a3 = a0;
                for (int ky = 0; ky < k; ky++)
                {
                    nuint row = (nuint)((ky * rowStride) + ch);
                    ref float taps = ref Unsafe.Add(ref kr, (ky * k * c) + ch);
                    for (int kx = 0; kx < k; kx++)
                    {
                        nuint o = row + (nuint)(kx * c);
                        Vector256<float> kv = Vector256.LoadUnsafe(ref taps, (nuint)(kx * c));
                        a0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p0, o), kv, a0);
                        a1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p1, o), kv, a1);
                        a2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p2, o), kv, a2);
                        a3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p3, o), kv, a3);
                    }
                }

                a0.StoreUnsafe(ref q, (nuint)ch);
                a1.StoreUnsafe(ref q, (nuint)(ch + c));
                a2.StoreUnsafe(ref q, (nuint)(ch + (2 * c)));
                a3.StoreUnsafe(ref q, (nuint)(ch + (3 * c)));
            }
        }
    }

    /// <summary>
    /// One window of a KxK depthwise layer for channels <paramref name="ch"/>..+31: four independent FMA chains of
    /// eight channels (one chain of 25 dependent FMAs per eight channels waited on the FMA latency), each channel's
    /// taps in the reference order, so bit-identical.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Window32(
        ref float x, ref float kr, ref float dst, int w, int c, int k, int iy0, int ix0, int ky0, int ky1, int kx0, int kx1, int ch)
    {
        Vector256<float> a0 = Vector256<float>.Zero, a1 = Vector256<float>.Zero, a2 = Vector256<float>.Zero, a3 = Vector256<float>.Zero;
        for (int ky = ky0; ky < ky1; ky++)
        {
            ref float row = ref Unsafe.Add(ref x, ((((iy0 + ky) * w) + ix0) * c) + ch);
            ref float tapRow = ref Unsafe.Add(ref kr, (ky * k * c) + ch);
            for (int kx = kx0; kx < kx1; kx++)
            {
                nuint o = (nuint)(kx * c);
                a0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref row, o), Vector256.LoadUnsafe(ref tapRow, o), a0);
                a1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref row, o + 8), Vector256.LoadUnsafe(ref tapRow, o + 8), a1);
                a2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref row, o + 16), Vector256.LoadUnsafe(ref tapRow, o + 16), a2);
                a3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref row, o + 24), Vector256.LoadUnsafe(ref tapRow, o + 24), a3);
            }
        }

        a0.StoreUnsafe(ref dst, (nuint)ch);
        a1.StoreUnsafe(ref dst, (nuint)(ch + 8));
        a2.StoreUnsafe(ref dst, (nuint)(ch + 16));
        a3.StoreUnsafe(ref dst, (nuint)(ch + 24));
    }

    public static void Conv3x3(
        ReadOnlySpan<float> x, int h, int w, int c, ReadOnlySpan<float> kernel, int stride, int padTop, int padLeft,
        int outH, int outW, Span<float> y)
    {
        if (x.Length < h * w * c || kernel.Length < 9 * c || y.Length < outH * outW * c)
        {
            throw new ArgumentException("Depthwise operand sizes do not match.");
        }

        if (UseVectors && (c & 7) == 0)
        {
            VectorPath(x, h, w, c, kernel, stride, padTop, padLeft, outH, outW, y);
        }
        else
        {
            Scalar(x, h, w, c, kernel, stride, padTop, padLeft, outH, outW, y);
        }
    }

    internal static void Scalar(
        ReadOnlySpan<float> x, int h, int w, int c, ReadOnlySpan<float> kernel, int stride, int padTop, int padLeft,
        int outH, int outW, Span<float> y)
    {
        for (int oy = 0; oy < outH; oy++)
        {
            for (int ox = 0; ox < outW; ox++)
            {
                Span<float> dst = y.Slice(((oy * outW) + ox) * c, c);
                dst.Clear();
                for (int ky = 0; ky < 3; ky++)
                {
                    int iy = (oy * stride) + ky - padTop;
                    if ((uint)iy >= (uint)h)
                    {
                        continue;
                    }

                    for (int kx = 0; kx < 3; kx++)
                    {
                        int ix = (ox * stride) + kx - padLeft;
                        if ((uint)ix >= (uint)w)
                        {
                            continue;
                        }

                        ReadOnlySpan<float> src = x.Slice(((iy * w) + ix) * c, c);
                        ReadOnlySpan<float> k = kernel.Slice(((ky * 3) + kx) * c, c);
                        for (int ch = 0; ch < c; ch++)
                        {
                            dst[ch] = MathF.FusedMultiplyAdd(src[ch], k[ch], dst[ch]);
                        }
                    }
                }
            }
        }
    }

    private static void VectorPath(
        ReadOnlySpan<float> xs, int h, int w, int c, ReadOnlySpan<float> ks, int stride, int padTop, int padLeft,
        int outH, int outW, Span<float> ys)
    {
        ref float x = ref MemoryMarshal.GetReference(xs);
        ref float k = ref MemoryMarshal.GetReference(ks);
        ref float y = ref MemoryMarshal.GetReference(ys);
        int rowStride = w * c;
        bool wide = Vector512.IsHardwareAccelerated;
        bool rows256 = UseRows256 && !wide;
        bool pairs = UseRowPairs && stride == 1 && ((wide && (c & 15) == 0) || rows256);
        bool twoPixels = UseTwoPixelSteps;
        bool strideTwoPairs = UseStrideTwoPairs;
        bool stretches = UseStretches;
        bool twoPixels512 = UseTwoPixelSteps512;
        bool stretches512 = UseStretches512;
        bool strideTwoPairs512 = UseStrideTwoPairs512;
        for (int oy = 0; oy < outH; oy++)
        {
            int iy0 = (oy * stride) - padTop;
            int ky0 = Math.Max(0, -iy0);
            int ky1 = Math.Min(3, h - iy0);
            int ox = 0;
            if (pairs && iy0 >= 0 && oy + 1 < outH && iy0 + 4 <= h)
            {
                // Two interior rows at once: their windows share two input rows, loaded once for both.
                int oxFirst = Math.Min(padLeft, outW);
                int oxEnd = Math.Max(oxFirst, Math.Min(outW, w - 2 + padLeft));
                for (; ox < oxFirst; ox++)
                {
                    Border(ref x, ref k, ref y, c, w, rowStride, stride, padLeft, outW, oy, ox, iy0, 0, 3);
                    Border(ref x, ref k, ref y, c, w, rowStride, stride, padLeft, outW, oy + 1, ox, iy0 + 1, 0, 3);
                }

                if (oxEnd > ox)
                {
                    int origin = (iy0 * rowStride) + ((ox - padLeft) * c);
                    ref float dstA = ref Unsafe.Add(ref y, ((oy * outW) + ox) * c);
                    ref float dstB = ref Unsafe.Add(ref y, (((oy + 1) * outW) + ox) * c);
                    int count = oxEnd - ox;
                    if (wide)
                    {
                        int stretch = stretches512 ? StretchPixels : count;
                        for (int s = 0; s < count; s += stretch)
                        {
                            Row512x2(
                                ref Unsafe.Add(ref x, origin + (s * c)), ref k, ref Unsafe.Add(ref dstA, s * c), ref Unsafe.Add(ref dstB, s * c),
                                Math.Min(stretch, count - s), c, rowStride, twoPixels512);
                        }
                    }
                    else
                    {
                        int stretch = stretches ? StretchPixels : count;
                        for (int s = 0; s < count; s += stretch)
                        {
                            Row256x2(
                                ref Unsafe.Add(ref x, origin + (s * c)), ref k, ref Unsafe.Add(ref dstA, s * c), ref Unsafe.Add(ref dstB, s * c),
                                Math.Min(stretch, count - s), c, rowStride, twoPixels);
                        }
                    }

                    ox = oxEnd;
                }

                for (; ox < outW; ox++)
                {
                    Border(ref x, ref k, ref y, c, w, rowStride, stride, padLeft, outW, oy, ox, iy0, 0, 3);
                    Border(ref x, ref k, ref y, c, w, rowStride, stride, padLeft, outW, oy + 1, ox, iy0 + 1, 0, 3);
                }

                oy++;
                continue;
            }

            if (ky0 == 0 && ky1 == 3)
            {
                // Interior rows: the windows inside the input sideways a row at a time (AVX-512, 16-channel groups), else
                // four at a time; the rest one by one.
                int oxFirst = (padLeft + stride - 1) / stride;
                for (; ox < oxFirst && ox < outW; ox++)
                {
                    Border(ref x, ref k, ref y, c, w, rowStride, stride, padLeft, outW, oy, ox, iy0, ky0, ky1);
                }

                if ((wide && ((c & 15) == 0 || UseEightChannelTail)) || rows256)
                {
                    int oxEnd = Math.Min(outW, ((w - 3 + padLeft) / stride) + 1);
                    if (oxEnd > ox)
                    {
                        int origin = (iy0 * rowStride) + (((ox * stride) - padLeft) * c);
                        ref float dst = ref Unsafe.Add(ref y, ((oy * outW) + ox) * c);
                        if (wide)
                        {
                            if (strideTwoPairs512 && stride == 2)
                            {
                                RowStrideTwo512(ref Unsafe.Add(ref x, origin), ref k, ref dst, oxEnd - ox, c, rowStride);
                            }
                            else
                            {
                                Row512(ref Unsafe.Add(ref x, origin), ref k, ref dst, oxEnd - ox, c, rowStride, stride * c);
                            }
                        }
                        else
                        {
                            if (strideTwoPairs && stride == 2)
                            {
                                RowStrideTwo256(ref Unsafe.Add(ref x, origin), ref k, ref dst, oxEnd - ox, c, rowStride);
                            }
                            else
                            {
                                Groups256(ref Unsafe.Add(ref x, origin), ref k, ref dst, oxEnd - ox, c, rowStride, stride * c);
                            }
                        }

                        ox = oxEnd;
                    }
                }

                for (; ox + 4 <= outW && (((ox + 3) * stride) - padLeft + 3) <= w; ox += 4)
                {
                    int origin = (iy0 * rowStride) + (((ox * stride) - padLeft) * c);
                    Full4(ref Unsafe.Add(ref x, origin), ref k, ref Unsafe.Add(ref y, ((oy * outW) + ox) * c), c, rowStride, stride * c);
                }
            }
            else if (ky1 - ky0 == 2 && ((UseEdgeRows && wide && ((c & 15) == 0 || UseEightChannelTail)) || rows256))
            {
                // The top or bottom row with one row of its windows in the padding: the windows inside the input sideways
                // a row at a time with their six taps in registers, as the interior rows.
                int oxFirst = (padLeft + stride - 1) / stride;
                for (; ox < oxFirst && ox < outW; ox++)
                {
                    Border(ref x, ref k, ref y, c, w, rowStride, stride, padLeft, outW, oy, ox, iy0, ky0, ky1);
                }

                int oxEnd = Math.Min(outW, ((w - 3 + padLeft) / stride) + 1);
                if (oxEnd > ox)
                {
                    int origin = ((iy0 + ky0) * rowStride) + (((ox * stride) - padLeft) * c);
                    RowTwo(
                        ref Unsafe.Add(ref x, origin), ref Unsafe.Add(ref k, ky0 * 3 * c), ref Unsafe.Add(ref y, ((oy * outW) + ox) * c),
                        oxEnd - ox, c, rowStride, stride * c);
                    ox = oxEnd;
                }
            }

            for (; ox < outW; ox++)
            {
                Border(ref x, ref k, ref y, c, w, rowStride, stride, padLeft, outW, oy, ox, iy0, ky0, ky1);
            }
        }
    }

    /// <summary>
    /// <see cref="Row512"/> for windows with two of their three rows inside the input (<paramref name="origin"/>: the
    /// first of them; <paramref name="k"/>: its first tap): per output six multiply-adds from +0 in the order of
    /// <see cref="Border"/> (bit-identical).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RowTwo(ref float origin, ref float k, ref float dst, int count, int c, int rowStride, int pixelStep)
    {
        int r1 = rowStride, c2 = 2 * c;
        Vector512<float> zero = Vector512<float>.Zero;
        int g = 0;
        for (; Vector512.IsHardwareAccelerated && g + 16 <= c; g += 16)
        {
            ref float kg = ref Unsafe.Add(ref k, g);
            Vector512<float> k0 = Vector512.LoadUnsafe(ref kg);
            Vector512<float> k1 = Vector512.LoadUnsafe(ref kg, (nuint)c);
            Vector512<float> k2 = Vector512.LoadUnsafe(ref kg, (nuint)c2);
            Vector512<float> k3 = Vector512.LoadUnsafe(ref kg, (nuint)(3 * c));
            Vector512<float> k4 = Vector512.LoadUnsafe(ref kg, (nuint)(4 * c));
            Vector512<float> k5 = Vector512.LoadUnsafe(ref kg, (nuint)(5 * c));
            ref float src = ref Unsafe.Add(ref origin, g);
            ref float outp = ref Unsafe.Add(ref dst, g);
            for (int i = 0; i < count; i++)
            {
                ref float p = ref Unsafe.Add(ref src, i * pixelStep);
                Vector512<float> a = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref p), k0, zero);
                a = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref p, (nuint)c), k1, a);
                a = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref p, (nuint)c2), k2, a);
                a = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref p, (nuint)r1), k3, a);
                a = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref p, (nuint)(r1 + c)), k4, a);
                a = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref p, (nuint)(r1 + c2)), k5, a);
                a.StoreUnsafe(ref outp, (nuint)(i * c));
            }
        }

        for (; g < c; g += 8)
        {
            // The last eight channels of a layer whose channel count is not a multiple of sixteen, or every group on a core
            // without AVX-512 (<see cref="UseRows256"/>), in 256-bit registers.
            ref float kg = ref Unsafe.Add(ref k, g);
            Vector256<float> k0 = Vector256.LoadUnsafe(ref kg), k1 = Vector256.LoadUnsafe(ref kg, (nuint)c);
            Vector256<float> k2 = Vector256.LoadUnsafe(ref kg, (nuint)c2), k3 = Vector256.LoadUnsafe(ref kg, (nuint)(3 * c));
            Vector256<float> k4 = Vector256.LoadUnsafe(ref kg, (nuint)(4 * c)), k5 = Vector256.LoadUnsafe(ref kg, (nuint)(5 * c));
            ref float src = ref Unsafe.Add(ref origin, g);
            ref float outp = ref Unsafe.Add(ref dst, g);
            for (int i = 0; i < count; i++)
            {
                ref float p = ref Unsafe.Add(ref src, i * pixelStep);
                Vector256<float> a = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p), k0, Vector256<float>.Zero);
                a = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p, (nuint)c), k1, a);
                a = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p, (nuint)c2), k2, a);
                a = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p, (nuint)r1), k3, a);
                a = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p, (nuint)(r1 + c)), k4, a);
                a = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p, (nuint)(r1 + c2)), k5, a);
                a.StoreUnsafe(ref outp, (nuint)(i * c));
            }
        }
    }

    /// <summary>One output pixel anywhere: the full window in place, or the taps inside the input.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Border(
        ref float x, ref float k, ref float y, int c, int w, int rowStride, int stride, int padLeft, int outW, int oy, int ox,
        int iy0, int ky0, int ky1)
    {
        int ix0 = (ox * stride) - padLeft;
        int kx0 = Math.Max(0, -ix0);
        int kx1 = Math.Min(3, w - ix0);
        ref float dst = ref Unsafe.Add(ref y, ((oy * outW) + ox) * c);
        int origin = (iy0 * rowStride) + (ix0 * c); // may be negative at the borders: only valid taps form refs
        if (ky0 == 0 && ky1 == 3 && kx0 == 0 && kx1 == 3)
        {
            Full(ref Unsafe.Add(ref x, origin), ref k, ref dst, c, rowStride);
            return;
        }

        int ch = 0;
        if (UseEdgeRows && Vector512.IsHardwareAccelerated && ((c & 15) == 0 || UseEightChannelTail))
        {
            // Sixteen channels per step: half the loop steps of the eight-channel one, the same taps in the same order
            // (a last eight channels below).
            for (; ch + 16 <= c; ch += 16)
            {
                Vector512<float> acc = Vector512<float>.Zero;
                for (int ky = ky0; ky < ky1; ky++)
                {
                    for (int kx = kx0; kx < kx1; kx++)
                    {
                        Vector512<float> xv = Vector512.LoadUnsafe(ref x, (nuint)(origin + (ky * rowStride) + (kx * c) + ch));
                        Vector512<float> kv = Vector512.LoadUnsafe(ref k, (nuint)((((ky * 3) + kx) * c) + ch));
                        acc = Vector512.FusedMultiplyAdd(xv, kv, acc);
                    }
                }

                acc.StoreUnsafe(ref dst, (nuint)ch);
            }
        }

        if (ch == 0 && c >= 32 && UseBorderChains)
        {
            BorderChains256(ref x, ref k, ref dst, c, rowStride, origin, ky0, ky1, kx0, kx1);
            return;
        }

        for (; ch < c; ch += 8)
        {
            Vector256<float> acc = Vector256<float>.Zero;
            for (int ky = ky0; ky < ky1; ky++)
            {
                for (int kx = kx0; kx < kx1; kx++)
                {
                    Vector256<float> xv = Vector256.LoadUnsafe(ref x, (nuint)(origin + (ky * rowStride) + (kx * c) + ch));
                    Vector256<float> kv = Vector256.LoadUnsafe(ref k, (nuint)((((ky * 3) + kx) * c) + ch));
                    acc = Vector256.FusedMultiplyAdd(xv, kv, acc);
                }
            }

            acc.StoreUnsafe(ref dst, (nuint)ch);
        }
    }

    /// <summary>
    /// <see cref="Border"/>'s window in 256-bit steps, 32 channels at a time in four independent chains (then sixteen in
    /// two, then eight), each channel's taps inside the input in the reference order from +0 (bit-identical): one chain
    /// of up to nine dependent multiply-adds per eight channels waited on the FMA latency.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void BorderChains256(
        ref float x, ref float k, ref float dst, int c, int rowStride, int origin, int ky0, int ky1, int kx0, int kx1)
    {
        int ch = 0;
        for (; ch + 32 <= c; ch += 32)
        {
            Vector256<float> a0 = Vector256<float>.Zero, a1 = a0, a2 = a0, a3 = a0;
            for (int ky = ky0; ky < ky1; ky++)
            {
                for (int kx = kx0; kx < kx1; kx++)
                {
                    ref float xv = ref Unsafe.Add(ref x, origin + (ky * rowStride) + (kx * c) + ch);
                    ref float kv = ref Unsafe.Add(ref k, (((ky * 3) + kx) * c) + ch);
                    a0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref xv), Vector256.LoadUnsafe(ref kv), a0);
                    a1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref xv, 8), Vector256.LoadUnsafe(ref kv, 8), a1);
                    a2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref xv, 16), Vector256.LoadUnsafe(ref kv, 16), a2);
                    a3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref xv, 24), Vector256.LoadUnsafe(ref kv, 24), a3);
                }
            }

            a0.StoreUnsafe(ref dst, (nuint)ch);
            a1.StoreUnsafe(ref dst, (nuint)(ch + 8));
            a2.StoreUnsafe(ref dst, (nuint)(ch + 16));
            a3.StoreUnsafe(ref dst, (nuint)(ch + 24));
        }

        for (; ch + 16 <= c; ch += 16)
        {
            Vector256<float> a0 = Vector256<float>.Zero, a1 = a0;
            for (int ky = ky0; ky < ky1; ky++)
            {
                for (int kx = kx0; kx < kx1; kx++)
                {
                    ref float xv = ref Unsafe.Add(ref x, origin + (ky * rowStride) + (kx * c) + ch);
                    ref float kv = ref Unsafe.Add(ref k, (((ky * 3) + kx) * c) + ch);
                    a0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref xv), Vector256.LoadUnsafe(ref kv), a0);
                    a1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref xv, 8), Vector256.LoadUnsafe(ref kv, 8), a1);
                }
            }

            a0.StoreUnsafe(ref dst, (nuint)ch);
            a1.StoreUnsafe(ref dst, (nuint)(ch + 8));
        }

        for (; ch < c; ch += 8)
        {
            Vector256<float> acc = Vector256<float>.Zero;
            for (int ky = ky0; ky < ky1; ky++)
            {
                for (int kx = kx0; kx < kx1; kx++)
                {
                    acc = Vector256.FusedMultiplyAdd(
                        Vector256.LoadUnsafe(ref Unsafe.Add(ref x, origin + (ky * rowStride) + (kx * c) + ch)),
                        Vector256.LoadUnsafe(ref Unsafe.Add(ref k, (((ky * 3) + kx) * c) + ch)),
                        acc);
                }
            }

            acc.StoreUnsafe(ref dst, (nuint)ch);
        }
    }

    /// <summary>
    /// <paramref name="count"/> adjacent full windows of one output row (<paramref name="pixelStep"/> floats apart), sixteen
    /// channels at a time in 512-bit registers with that group's nine kernel taps held in registers across the row: per
    /// output nine input loads and nine multiply-adds, in the same order as <see cref="Full"/> (bit-identical).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Row512(ref float origin, ref float k, ref float dst, int count, int c, int rowStride, int pixelStep)
    {
        int r1 = rowStride, r2 = 2 * rowStride, c2 = 2 * c;
        Vector512<float> zero = Vector512<float>.Zero;
        int g = 0;
        for (; g + 16 <= c; g += 16)
        {
            Taps512(ref Unsafe.Add(ref k, g), c, out Vector512<float> k0, out Vector512<float> k1, out Vector512<float> k2,
                out Vector512<float> k3, out Vector512<float> k4, out Vector512<float> k5, out Vector512<float> k6,
                out Vector512<float> k7, out Vector512<float> k8);
            ref float src = ref Unsafe.Add(ref origin, g);
            ref float outp = ref Unsafe.Add(ref dst, g);
            for (int i = 0; i < count; i++)
            {
                ref float p = ref Unsafe.Add(ref src, i * pixelStep);
                Vector512<float> a = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref p), k0, zero);
                a = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref p, (nuint)c), k1, a);
                a = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref p, (nuint)c2), k2, a);
                a = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref p, (nuint)r1), k3, a);
                a = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref p, (nuint)(r1 + c)), k4, a);
                a = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref p, (nuint)(r1 + c2)), k5, a);
                a = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref p, (nuint)r2), k6, a);
                a = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref p, (nuint)(r2 + c)), k7, a);
                a = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref p, (nuint)(r2 + c2)), k8, a);
                a.StoreUnsafe(ref outp, (nuint)(i * c));
            }
        }

        if (g < c)
        {
            Row256(ref Unsafe.Add(ref origin, g), ref Unsafe.Add(ref k, g), ref Unsafe.Add(ref dst, g), count, c, rowStride, pixelStep);
        }
    }

    /// <summary><see cref="Row512"/> for one eight-channel group (the last of a layer whose channel count is not a multiple
    /// of sixteen, or every group on a core without AVX-512): that group's nine taps in 256-bit registers, the same
    /// operations per output.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Row256(ref float src, ref float k, ref float outp, int count, int c, int rowStride, int pixelStep)
    {
        int r1 = rowStride, r2 = 2 * rowStride, c2 = 2 * c;
        Vector256<float> zero = Vector256<float>.Zero;
        Vector256<float> k0 = Vector256.LoadUnsafe(ref k), k1 = Vector256.LoadUnsafe(ref k, (nuint)c);
        Vector256<float> k2 = Vector256.LoadUnsafe(ref k, (nuint)c2), k3 = Vector256.LoadUnsafe(ref k, (nuint)(3 * c));
        Vector256<float> k4 = Vector256.LoadUnsafe(ref k, (nuint)(4 * c)), k5 = Vector256.LoadUnsafe(ref k, (nuint)(5 * c));
        Vector256<float> k6 = Vector256.LoadUnsafe(ref k, (nuint)(6 * c)), k7 = Vector256.LoadUnsafe(ref k, (nuint)(7 * c));
        Vector256<float> k8 = Vector256.LoadUnsafe(ref k, (nuint)(8 * c));
        ref float p0 = ref src;
        ref float p1 = ref Unsafe.Add(ref src, r1);
        ref float p2 = ref Unsafe.Add(ref src, r2);
        ref float q = ref outp;
        nuint o1 = (nuint)c, o2 = (nuint)c2;
        for (int i = 0; i < count; i++)
        {
            Vector256<float> a = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p0), k0, zero);
            a = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p0, o1), k1, a);
            a = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p0, o2), k2, a);
            a = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p1), k3, a);
            a = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p1, o1), k4, a);
            a = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p1, o2), k5, a);
            a = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p2), k6, a);
            a = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p2, o1), k7, a);
            a = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p2, o2), k8, a);
            a.StoreUnsafe(ref q);
            p0 = ref Unsafe.Add(ref p0, pixelStep);
            p1 = ref Unsafe.Add(ref p1, pixelStep);
            p2 = ref Unsafe.Add(ref p2, pixelStep);
            q = ref Unsafe.Add(ref q, c);
        }
    }

    /// <summary><see cref="Row256"/> for every eight-channel group of a row's inner windows. Not inlined, so the row
    /// kernel's offsets stay in registers.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Groups256(ref float origin, ref float k, ref float dst, int count, int c, int rowStride, int pixelStep)
    {
        for (int g = 0; g < c; g += 8)
        {
            Row256(ref Unsafe.Add(ref origin, g), ref Unsafe.Add(ref k, g), ref Unsafe.Add(ref dst, g), count, c, rowStride, pixelStep);
        }
    }

    /// <summary>
    /// <see cref="Row256"/> for the inner windows of a stride-2 row, every eight-channel group: two adjacent windows per
    /// step, their shared input column loaded once (15 loads per 18 multiply-adds instead of 18) in two independent
    /// chains, each window's nine taps in the reference order (bit-identical); an odd last window alone. Not inlined, so
    /// its offsets stay in registers.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void RowStrideTwo256(ref float origin, ref float k, ref float dst, int count, int c, int rowStride)
    {
        int c2 = 2 * c;
        Vector256<float> zero = Vector256<float>.Zero;
        nuint o1 = (nuint)c, o2 = (nuint)c2, o3 = (nuint)(3 * c), o4 = (nuint)(4 * c);
        int step = 4 * c;
        for (int g = 0; g < c; g += 8)
        {
            ref float kg = ref Unsafe.Add(ref k, g);
            Vector256<float> k0 = Vector256.LoadUnsafe(ref kg), k1 = Vector256.LoadUnsafe(ref kg, o1);
            Vector256<float> k2 = Vector256.LoadUnsafe(ref kg, o2), k3 = Vector256.LoadUnsafe(ref kg, (nuint)(3 * c));
            Vector256<float> k4 = Vector256.LoadUnsafe(ref kg, (nuint)(4 * c)), k5 = Vector256.LoadUnsafe(ref kg, (nuint)(5 * c));
            Vector256<float> k6 = Vector256.LoadUnsafe(ref kg, (nuint)(6 * c)), k7 = Vector256.LoadUnsafe(ref kg, (nuint)(7 * c));
            Vector256<float> k8 = Vector256.LoadUnsafe(ref kg, (nuint)(8 * c));
            ref float p0 = ref Unsafe.Add(ref origin, g);
            ref float p1 = ref Unsafe.Add(ref p0, rowStride);
            ref float p2 = ref Unsafe.Add(ref p0, 2 * rowStride);
            ref float q = ref Unsafe.Add(ref dst, g);
            int i = 0;
            for (; i + 2 <= count; i += 2)
            {
                Vector256<float> a = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p0), k0, zero);
                a = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p0, o1), k1, a);
                Vector256<float> v = Vector256.LoadUnsafe(ref p0, o2);
                a = Vector256.FusedMultiplyAdd(v, k2, a);
                Vector256<float> b = Vector256.FusedMultiplyAdd(v, k0, zero);
                b = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p0, o3), k1, b);
                b = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p0, o4), k2, b);
                a = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p1), k3, a);
                a = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p1, o1), k4, a);
                v = Vector256.LoadUnsafe(ref p1, o2);
                a = Vector256.FusedMultiplyAdd(v, k5, a);
                b = Vector256.FusedMultiplyAdd(v, k3, b);
                b = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p1, o3), k4, b);
                b = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p1, o4), k5, b);
                a = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p2), k6, a);
                a = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p2, o1), k7, a);
                v = Vector256.LoadUnsafe(ref p2, o2);
                a = Vector256.FusedMultiplyAdd(v, k8, a);
                b = Vector256.FusedMultiplyAdd(v, k6, b);
                b = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p2, o3), k7, b);
                b = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p2, o4), k8, b);
                a.StoreUnsafe(ref q);
                b.StoreUnsafe(ref q, o1);
                p0 = ref Unsafe.Add(ref p0, step);
                p1 = ref Unsafe.Add(ref p1, step);
                p2 = ref Unsafe.Add(ref p2, step);
                q = ref Unsafe.Add(ref q, c2);
            }

            if (i < count)
            {
                Vector256<float> a = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p0), k0, zero);
                a = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p0, o1), k1, a);
                a = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p0, o2), k2, a);
                a = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p1), k3, a);
                a = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p1, o1), k4, a);
                a = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p1, o2), k5, a);
                a = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p2), k6, a);
                a = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p2, o1), k7, a);
                a = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p2, o2), k8, a);
                a.StoreUnsafe(ref q);
            }
        }
    }

    /// <summary>
    /// <see cref="RowStrideTwo256"/> in 512-bit registers, every sixteen-channel group of a stride-2 row's inner windows:
    /// two adjacent windows per step, their shared input column loaded once (15 loads per 18 multiply-adds instead of 18)
    /// in two independent chains, each window's nine taps in the reference order (bit-identical); an odd last window
    /// alone, a last eight channels in <see cref="Row256"/>. Not inlined, so its offsets stay in registers.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void RowStrideTwo512(ref float origin, ref float k, ref float dst, int count, int c, int rowStride)
    {
        int c2 = 2 * c;
        Vector512<float> zero = Vector512<float>.Zero;
        nuint o1 = (nuint)c, o2 = (nuint)c2, o3 = (nuint)(3 * c), o4 = (nuint)(4 * c);
        int step = 4 * c;
        int g = 0;
        for (; g + 16 <= c; g += 16)
        {
            Taps512(ref Unsafe.Add(ref k, g), c, out Vector512<float> k0, out Vector512<float> k1, out Vector512<float> k2,
                out Vector512<float> k3, out Vector512<float> k4, out Vector512<float> k5, out Vector512<float> k6,
                out Vector512<float> k7, out Vector512<float> k8);
            ref float p0 = ref Unsafe.Add(ref origin, g);
            ref float p1 = ref Unsafe.Add(ref p0, rowStride);
            ref float p2 = ref Unsafe.Add(ref p0, 2 * rowStride);
            ref float q = ref Unsafe.Add(ref dst, g);
            int i = 0;
            for (; i + 2 <= count; i += 2)
            {
                Vector512<float> a = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref p0), k0, zero);
                a = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref p0, o1), k1, a);
                Vector512<float> v = Vector512.LoadUnsafe(ref p0, o2);
                a = Vector512.FusedMultiplyAdd(v, k2, a);
                Vector512<float> b = Vector512.FusedMultiplyAdd(v, k0, zero);
                b = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref p0, o3), k1, b);
                b = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref p0, o4), k2, b);
                a = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref p1), k3, a);
                a = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref p1, o1), k4, a);
                v = Vector512.LoadUnsafe(ref p1, o2);
                a = Vector512.FusedMultiplyAdd(v, k5, a);
                b = Vector512.FusedMultiplyAdd(v, k3, b);
                b = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref p1, o3), k4, b);
                b = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref p1, o4), k5, b);
                a = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref p2), k6, a);
                a = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref p2, o1), k7, a);
                v = Vector512.LoadUnsafe(ref p2, o2);
                a = Vector512.FusedMultiplyAdd(v, k8, a);
                b = Vector512.FusedMultiplyAdd(v, k6, b);
                b = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref p2, o3), k7, b);
                b = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref p2, o4), k8, b);
                a.StoreUnsafe(ref q);
                b.StoreUnsafe(ref q, o1);
                p0 = ref Unsafe.Add(ref p0, step);
                p1 = ref Unsafe.Add(ref p1, step);
                p2 = ref Unsafe.Add(ref p2, step);
                q = ref Unsafe.Add(ref q, c2);
            }

            if (i < count)
            {
                Vector512<float> a = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref p0), k0, zero);
                a = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref p0, o1), k1, a);
                a = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref p0, o2), k2, a);
                a = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref p1), k3, a);
                a = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref p1, o1), k4, a);
                a = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref p1, o2), k5, a);
                a = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref p2), k6, a);
                a = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref p2, o1), k7, a);
                a = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref p2, o2), k8, a);
                a.StoreUnsafe(ref q);
            }
        }

        if (g < c)
        {
            Row256(ref Unsafe.Add(ref origin, g), ref Unsafe.Add(ref k, g), ref Unsafe.Add(ref dst, g), count, c, rowStride, 2 * c);
        }
    }

    /// <summary>The nine taps of a 16-channel group (<paramref name="k"/>: its first channel's tap 0), for the row
    /// kernels to hold in registers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Taps512(
        ref float k, int c, out Vector512<float> k0, out Vector512<float> k1, out Vector512<float> k2, out Vector512<float> k3,
        out Vector512<float> k4, out Vector512<float> k5, out Vector512<float> k6, out Vector512<float> k7, out Vector512<float> k8)
    {
        k0 = Vector512.LoadUnsafe(ref k);
        k1 = Vector512.LoadUnsafe(ref k, (nuint)c);
        k2 = Vector512.LoadUnsafe(ref k, (nuint)(2 * c));
        k3 = Vector512.LoadUnsafe(ref k, (nuint)(3 * c));
        k4 = Vector512.LoadUnsafe(ref k, (nuint)(4 * c));
        k5 = Vector512.LoadUnsafe(ref k, (nuint)(5 * c));
        k6 = Vector512.LoadUnsafe(ref k, (nuint)(6 * c));
        k7 = Vector512.LoadUnsafe(ref k, (nuint)(7 * c));
        k8 = Vector512.LoadUnsafe(ref k, (nuint)(8 * c));
    }

    /// <summary>
    /// <see cref="Row512"/> for two adjacent output rows of a stride-1 layer (<paramref name="dstB"/> one row below
    /// <paramref name="dstA"/>): per pixel the twelve input vectors of both windows loaded once (eighteen before), each
    /// output's nine taps in the same order, so bit-identical.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Row512x2(ref float origin, ref float k, ref float dstA, ref float dstB, int count, int c, int rowStride, bool twoPixels)
    {
        int r1 = rowStride, r2 = 2 * rowStride, r3 = 3 * rowStride, c2 = 2 * c;
        Vector512<float> zero = Vector512<float>.Zero;
        for (int g = 0; g < c; g += 16)
        {
            Taps512(ref Unsafe.Add(ref k, g), c, out Vector512<float> k0, out Vector512<float> k1, out Vector512<float> k2,
                out Vector512<float> k3, out Vector512<float> k4, out Vector512<float> k5, out Vector512<float> k6,
                out Vector512<float> k7, out Vector512<float> k8);
            ref float src = ref Unsafe.Add(ref origin, g);
            ref float outA = ref Unsafe.Add(ref dstA, g);
            ref float outB = ref Unsafe.Add(ref dstB, g);
            int i = 0;
            if (twoPixels)
            {
                // Two adjacent windows of both rows per step, as Row256x2: the four rows' four pixels each loaded once for
                // the windows that read them (16 loads per 36 multiply-adds instead of 24) in four independent chains,
                // each window's nine taps in the reference order. One ref per input row stepped two pixels per step.
                ref float p0 = ref src;
                ref float p1 = ref Unsafe.Add(ref src, r1);
                ref float p2 = ref Unsafe.Add(ref src, r2);
                ref float p3 = ref Unsafe.Add(ref src, r3);
                ref float qa = ref outA;
                ref float qb = ref outB;
                nuint o1 = (nuint)c, o2 = (nuint)c2, o3 = (nuint)(3 * c);
                for (; i + 2 <= count; i += 2)
                {
                    Vector512<float> v = Vector512.LoadUnsafe(ref p0);
                    Vector512<float> a0 = Vector512.FusedMultiplyAdd(v, k0, zero);
                    v = Vector512.LoadUnsafe(ref p0, o1);
                    a0 = Vector512.FusedMultiplyAdd(v, k1, a0);
                    Vector512<float> a1 = Vector512.FusedMultiplyAdd(v, k0, zero);
                    v = Vector512.LoadUnsafe(ref p0, o2);
                    a0 = Vector512.FusedMultiplyAdd(v, k2, a0);
                    a1 = Vector512.FusedMultiplyAdd(v, k1, a1);
                    v = Vector512.LoadUnsafe(ref p0, o3);
                    a1 = Vector512.FusedMultiplyAdd(v, k2, a1);

                    v = Vector512.LoadUnsafe(ref p1);
                    Vector512<float> b0 = Vector512.FusedMultiplyAdd(v, k0, zero);
                    a0 = Vector512.FusedMultiplyAdd(v, k3, a0);
                    v = Vector512.LoadUnsafe(ref p1, o1);
                    b0 = Vector512.FusedMultiplyAdd(v, k1, b0);
                    a0 = Vector512.FusedMultiplyAdd(v, k4, a0);
                    Vector512<float> b1 = Vector512.FusedMultiplyAdd(v, k0, zero);
                    a1 = Vector512.FusedMultiplyAdd(v, k3, a1);
                    v = Vector512.LoadUnsafe(ref p1, o2);
                    b0 = Vector512.FusedMultiplyAdd(v, k2, b0);
                    a0 = Vector512.FusedMultiplyAdd(v, k5, a0);
                    b1 = Vector512.FusedMultiplyAdd(v, k1, b1);
                    a1 = Vector512.FusedMultiplyAdd(v, k4, a1);
                    v = Vector512.LoadUnsafe(ref p1, o3);
                    b1 = Vector512.FusedMultiplyAdd(v, k2, b1);
                    a1 = Vector512.FusedMultiplyAdd(v, k5, a1);

                    v = Vector512.LoadUnsafe(ref p2);
                    b0 = Vector512.FusedMultiplyAdd(v, k3, b0);
                    a0 = Vector512.FusedMultiplyAdd(v, k6, a0);
                    v = Vector512.LoadUnsafe(ref p2, o1);
                    b0 = Vector512.FusedMultiplyAdd(v, k4, b0);
                    a0 = Vector512.FusedMultiplyAdd(v, k7, a0);
                    b1 = Vector512.FusedMultiplyAdd(v, k3, b1);
                    a1 = Vector512.FusedMultiplyAdd(v, k6, a1);
                    v = Vector512.LoadUnsafe(ref p2, o2);
                    b0 = Vector512.FusedMultiplyAdd(v, k5, b0);
                    a0 = Vector512.FusedMultiplyAdd(v, k8, a0);
                    b1 = Vector512.FusedMultiplyAdd(v, k4, b1);
                    a1 = Vector512.FusedMultiplyAdd(v, k7, a1);
                    a0.StoreUnsafe(ref qa);
                    v = Vector512.LoadUnsafe(ref p2, o3);
                    b1 = Vector512.FusedMultiplyAdd(v, k5, b1);
                    a1 = Vector512.FusedMultiplyAdd(v, k8, a1);
                    a1.StoreUnsafe(ref qa, o1);

                    b0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref p3), k6, b0);
                    v = Vector512.LoadUnsafe(ref p3, o1);
                    b0 = Vector512.FusedMultiplyAdd(v, k7, b0);
                    b1 = Vector512.FusedMultiplyAdd(v, k6, b1);
                    v = Vector512.LoadUnsafe(ref p3, o2);
                    b0 = Vector512.FusedMultiplyAdd(v, k8, b0);
                    b1 = Vector512.FusedMultiplyAdd(v, k7, b1);
                    b1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref p3, o3), k8, b1);
                    b0.StoreUnsafe(ref qb);
                    b1.StoreUnsafe(ref qb, o1);
                    p0 = ref Unsafe.Add(ref p0, c2);
                    p1 = ref Unsafe.Add(ref p1, c2);
                    p2 = ref Unsafe.Add(ref p2, c2);
                    p3 = ref Unsafe.Add(ref p3, c2);
                    qa = ref Unsafe.Add(ref qa, c2);
                    qb = ref Unsafe.Add(ref qb, c2);
                }
            }

            for (; i < count; i++)
            {
                ref float p = ref Unsafe.Add(ref src, i * c);
                Vector512<float> x10 = Vector512.LoadUnsafe(ref p, (nuint)r1);
                Vector512<float> x11 = Vector512.LoadUnsafe(ref p, (nuint)(r1 + c));
                Vector512<float> x12 = Vector512.LoadUnsafe(ref p, (nuint)(r1 + c2));
                Vector512<float> x20 = Vector512.LoadUnsafe(ref p, (nuint)r2);
                Vector512<float> x21 = Vector512.LoadUnsafe(ref p, (nuint)(r2 + c));
                Vector512<float> x22 = Vector512.LoadUnsafe(ref p, (nuint)(r2 + c2));
                Vector512<float> a = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref p), k0, zero);
                a = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref p, (nuint)c), k1, a);
                a = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref p, (nuint)c2), k2, a);
                Vector512<float> b = Vector512.FusedMultiplyAdd(x10, k0, zero);
                a = Vector512.FusedMultiplyAdd(x10, k3, a);
                b = Vector512.FusedMultiplyAdd(x11, k1, b);
                a = Vector512.FusedMultiplyAdd(x11, k4, a);
                b = Vector512.FusedMultiplyAdd(x12, k2, b);
                a = Vector512.FusedMultiplyAdd(x12, k5, a);
                b = Vector512.FusedMultiplyAdd(x20, k3, b);
                a = Vector512.FusedMultiplyAdd(x20, k6, a);
                b = Vector512.FusedMultiplyAdd(x21, k4, b);
                a = Vector512.FusedMultiplyAdd(x21, k7, a);
                b = Vector512.FusedMultiplyAdd(x22, k5, b);
                a = Vector512.FusedMultiplyAdd(x22, k8, a);
                b = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref p, (nuint)r3), k6, b);
                b = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref p, (nuint)(r3 + c)), k7, b);
                b = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref p, (nuint)(r3 + c2)), k8, b);
                a.StoreUnsafe(ref outA, (nuint)(i * c));
                b.StoreUnsafe(ref outB, (nuint)(i * c));
            }
        }
    }

    /// <summary>
    /// <see cref="Row512x2"/> in 256-bit registers (a core without AVX-512, <see cref="UseRows256"/>), eight channels at a
    /// time: each input vector loaded once and used at once by both windows that read it (its sixteen registers hold the
    /// nine taps, the two sums and one input), each output's nine taps in the same order, so bit-identical.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Row256x2(ref float origin, ref float k, ref float dstA, ref float dstB, int count, int c, int rowStride, bool twoPixels)
    {
        int r1 = rowStride, r2 = 2 * rowStride, r3 = 3 * rowStride, c2 = 2 * c;
        Vector256<float> zero = Vector256<float>.Zero;
        for (int g = 0; g < c; g += 8)
        {
            ref float kg = ref Unsafe.Add(ref k, g);
            Vector256<float> k0 = Vector256.LoadUnsafe(ref kg), k1 = Vector256.LoadUnsafe(ref kg, (nuint)c);
            Vector256<float> k2 = Vector256.LoadUnsafe(ref kg, (nuint)c2), k3 = Vector256.LoadUnsafe(ref kg, (nuint)(3 * c));
            Vector256<float> k4 = Vector256.LoadUnsafe(ref kg, (nuint)(4 * c)), k5 = Vector256.LoadUnsafe(ref kg, (nuint)(5 * c));
            Vector256<float> k6 = Vector256.LoadUnsafe(ref kg, (nuint)(6 * c)), k7 = Vector256.LoadUnsafe(ref kg, (nuint)(7 * c));
            Vector256<float> k8 = Vector256.LoadUnsafe(ref kg, (nuint)(8 * c));
            // One ref per input row, stepped a pixel per window, and the tap offsets in a row once: the loop's address
            // arithmetic was as many instructions as its FMAs.
            ref float p0 = ref Unsafe.Add(ref origin, g);
            ref float p1 = ref Unsafe.Add(ref p0, r1);
            ref float p2 = ref Unsafe.Add(ref p0, r2);
            ref float p3 = ref Unsafe.Add(ref p0, r3);
            ref float outA = ref Unsafe.Add(ref dstA, g);
            ref float outB = ref Unsafe.Add(ref dstB, g);
            nuint o1 = (nuint)c, o2 = (nuint)c2;
            int i = 0;
            if (twoPixels)
            {
                // Two adjacent windows of both rows at a time: the four rows' four pixels each loaded once for the four
                // windows that read them (16 loads per 36 multiply-adds instead of 24) in four independent chains, each
                // window's nine taps still in the reference order.
                nuint o3 = (nuint)(3 * c);
                int step = 2 * c;
                for (; i + 2 <= count; i += 2)
                {
                    Vector256<float> v = Vector256.LoadUnsafe(ref p0);
                    Vector256<float> a0 = Vector256.FusedMultiplyAdd(v, k0, zero);
                    v = Vector256.LoadUnsafe(ref p0, o1);
                    a0 = Vector256.FusedMultiplyAdd(v, k1, a0);
                    Vector256<float> a1 = Vector256.FusedMultiplyAdd(v, k0, zero);
                    v = Vector256.LoadUnsafe(ref p0, o2);
                    a0 = Vector256.FusedMultiplyAdd(v, k2, a0);
                    a1 = Vector256.FusedMultiplyAdd(v, k1, a1);
                    v = Vector256.LoadUnsafe(ref p0, o3);
                    a1 = Vector256.FusedMultiplyAdd(v, k2, a1);

                    v = Vector256.LoadUnsafe(ref p1);
                    Vector256<float> b0 = Vector256.FusedMultiplyAdd(v, k0, zero);
                    a0 = Vector256.FusedMultiplyAdd(v, k3, a0);
                    v = Vector256.LoadUnsafe(ref p1, o1);
                    b0 = Vector256.FusedMultiplyAdd(v, k1, b0);
                    a0 = Vector256.FusedMultiplyAdd(v, k4, a0);
                    Vector256<float> b1 = Vector256.FusedMultiplyAdd(v, k0, zero);
                    a1 = Vector256.FusedMultiplyAdd(v, k3, a1);
                    v = Vector256.LoadUnsafe(ref p1, o2);
                    b0 = Vector256.FusedMultiplyAdd(v, k2, b0);
                    a0 = Vector256.FusedMultiplyAdd(v, k5, a0);
                    b1 = Vector256.FusedMultiplyAdd(v, k1, b1);
                    a1 = Vector256.FusedMultiplyAdd(v, k4, a1);
                    v = Vector256.LoadUnsafe(ref p1, o3);
                    b1 = Vector256.FusedMultiplyAdd(v, k2, b1);
                    a1 = Vector256.FusedMultiplyAdd(v, k5, a1);

                    v = Vector256.LoadUnsafe(ref p2);
                    b0 = Vector256.FusedMultiplyAdd(v, k3, b0);
                    a0 = Vector256.FusedMultiplyAdd(v, k6, a0);
                    v = Vector256.LoadUnsafe(ref p2, o1);
                    b0 = Vector256.FusedMultiplyAdd(v, k4, b0);
                    a0 = Vector256.FusedMultiplyAdd(v, k7, a0);
                    b1 = Vector256.FusedMultiplyAdd(v, k3, b1);
                    a1 = Vector256.FusedMultiplyAdd(v, k6, a1);
                    v = Vector256.LoadUnsafe(ref p2, o2);
                    b0 = Vector256.FusedMultiplyAdd(v, k5, b0);
                    a0 = Vector256.FusedMultiplyAdd(v, k8, a0);
                    b1 = Vector256.FusedMultiplyAdd(v, k4, b1);
                    a1 = Vector256.FusedMultiplyAdd(v, k7, a1);
                    a0.StoreUnsafe(ref outA);
                    v = Vector256.LoadUnsafe(ref p2, o3);
                    b1 = Vector256.FusedMultiplyAdd(v, k5, b1);
                    a1 = Vector256.FusedMultiplyAdd(v, k8, a1);
                    a1.StoreUnsafe(ref outA, o1);

                    b0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p3), k6, b0);
                    v = Vector256.LoadUnsafe(ref p3, o1);
                    b0 = Vector256.FusedMultiplyAdd(v, k7, b0);
                    b1 = Vector256.FusedMultiplyAdd(v, k6, b1);
                    v = Vector256.LoadUnsafe(ref p3, o2);
                    b0 = Vector256.FusedMultiplyAdd(v, k8, b0);
                    b1 = Vector256.FusedMultiplyAdd(v, k7, b1);
                    b1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p3, o3), k8, b1);
                    b0.StoreUnsafe(ref outB);
                    b1.StoreUnsafe(ref outB, o1);
                    p0 = ref Unsafe.Add(ref p0, step);
                    p1 = ref Unsafe.Add(ref p1, step);
                    p2 = ref Unsafe.Add(ref p2, step);
                    p3 = ref Unsafe.Add(ref p3, step);
                    outA = ref Unsafe.Add(ref outA, step);
                    outB = ref Unsafe.Add(ref outB, step);
                }
            }

            for (; i < count; i++)
            {
                Vector256<float> a = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p0), k0, zero);
                a = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p0, o1), k1, a);
                a = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p0, o2), k2, a);
                Vector256<float> v = Vector256.LoadUnsafe(ref p1);
                Vector256<float> b = Vector256.FusedMultiplyAdd(v, k0, zero);
                a = Vector256.FusedMultiplyAdd(v, k3, a);
                v = Vector256.LoadUnsafe(ref p1, o1);
                b = Vector256.FusedMultiplyAdd(v, k1, b);
                a = Vector256.FusedMultiplyAdd(v, k4, a);
                v = Vector256.LoadUnsafe(ref p1, o2);
                b = Vector256.FusedMultiplyAdd(v, k2, b);
                a = Vector256.FusedMultiplyAdd(v, k5, a);
                v = Vector256.LoadUnsafe(ref p2);
                b = Vector256.FusedMultiplyAdd(v, k3, b);
                a = Vector256.FusedMultiplyAdd(v, k6, a);
                v = Vector256.LoadUnsafe(ref p2, o1);
                b = Vector256.FusedMultiplyAdd(v, k4, b);
                a = Vector256.FusedMultiplyAdd(v, k7, a);
                v = Vector256.LoadUnsafe(ref p2, o2);
                b = Vector256.FusedMultiplyAdd(v, k5, b);
                a = Vector256.FusedMultiplyAdd(v, k8, a);
                b = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p3), k6, b);
                b = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p3, o1), k7, b);
                b = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p3, o2), k8, b);
                a.StoreUnsafe(ref outA);
                b.StoreUnsafe(ref outB);
                p0 = ref Unsafe.Add(ref p0, c);
                p1 = ref Unsafe.Add(ref p1, c);
                p2 = ref Unsafe.Add(ref p2, c);
                p3 = ref Unsafe.Add(ref p3, c);
                outA = ref Unsafe.Add(ref outA, c);
                outB = ref Unsafe.Add(ref outB, c);
            }
        }
    }

    /// <summary>
    /// <see cref="Full"/> for four adjacent windows (<paramref name="pixelStep"/> floats apart) at once: four independent
    /// FMA chains instead of one, in the same order per output (bit-identical).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Full4(ref float origin, ref float k, ref float dst, int c, int rowStride, int pixelStep)
    {
        int c2 = 2 * c;
        for (int ch = 0; ch < c; ch += 8)
        {
            nuint o = (nuint)ch;
            Vector256<float> k0 = Vector256.LoadUnsafe(ref k, o);
            ref float p0 = ref Unsafe.Add(ref origin, ch);
            ref float p1 = ref Unsafe.Add(ref p0, pixelStep);
            ref float p2 = ref Unsafe.Add(ref p1, pixelStep);
            ref float p3 = ref Unsafe.Add(ref p2, pixelStep);
            Vector256<float> a0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p0), k0, Vector256<float>.Zero);
            Vector256<float> a1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p1), k0, Vector256<float>.Zero);
            Vector256<float> a2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p2), k0, Vector256<float>.Zero);
            Vector256<float> a3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p3), k0, Vector256<float>.Zero);
            for (int tap = 1; tap < 9; tap++)
            {
                int ky = tap / 3;
                int offset = (ky * rowStride) + ((tap - (3 * ky)) * c);
                Vector256<float> kv = Vector256.LoadUnsafe(ref k, o + (nuint)(tap * c));
                a0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref Unsafe.Add(ref p0, offset)), kv, a0);
                a1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref Unsafe.Add(ref p1, offset)), kv, a1);
                a2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref Unsafe.Add(ref p2, offset)), kv, a2);
                a3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref Unsafe.Add(ref p3, offset)), kv, a3);
            }

            a0.StoreUnsafe(ref dst, o);
            a1.StoreUnsafe(ref dst, o + (nuint)c);
            a2.StoreUnsafe(ref dst, o + (nuint)c2);
            a3.StoreUnsafe(ref dst, o + (nuint)(3 * c));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Full(ref float origin, ref float k, ref float dst, int c, int rowStride)
    {
        ref float r0 = ref origin;
        ref float r1 = ref Unsafe.Add(ref origin, rowStride);
        ref float r2 = ref Unsafe.Add(ref origin, 2 * rowStride);
        int c2 = 2 * c;
        for (int ch = 0; ch < c; ch += 8)
        {
            nuint o = (nuint)ch;
            Vector256<float> acc = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r0, o), Vector256.LoadUnsafe(ref k, o), Vector256<float>.Zero);
            acc = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r0, o + (nuint)c), Vector256.LoadUnsafe(ref k, o + (nuint)c), acc);
            acc = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r0, o + (nuint)c2), Vector256.LoadUnsafe(ref k, o + (nuint)c2), acc);
            acc = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r1, o), Vector256.LoadUnsafe(ref k, o + (nuint)(3 * c)), acc);
            acc = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r1, o + (nuint)c), Vector256.LoadUnsafe(ref k, o + (nuint)(4 * c)), acc);
            acc = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r1, o + (nuint)c2), Vector256.LoadUnsafe(ref k, o + (nuint)(5 * c)), acc);
            acc = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r2, o), Vector256.LoadUnsafe(ref k, o + (nuint)(6 * c)), acc);
            acc = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r2, o + (nuint)c), Vector256.LoadUnsafe(ref k, o + (nuint)(7 * c)), acc);
            acc = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r2, o + (nuint)c2), Vector256.LoadUnsafe(ref k, o + (nuint)(8 * c)), acc);
            acc.StoreUnsafe(ref dst, o);
        }
    }
}
