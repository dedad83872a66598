using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SocialCard.Faces.Kernels;

/// <summary>
/// Full 3x3 convolution (any stride, explicit top/left zero padding) + bias + activation, NHWC, filters
/// <c>[3,3,cin,cout]</c>. Vector path: sixteen output pixels x sixteen channels per step in 512-bit registers where
/// AVX-512 exists, the rest of a row's full windows eight at a time (the last block ending at the last full window, so a
/// few pixels are computed twice, to the same values), else four pixels x sixteen channels in 256-bit ones, reading the input in
/// place (the three taps of a kernel row are one contiguous run of 3*cin floats), rows outside the input skipped (zero
/// padding); the pixels left over, and those whose window leaves the input sideways, one at a time with the outside taps
/// skipped. The reference path unfolds a whole output row (im2col) and hands it to <see cref="Gemm"/>.
/// </summary>
internal static class Conv2d
{
    internal static bool UseVectors { get; set; } = Vector256.IsHardwareAccelerated;

    /// <summary>Set false (tests, benchmarks) to leave the windows after the sixteen-pixel blocks to the four-pixel
    /// 256-bit blocks and single pixels.</summary>
    internal static bool UseEightPixelBlocks { get; set; } = true;

    /// <summary>Set false (tests, benchmarks) to leave a row's last full windows after the four-pixel 256-bit blocks (no
    /// AVX-512) to single pixels instead of one more four-pixel block ending at the last full window.</summary>
    internal static bool UseLastFourBlock { get; set; } = true;

    /// <summary>Set false (tests, benchmarks) to run a core without AVX-512 four pixels at a time instead of six
    /// (<see cref="Block6x16"/>).</summary>
    internal static bool UseSixPixelBlocks { get; set; } = true;

    /// <summary>Set false (tests, benchmarks) to run the six-pixel blocks' epilogue through the one kernel that tests the
    /// activation per accumulator instead of the kernel compiled for the layer's activation
    /// (<see cref="Gemm.IEpilogue"/>).</summary>
    internal static bool UseTypedEpilogues { get; set; } = true;

    /// <summary>Set false (tests, benchmarks) to step the six-pixel blocks' loop over a kernel row's 3 * cin inputs one at a
    /// time instead of three.</summary>
    internal static bool UseUnrolledTaps { get; set; } = true;

    /// <summary>Set false (tests, benchmarks) to compute every output of <see cref="Conv3x3Rows"/> even where its window
    /// lies in the uniform columns the caller names, instead of computing the first and copying it.</summary>
    internal static bool UseUniformColumns { get; set; } = true;

    /// <summary>Set false (tests, benchmarks) to address the 512-bit blocks' pixels by multiplying the pixel step per tap
    /// instead of from one ref per four pixels and three offsets held in registers.</summary>
    internal static bool UseBlockRefs512 { get; set; } = true;

    /// <summary>
    /// The first column of an HWC image from which every pixel, in every row, has the bits of the last pixel of the first
    /// row (<paramref name="w"/> when the last column differs anywhere). Read from the right, so it costs about the
    /// uniform part: the right margin of a zero-padded input.
    /// </summary>
    public static int UniformColumnsFrom(ReadOnlySpan<float> x, int h, int w, int c)
    {
        ReadOnlySpan<int> bits = MemoryMarshal.Cast<float, int>(x[..(h * w * c)]);
        ReadOnlySpan<int> last = bits.Slice((w - 1) * c, c);
        int from = 0;
        for (int r = 0; r < h && from < w; r++)
        {
            // Columns from 'from' on are uniform in the rows above; this row may only move it right. After the first row,
            // whose uniform part then holds the pattern, a row is compared with it as a whole (one vectorised compare).
            int rowStart = r * w * c;
            if (r > 0 && bits.Slice(rowStart + (from * c), (w - from) * c).SequenceEqual(bits.Slice(from * c, (w - from) * c)))
            {
                continue;
            }

            int col = w;
            while (col > from && bits.Slice(rowStart + ((col - 1) * c), c).SequenceEqual(last))
            {
                col--;
            }

            from = col;
        }

        return from;
    }

    /// <summary>Set false (tests, benchmarks) to address <see cref="Block6x16"/>'s six pixels from one ref per tap
    /// instead of one ref per pixel.</summary>
    internal static bool UseSixPixelRefs { get; set; } = true;

    public static int ScratchLength(int outW, int cin) => outW * 9 * cin;

    public static void Conv3x3(
        ReadOnlySpan<float> x, int h, int w, int cin, ReadOnlySpan<float> filters, ReadOnlySpan<float> bias, int cout,
        int stride, int padTop, int padLeft, int outH, int outW, Span<float> y, Activation act, Span<float> scratch) =>
        Conv3x3Rows(x, h, w, cin, filters, bias, cout, stride, padTop, padLeft, outH, outW, 0, outH, y, act, scratch);

    /// <summary>
    /// Output rows <paramref name="rowStart"/>..<paramref name="rowEnd"/>-1 of <see cref="Conv3x3"/>, written from the
    /// start of <paramref name="y"/> (a band for the next step to read while it is in cache); the same operations per
    /// output as the whole layer.
    /// </summary>
    /// <param name="uniformFrom">The first input column from which every column holds the same values, in every row (a
    /// zero-padded image's right margin after the mean is taken off; the caller checks it bit for bit, see
    /// <see cref="UniformColumnsFrom"/>): all outputs of a row whose window lies inside the input and starts there have
    /// the same inputs, tap for tap, so the same value; the first is computed and copied to the rest. Default: none.</param>
    public static void Conv3x3Rows(
        ReadOnlySpan<float> x, int h, int w, int cin, ReadOnlySpan<float> filters, ReadOnlySpan<float> bias, int cout,
        int stride, int padTop, int padLeft, int outH, int outW, int rowStart, int rowEnd, Span<float> y, Activation act,
        Span<float> scratch, int uniformFrom = int.MaxValue)
    {
        if (x.Length < h * w * cin || filters.Length < 9 * cin * cout || bias.Length < cout || (uint)rowStart > (uint)rowEnd
            || rowEnd > outH || y.Length < (rowEnd - rowStart) * outW * cout || scratch.Length < 9 * cin)
        {
            throw new ArgumentException("Conv2d operand sizes do not match.");
        }

        if (UseVectors && (cout & 15) == 0)
        {
            Direct(x, h, w, cin, filters, bias, cout, stride, padTop, padLeft, rowStart, rowEnd, outW, y, act, UseUniformColumns ? uniformFrom : int.MaxValue);
        }
        else
        {
            Im2col(x, h, w, cin, filters, bias, cout, stride, padTop, padLeft, rowStart, rowEnd, outW, y, act, scratch);
        }
    }

    /// <summary>Scratch floats <see cref="ConvValid"/> needs for one output row.</summary>
    public static int ValidScratchLength(int outW, int k, int cin) => outW * k * k * cin;

    /// <summary>
    /// A full k x k convolution, <c>valid</c> (no padding: out = floor((in - k) / stride) + 1), + bias + activation,
    /// NHWC, filters <c>[k,k,cin,cout]</c>: each output row unfolded (im2col) and handed to <see cref="Gemm"/>. For
    /// kernels other than 3x3 (the face recognition net's 7x7 stem), where <see cref="Conv3x3"/> does not apply.
    /// </summary>
    public static void ConvValid(
        ReadOnlySpan<float> x, int h, int w, int cin, int k, int stride, ReadOnlySpan<float> filters, ReadOnlySpan<float> bias, int cout,
        Span<float> y, Activation act, Span<float> scratch)
    {
        int outH = ((h - k) / stride) + 1;
        int outW = ((w - k) / stride) + 1;
        int kk = k * k * cin;
        if (k <= 0 || outH <= 0 || outW <= 0 || x.Length < h * w * cin || filters.Length < kk * cout || bias.Length < cout
            || y.Length < outH * outW * cout || scratch.Length < outW * kk)
        {
            throw new ArgumentException("Conv2d operand sizes do not match.");
        }

        for (int oy = 0; oy < outH; oy++)
        {
            for (int ox = 0; ox < outW; ox++)
            {
                Span<float> col = scratch.Slice(ox * kk, kk);
                for (int ky = 0; ky < k; ky++)
                {
                    // The k taps of a kernel row are one contiguous run of k*cin input floats.
                    x.Slice(((((oy * stride) + ky) * w) + (ox * stride)) * cin, k * cin).CopyTo(col.Slice(ky * k * cin, k * cin));
                }
            }

            Gemm.Run(scratch[..(outW * kk)], outW, kk, filters, cout, bias, y.Slice(oy * outW * cout, outW * cout), act);
        }
    }

    internal static void Im2col(
        ReadOnlySpan<float> x, int h, int w, int cin, ReadOnlySpan<float> filters, ReadOnlySpan<float> bias, int cout,
        int stride, int padTop, int padLeft, int outH, int outW, Span<float> y, Activation act, Span<float> scratch) =>
        Im2col(x, h, w, cin, filters, bias, cout, stride, padTop, padLeft, 0, outH, outW, y, act, scratch);

    private static void Im2col(
        ReadOnlySpan<float> x, int h, int w, int cin, ReadOnlySpan<float> filters, ReadOnlySpan<float> bias, int cout,
        int stride, int padTop, int padLeft, int rowStart, int rowEnd, int outW, Span<float> y, Activation act, Span<float> scratch)
    {
        int kk = 9 * cin;
        int block = Math.Max(1, Math.Min(outW, scratch.Length / kk));
        for (int oy = rowStart; oy < rowEnd; oy++)
        {
            for (int ox0 = 0; ox0 < outW; ox0 += block)
            {
                int n = Math.Min(block, outW - ox0);
                for (int i = 0; i < n; i++)
                {
                    UnfoldPixel(x, h, w, cin, stride, padTop, padLeft, oy, ox0 + i, scratch.Slice(i * kk, kk));
                }

                Gemm.Run(scratch[..(n * kk)], n, kk, filters, cout, bias, y.Slice((((oy - rowStart) * outW) + ox0) * cout, n * cout), act);
            }
        }
    }

    private static void UnfoldPixel(ReadOnlySpan<float> x, int h, int w, int cin, int stride, int padTop, int padLeft, int oy, int ox, Span<float> col)
    {
        for (int ky = 0; ky < 3; ky++)
        {
            int iy = (oy * stride) + ky - padTop;
            for (int kx = 0; kx < 3; kx++)
            {
                int ix = (ox * stride) + kx - padLeft;
                Span<float> dst = col.Slice(((ky * 3) + kx) * cin, cin);
                if ((uint)iy < (uint)h && (uint)ix < (uint)w)
                {
                    x.Slice(((iy * w) + ix) * cin, cin).CopyTo(dst);
                }
                else
                {
                    dst.Clear();
                }
            }
        }
    }

    private static void Direct(
        ReadOnlySpan<float> xs, int h, int w, int cin, ReadOnlySpan<float> fs, ReadOnlySpan<float> bs, int cout,
        int stride, int padTop, int padLeft, int rowStart, int rowEnd, int outW, Span<float> ys, Activation act, int uniformFrom)
    {
        int seg = 3 * cin;
        int pixelStep = stride * cin;

        // Output columns whose 3-wide window lies inside the input: ox in [oxFirst, fullLast]; of those, the windows from
        // oxUniform on start in the uniform columns: only oxUniform is computed (oxLast), the rest are its copies.
        int oxFirst = (padLeft + stride - 1) / stride;
        int fullLast = Math.Min(outW - 1, (w - 3 + padLeft) / stride);
        int oxUniform = uniformFrom >= w ? int.MaxValue : Math.Max(oxFirst, (uniformFrom + padLeft + stride - 1) / stride);
        int oxLast = Math.Min(fullLast, oxUniform);
        ref float x = ref MemoryMarshal.GetReference(xs);
        ref float f = ref MemoryMarshal.GetReference(fs);
        ref float b = ref MemoryMarshal.GetReference(bs);
        for (int oy = rowStart; oy < rowEnd; oy++)
        {
            int iy0 = (oy * stride) - padTop;
            int ky0 = Math.Max(0, -iy0);
            int ky1 = Math.Min(3, h - iy0);
            Span<float> yRow = ys.Slice((oy - rowStart) * outW * cout, outW * cout);
            int ox = 0;
            ref float y = ref MemoryMarshal.GetReference(yRow);
            for (; ox < Math.Min(oxFirst, outW); ox++)
            {
                Pixel1(ref x, ref f, ref b, ref Unsafe.Add(ref y, ox * cout), w, cin, cout, iy0, (ox * stride) - padLeft, ky0, ky1, act);
            }

            if (Vector512.IsHardwareAccelerated)
            {
                bool blockRefs = UseBlockRefs512;
                for (; ox + 16 <= oxLast + 1; ox += 16)
                {
                    int origin = (iy0 * w * cin) + (((ox * stride) - padLeft) * cin);
                    if (blockRefs)
                    {
                        Block16x16Refs(ref x, ref f, ref b, ref Unsafe.Add(ref y, ox * cout), origin, w * cin, pixelStep, seg, cout, ky0, ky1, act);
                    }
                    else
                    {
                        Block16x16(ref x, ref f, ref b, ref Unsafe.Add(ref y, ox * cout), origin, w * cin, pixelStep, seg, cout, ky0, ky1, act);
                    }
                }

                // The rest of the full windows eight at a time, the last eight ending at the last full window: pixels
                // computed twice get the same operations, so the same values (before: four-pixel 256-bit blocks and
                // single pixels in one dependent FMA chain each, a quarter of the dense nets' first layer).
                if (UseEightPixelBlocks && ox <= oxLast && oxLast + 1 - 8 >= oxFirst)
                {
                    for (; ox < oxLast + 1; ox += 8)
                    {
                        int at = Math.Min(ox, oxLast + 1 - 8);
                        int origin = (iy0 * w * cin) + (((at * stride) - padLeft) * cin);
                        if (blockRefs)
                        {
                            Block8x16Refs(ref x, ref f, ref b, ref Unsafe.Add(ref y, at * cout), origin, w * cin, pixelStep, seg, cout, ky0, ky1, act);
                        }
                        else
                        {
                            Block8x16(ref x, ref f, ref b, ref Unsafe.Add(ref y, at * cout), origin, w * cin, pixelStep, seg, cout, ky0, ky1, act);
                        }
                    }

                    ox = oxLast + 1;
                }
            }

            if (UseSixPixelBlocks && !Vector512.IsHardwareAccelerated && ox <= oxLast && oxLast + 1 - 6 >= oxFirst)
            {
                // Six pixels at a time, the last six ending at the last full window (pixels computed twice get the same
                // operations, so the same values).
                var six = new SixPixelRow(ox, oxLast, iy0 * w * cin, w * cin, stride * cin, padLeft * cin, pixelStep, seg, cout, ky0, ky1, UseSixPixelRefs, UseUnrolledTaps);
                switch (UseTypedEpilogues ? act : (Activation)(-1))
                {
                    case Activation.None:
                        six.Run(ref x, ref f, ref b, ref y, default(Gemm.NoActivation));
                        break;
                    case Activation.Relu:
                        six.Run(ref x, ref f, ref b, ref y, default(Gemm.ReluActivation));
                        break;
                    case Activation.Leaky:
                        six.Run(ref x, ref f, ref b, ref y, default(Gemm.LeakyActivation));
                        break;
                    default:
                        six.Run(ref x, ref f, ref b, ref y, new Gemm.AnyActivation(act));
                        break;
                }

                ox = oxLast + 1;
            }

            int fourEnd = oxLast + 1;
            if (UseLastFourBlock && !Vector512.IsHardwareAccelerated && ox <= oxLast && oxLast + 1 - 4 >= oxFirst
                && (oxLast + 1 - ox) % 4 != 0)
            {
                // The last block ends at the last full window (its first pixels computed twice, with the same operations,
                // so to the same values) instead of up to three single pixels in two dependent FMA chains each (the dense
                // nets' first layer: three of every 56 pixels, a third of the layer's time).
                fourEnd = oxLast + 1 + (4 - ((oxLast + 1 - ox) % 4));
            }

            for (; ox + 4 <= fourEnd; ox += 4)
            {
                // Offset of the window's top-left tap; rows above the input are skipped, so only valid rows form refs.
                int at = Math.Min(ox, oxLast + 1 - 4);
                int origin = (iy0 * w * cin) + (((at * stride) - padLeft) * cin);
                for (int j = 0; j < cout; j += 16)
                {
                    Vector256<float> bl = Vector256.LoadUnsafe(ref b, (nuint)j);
                    Vector256<float> bh = Vector256.LoadUnsafe(ref b, (nuint)(j + 8));
                    Vector256<float> a0l = bl, a0h = bh, a1l = bl, a1h = bh, a2l = bl, a2h = bh, a3l = bl, a3h = bh;
                    for (int ky = ky0; ky < ky1; ky++)
                    {
                        ref float p0 = ref Unsafe.Add(ref x, origin + (ky * w * cin));
                        ref float p1 = ref Unsafe.Add(ref p0, pixelStep);
                        ref float p2 = ref Unsafe.Add(ref p1, pixelStep);
                        ref float p3 = ref Unsafe.Add(ref p2, pixelStep);
                        ref float wk = ref Unsafe.Add(ref f, (ky * seg * cout) + j);
                        for (int t = 0; t < seg; t++)
                        {
                            Vector256<float> wl = Vector256.LoadUnsafe(ref wk);
                            Vector256<float> wh = Vector256.LoadUnsafe(ref wk, 8);
                            Vector256<float> v0 = Vector256.Create(Unsafe.Add(ref p0, t));
                            Vector256<float> v1 = Vector256.Create(Unsafe.Add(ref p1, t));
                            Vector256<float> v2 = Vector256.Create(Unsafe.Add(ref p2, t));
                            Vector256<float> v3 = Vector256.Create(Unsafe.Add(ref p3, t));
                            a0l = Vector256.FusedMultiplyAdd(v0, wl, a0l);
                            a0h = Vector256.FusedMultiplyAdd(v0, wh, a0h);
                            a1l = Vector256.FusedMultiplyAdd(v1, wl, a1l);
                            a1h = Vector256.FusedMultiplyAdd(v1, wh, a1h);
                            a2l = Vector256.FusedMultiplyAdd(v2, wl, a2l);
                            a2h = Vector256.FusedMultiplyAdd(v2, wh, a2h);
                            a3l = Vector256.FusedMultiplyAdd(v3, wl, a3l);
                            a3h = Vector256.FusedMultiplyAdd(v3, wh, a3h);
                            wk = ref Unsafe.Add(ref wk, cout);
                        }
                    }

                    ref float y0 = ref Unsafe.Add(ref y, (at * cout) + j);
                    Gemm.Activate(a0l, act).StoreUnsafe(ref y0);
                    Gemm.Activate(a0h, act).StoreUnsafe(ref y0, 8);
                    Gemm.Activate(a1l, act).StoreUnsafe(ref y0, (nuint)cout);
                    Gemm.Activate(a1h, act).StoreUnsafe(ref y0, (nuint)(cout + 8));
                    Gemm.Activate(a2l, act).StoreUnsafe(ref y0, (nuint)(2 * cout));
                    Gemm.Activate(a2h, act).StoreUnsafe(ref y0, (nuint)((2 * cout) + 8));
                    Gemm.Activate(a3l, act).StoreUnsafe(ref y0, (nuint)(3 * cout));
                    Gemm.Activate(a3h, act).StoreUnsafe(ref y0, (nuint)((3 * cout) + 8));
                }
            }

            ox = Math.Min(ox, oxLast + 1);
            if (oxLast < fullLast)
            {
                for (; ox <= oxLast; ox++)
                {
                    Pixel1(ref x, ref f, ref b, ref Unsafe.Add(ref y, ox * cout), w, cin, cout, iy0, (ox * stride) - padLeft, ky0, ky1, act);
                }

                // Copies by vector stores (cout is a multiple of 16 here): a span copy per pixel cost half of what computing
                // the pixel does.
                ref float first = ref Unsafe.Add(ref y, oxLast * cout);
                for (int j = 0; j < cout; j += 8)
                {
                    Vector256<float> v = Vector256.LoadUnsafe(ref first, (nuint)j);
                    for (int o = ox; o <= fullLast; o++)
                    {
                        v.StoreUnsafe(ref y, (nuint)((o * cout) + j));
                    }
                }

                ox = fullLast + 1;
            }

            for (; ox < outW; ox++)
            {
                Pixel1(ref x, ref f, ref b, ref Unsafe.Add(ref y, ox * cout), w, cin, cout, iy0, (ox * stride) - padLeft, ky0, ky1, act);
            }
        }
    }

    /// <summary>
    /// One output pixel x all output channels, sixteen at a time (two 256-bit halves), taps in the im2col order; taps
    /// outside the input (zero padding) are skipped, which adds exactly what the reference path's zeros add: nothing.
    /// For the pixels the block kernels leave over at the end of a row and the windows that leave the input sideways
    /// (before: a one-pixel im2col and a one-row GEMM each, 0.3 ms of the 160 detector's first layer).
    /// </summary>
    private static void Pixel1(
        ref float x, ref float f, ref float b, ref float y, int w, int cin, int cout, int iy0, int ix0, int ky0, int ky1, Activation act)
    {
        int kx0 = Math.Max(0, -ix0);
        int kx1 = Math.Min(3, w - ix0);
        for (int j = 0; j < cout; j += 16)
        {
            Vector256<float> lo = Vector256.LoadUnsafe(ref b, (nuint)j);
            Vector256<float> hi = Vector256.LoadUnsafe(ref b, (nuint)(j + 8));
            for (int ky = ky0; ky < ky1; ky++)
            {
                for (int kx = kx0; kx < kx1; kx++)
                {
                    ref float p = ref Unsafe.Add(ref x, (((iy0 + ky) * w) + ix0 + kx) * cin);
                    ref float wk = ref Unsafe.Add(ref f, ((((ky * 3) + kx) * cin) * cout) + j);
                    for (int ci = 0; ci < cin; ci++)
                    {
                        Vector256<float> v = Vector256.Create(Unsafe.Add(ref p, ci));
                        lo = Vector256.FusedMultiplyAdd(v, Vector256.LoadUnsafe(ref wk), lo);
                        hi = Vector256.FusedMultiplyAdd(v, Vector256.LoadUnsafe(ref wk, 8), hi);
                        wk = ref Unsafe.Add(ref wk, cout);
                    }
                }
            }

            Gemm.Activate(lo, act).StoreUnsafe(ref y, (nuint)j);
            Gemm.Activate(hi, act).StoreUnsafe(ref y, (nuint)(j + 8));
        }
    }

    /// <summary>A row's full windows from <c>ox</c> to <c>oxLast</c> six pixels at a time (<see cref="Block6x16"/>), the
    /// last six ending at the last full window (pixels computed twice get the same operations, so the same values).</summary>
    private readonly record struct SixPixelRow(
        int Ox, int OxLast, int RowOrigin, int RowStride, int StrideFloats, int PadFloats, int PixelStep, int Seg, int Cout, int Ky0,
        int Ky1, bool Refs, bool Unrolled)
    {
        public void Run<TAct>(ref float x, ref float f, ref float b, ref float y, TAct act)
            where TAct : struct, Gemm.IEpilogue
        {
            for (int ox = Ox; ox < OxLast + 1; ox += 6)
            {
                int at = Math.Min(ox, OxLast + 1 - 6);
                int origin = RowOrigin + (at * StrideFloats) - PadFloats;
                Block6x16(ref x, ref f, ref b, ref Unsafe.Add(ref y, at * Cout), origin, RowStride, PixelStep, Seg, Cout, Ky0, Ky1, Refs, Unrolled, act);
            }
        }
    }

    /// <summary>
    /// Six horizontally adjacent output pixels x all output channels, sixteen at a time in 256-bit registers (a core
    /// without AVX-512): twelve accumulators, two weight vectors and one broadcast of the sixteen registers, each weight
    /// load serving six pixels (the four-pixel step's eight chains are exactly the two FMA pipes' latency); taps in the
    /// order of every path.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Block6x16<TAct>(
        ref float x, ref float f, ref float b, ref float y, int origin, int rowStride, int pixelStep, int seg, int cout,
        int ky0, int ky1, bool refs, bool unrolled, TAct act)
        where TAct : struct, Gemm.IEpilogue
    {
        int seg3 = unrolled ? seg : 0;
        for (int j = 0; j < cout; j += 16)
        {
            Vector256<float> bl = Vector256.LoadUnsafe(ref b, (nuint)j);
            Vector256<float> bh = Vector256.LoadUnsafe(ref b, (nuint)(j + 8));
            Vector256<float> a0l = bl, a0h = bh, a1l = bl, a1h = bh, a2l = bl, a2h = bh;
            Vector256<float> a3l = bl, a3h = bh, a4l = bl, a4h = bh, a5l = bl, a5h = bh;
            for (int ky = ky0; ky < ky1; ky++)
            {
                ref float p = ref Unsafe.Add(ref x, origin + (ky * rowStride));
                ref float wk = ref Unsafe.Add(ref f, (ky * seg * cout) + j);
                if (refs)
                {
                    // One ref per pixel, formed once per kernel row: the tap loop then indexes them by t alone, as the
                    // GEMM's six-row block does its rows (before: five offset products and sign extensions per tap).
                    ref float p1 = ref Unsafe.Add(ref p, pixelStep);
                    ref float p2 = ref Unsafe.Add(ref p1, pixelStep);
                    ref float p3 = ref Unsafe.Add(ref p2, pixelStep);
                    ref float p4 = ref Unsafe.Add(ref p3, pixelStep);
                    ref float p5 = ref Unsafe.Add(ref p4, pixelStep);
                    nint t = 0;
                    for (; t < seg3; t += 3)
                    {
                        // Three of a kernel row's 3 * cin steps per pass (a multiple of three, so no rest; with three input
                        // channels one tap's): a third of the loop's branches and index updates, the same FMAs in the same
                        // order per accumulator.
                        ref float w1 = ref Unsafe.Add(ref wk, cout);
                        ref float w2 = ref Unsafe.Add(ref w1, cout);
                        Vector256<float> wl, wh, v;
                        wl = Vector256.LoadUnsafe(ref wk);
                        wh = Vector256.LoadUnsafe(ref wk, 8);
                        v = Vector256.Create(Unsafe.Add(ref p, t));
                        a0l = Vector256.FusedMultiplyAdd(v, wl, a0l);
                        a0h = Vector256.FusedMultiplyAdd(v, wh, a0h);
                        v = Vector256.Create(Unsafe.Add(ref p1, t));
                        a1l = Vector256.FusedMultiplyAdd(v, wl, a1l);
                        a1h = Vector256.FusedMultiplyAdd(v, wh, a1h);
                        v = Vector256.Create(Unsafe.Add(ref p2, t));
                        a2l = Vector256.FusedMultiplyAdd(v, wl, a2l);
                        a2h = Vector256.FusedMultiplyAdd(v, wh, a2h);
                        v = Vector256.Create(Unsafe.Add(ref p3, t));
                        a3l = Vector256.FusedMultiplyAdd(v, wl, a3l);
                        a3h = Vector256.FusedMultiplyAdd(v, wh, a3h);
                        v = Vector256.Create(Unsafe.Add(ref p4, t));
                        a4l = Vector256.FusedMultiplyAdd(v, wl, a4l);
                        a4h = Vector256.FusedMultiplyAdd(v, wh, a4h);
                        v = Vector256.Create(Unsafe.Add(ref p5, t));
                        a5l = Vector256.FusedMultiplyAdd(v, wl, a5l);
                        a5h = Vector256.FusedMultiplyAdd(v, wh, a5h);
                        wl = Vector256.LoadUnsafe(ref w1);
                        wh = Vector256.LoadUnsafe(ref w1, 8);
                        v = Vector256.Create(Unsafe.Add(ref p, t + 1));
                        a0l = Vector256.FusedMultiplyAdd(v, wl, a0l);
                        a0h = Vector256.FusedMultiplyAdd(v, wh, a0h);
                        v = Vector256.Create(Unsafe.Add(ref p1, t + 1));
                        a1l = Vector256.FusedMultiplyAdd(v, wl, a1l);
                        a1h = Vector256.FusedMultiplyAdd(v, wh, a1h);
                        v = Vector256.Create(Unsafe.Add(ref p2, t + 1));
                        a2l = Vector256.FusedMultiplyAdd(v, wl, a2l);
                        a2h = Vector256.FusedMultiplyAdd(v, wh, a2h);
                        v = Vector256.Create(Unsafe.Add(ref p3, t + 1));
                        a3l = Vector256.FusedMultiplyAdd(v, wl, a3l);
                        a3h = Vector256.FusedMultiplyAdd(v, wh, a3h);
                        v = Vector256.Create(Unsafe.Add(ref p4, t + 1));
                        a4l = Vector256.FusedMultiplyAdd(v, wl, a4l);
                        a4h = Vector256.FusedMultiplyAdd(v, wh, a4h);
                        v = Vector256.Create(Unsafe.Add(ref p5, t + 1));
                        a5l = Vector256.FusedMultiplyAdd(v, wl, a5l);
                        a5h = Vector256.FusedMultiplyAdd(v, wh, a5h);
                        wl = Vector256.LoadUnsafe(ref w2);
                        wh = Vector256.LoadUnsafe(ref w2, 8);
                        v = Vector256.Create(Unsafe.Add(ref p, t + 2));
                        a0l = Vector256.FusedMultiplyAdd(v, wl, a0l);
                        a0h = Vector256.FusedMultiplyAdd(v, wh, a0h);
                        v = Vector256.Create(Unsafe.Add(ref p1, t + 2));
                        a1l = Vector256.FusedMultiplyAdd(v, wl, a1l);
                        a1h = Vector256.FusedMultiplyAdd(v, wh, a1h);
                        v = Vector256.Create(Unsafe.Add(ref p2, t + 2));
                        a2l = Vector256.FusedMultiplyAdd(v, wl, a2l);
                        a2h = Vector256.FusedMultiplyAdd(v, wh, a2h);
                        v = Vector256.Create(Unsafe.Add(ref p3, t + 2));
                        a3l = Vector256.FusedMultiplyAdd(v, wl, a3l);
                        a3h = Vector256.FusedMultiplyAdd(v, wh, a3h);
                        v = Vector256.Create(Unsafe.Add(ref p4, t + 2));
                        a4l = Vector256.FusedMultiplyAdd(v, wl, a4l);
                        a4h = Vector256.FusedMultiplyAdd(v, wh, a4h);
                        v = Vector256.Create(Unsafe.Add(ref p5, t + 2));
                        a5l = Vector256.FusedMultiplyAdd(v, wl, a5l);
                        a5h = Vector256.FusedMultiplyAdd(v, wh, a5h);
                        wk = ref Unsafe.Add(ref w2, cout);
                    }

                    for (; t < seg; t++)
                    {
                        Vector256<float> wl = Vector256.LoadUnsafe(ref wk);
                        Vector256<float> wh = Vector256.LoadUnsafe(ref wk, 8);
                        Vector256<float> v = Vector256.Create(Unsafe.Add(ref p, t));
                        a0l = Vector256.FusedMultiplyAdd(v, wl, a0l);
                        a0h = Vector256.FusedMultiplyAdd(v, wh, a0h);
                        v = Vector256.Create(Unsafe.Add(ref p1, t));
                        a1l = Vector256.FusedMultiplyAdd(v, wl, a1l);
                        a1h = Vector256.FusedMultiplyAdd(v, wh, a1h);
                        v = Vector256.Create(Unsafe.Add(ref p2, t));
                        a2l = Vector256.FusedMultiplyAdd(v, wl, a2l);
                        a2h = Vector256.FusedMultiplyAdd(v, wh, a2h);
                        v = Vector256.Create(Unsafe.Add(ref p3, t));
                        a3l = Vector256.FusedMultiplyAdd(v, wl, a3l);
                        a3h = Vector256.FusedMultiplyAdd(v, wh, a3h);
                        v = Vector256.Create(Unsafe.Add(ref p4, t));
                        a4l = Vector256.FusedMultiplyAdd(v, wl, a4l);
                        a4h = Vector256.FusedMultiplyAdd(v, wh, a4h);
                        v = Vector256.Create(Unsafe.Add(ref p5, t));
                        a5l = Vector256.FusedMultiplyAdd(v, wl, a5l);
                        a5h = Vector256.FusedMultiplyAdd(v, wh, a5h);
                        wk = ref Unsafe.Add(ref wk, cout);
                    }

                    continue;
                }

                for (int t = 0; t < seg; t++)
                {
                    Vector256<float> wl = Vector256.LoadUnsafe(ref wk);
                    Vector256<float> wh = Vector256.LoadUnsafe(ref wk, 8);
                    ref float pt = ref Unsafe.Add(ref p, t);
                    Vector256<float> v = Vector256.Create(pt);
                    a0l = Vector256.FusedMultiplyAdd(v, wl, a0l);
                    a0h = Vector256.FusedMultiplyAdd(v, wh, a0h);
                    v = Vector256.Create(Unsafe.Add(ref pt, pixelStep));
                    a1l = Vector256.FusedMultiplyAdd(v, wl, a1l);
                    a1h = Vector256.FusedMultiplyAdd(v, wh, a1h);
                    v = Vector256.Create(Unsafe.Add(ref pt, 2 * pixelStep));
                    a2l = Vector256.FusedMultiplyAdd(v, wl, a2l);
                    a2h = Vector256.FusedMultiplyAdd(v, wh, a2h);
                    v = Vector256.Create(Unsafe.Add(ref pt, 3 * pixelStep));
                    a3l = Vector256.FusedMultiplyAdd(v, wl, a3l);
                    a3h = Vector256.FusedMultiplyAdd(v, wh, a3h);
                    v = Vector256.Create(Unsafe.Add(ref pt, 4 * pixelStep));
                    a4l = Vector256.FusedMultiplyAdd(v, wl, a4l);
                    a4h = Vector256.FusedMultiplyAdd(v, wh, a4h);
                    v = Vector256.Create(Unsafe.Add(ref pt, 5 * pixelStep));
                    a5l = Vector256.FusedMultiplyAdd(v, wl, a5l);
                    a5h = Vector256.FusedMultiplyAdd(v, wh, a5h);
                    wk = ref Unsafe.Add(ref wk, cout);
                }
            }

            Gemm.Store6x16(ref Unsafe.Add(ref y, j), cout, act, a0l, a0h, a1l, a1h, a2l, a2h, a3l, a3h, a4l, a4h, a5l, a5h);
        }
    }

    /// <summary>
    /// Eight horizontally adjacent output pixels x all output channels, sixteen at a time in 512-bit registers, taps in the
    /// order of <see cref="Block16x16"/>: eight independent FMA chains per weight load.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Block8x16(
        ref float x, ref float f, ref float b, ref float y, int origin, int rowStride, int pixelStep, int seg, int cout,
        int ky0, int ky1, Activation act)
    {
        for (int j = 0; j < cout; j += 16)
        {
            Vector512<float> bias = Vector512.LoadUnsafe(ref b, (nuint)j);
            Vector512<float> a0 = bias, a1 = bias, a2 = bias, a3 = bias, a4 = bias, a5 = bias, a6 = bias, a7 = bias;
            for (int ky = ky0; ky < ky1; ky++)
            {
                ref float p = ref Unsafe.Add(ref x, origin + (ky * rowStride));
                ref float wk = ref Unsafe.Add(ref f, (ky * seg * cout) + j);
                for (int t = 0; t < seg; t++)
                {
                    Vector512<float> wv = Vector512.LoadUnsafe(ref wk);
                    ref float pt = ref Unsafe.Add(ref p, t);
                    a0 = Vector512.FusedMultiplyAdd(Vector512.Create(pt), wv, a0);
                    a1 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref pt, pixelStep)), wv, a1);
                    a2 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref pt, 2 * pixelStep)), wv, a2);
                    a3 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref pt, 3 * pixelStep)), wv, a3);
                    a4 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref pt, 4 * pixelStep)), wv, a4);
                    a5 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref pt, 5 * pixelStep)), wv, a5);
                    a6 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref pt, 6 * pixelStep)), wv, a6);
                    a7 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref pt, 7 * pixelStep)), wv, a7);
                    wk = ref Unsafe.Add(ref wk, cout);
                }
            }

            Gemm.Activate(a0, act).StoreUnsafe(ref y, (nuint)j);
            Gemm.Activate(a1, act).StoreUnsafe(ref y, (nuint)(cout + j));
            Gemm.Activate(a2, act).StoreUnsafe(ref y, (nuint)((2 * cout) + j));
            Gemm.Activate(a3, act).StoreUnsafe(ref y, (nuint)((3 * cout) + j));
            Gemm.Activate(a4, act).StoreUnsafe(ref y, (nuint)((4 * cout) + j));
            Gemm.Activate(a5, act).StoreUnsafe(ref y, (nuint)((5 * cout) + j));
            Gemm.Activate(a6, act).StoreUnsafe(ref y, (nuint)((6 * cout) + j));
            Gemm.Activate(a7, act).StoreUnsafe(ref y, (nuint)((7 * cout) + j));
        }
    }

    /// <summary>
    /// Sixteen horizontally adjacent output pixels x all output channels, sixteen at a time in 512-bit registers: one
    /// weight load per sixteen FMAs (the first layers have three input channels, so every FMA needs its own input value).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Block16x16(
        ref float x, ref float f, ref float b, ref float y, int origin, int rowStride, int pixelStep, int seg, int cout,
        int ky0, int ky1, Activation act)
    {
        for (int j = 0; j < cout; j += 16)
        {
            Vector512<float> bias = Vector512.LoadUnsafe(ref b, (nuint)j);
            Vector512<float> a0 = bias, a1 = bias, a2 = bias, a3 = bias, a4 = bias, a5 = bias, a6 = bias, a7 = bias;
            Vector512<float> a8 = bias, a9 = bias, a10 = bias, a11 = bias, a12 = bias, a13 = bias, a14 = bias, a15 = bias;
            for (int ky = ky0; ky < ky1; ky++)
            {
                ref float p = ref Unsafe.Add(ref x, origin + (ky * rowStride));
                ref float wk = ref Unsafe.Add(ref f, (ky * seg * cout) + j);
                for (int t = 0; t < seg; t++)
                {
                    Vector512<float> wv = Vector512.LoadUnsafe(ref wk);
                    ref float pt = ref Unsafe.Add(ref p, t);
                    a0 = Vector512.FusedMultiplyAdd(Vector512.Create(pt), wv, a0);
                    a1 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref pt, pixelStep)), wv, a1);
                    a2 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref pt, 2 * pixelStep)), wv, a2);
                    a3 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref pt, 3 * pixelStep)), wv, a3);
                    a4 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref pt, 4 * pixelStep)), wv, a4);
                    a5 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref pt, 5 * pixelStep)), wv, a5);
                    a6 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref pt, 6 * pixelStep)), wv, a6);
                    a7 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref pt, 7 * pixelStep)), wv, a7);
                    a8 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref pt, 8 * pixelStep)), wv, a8);
                    a9 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref pt, 9 * pixelStep)), wv, a9);
                    a10 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref pt, 10 * pixelStep)), wv, a10);
                    a11 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref pt, 11 * pixelStep)), wv, a11);
                    a12 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref pt, 12 * pixelStep)), wv, a12);
                    a13 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref pt, 13 * pixelStep)), wv, a13);
                    a14 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref pt, 14 * pixelStep)), wv, a14);
                    a15 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref pt, 15 * pixelStep)), wv, a15);
                    wk = ref Unsafe.Add(ref wk, cout);
                }
            }

            Gemm.Activate(a0, act).StoreUnsafe(ref y, (nuint)j);
            Gemm.Activate(a1, act).StoreUnsafe(ref y, (nuint)(cout + j));
            Gemm.Activate(a2, act).StoreUnsafe(ref y, (nuint)((2 * cout) + j));
            Gemm.Activate(a3, act).StoreUnsafe(ref y, (nuint)((3 * cout) + j));
            Gemm.Activate(a4, act).StoreUnsafe(ref y, (nuint)((4 * cout) + j));
            Gemm.Activate(a5, act).StoreUnsafe(ref y, (nuint)((5 * cout) + j));
            Gemm.Activate(a6, act).StoreUnsafe(ref y, (nuint)((6 * cout) + j));
            Gemm.Activate(a7, act).StoreUnsafe(ref y, (nuint)((7 * cout) + j));
            Gemm.Activate(a8, act).StoreUnsafe(ref y, (nuint)((8 * cout) + j));
            Gemm.Activate(a9, act).StoreUnsafe(ref y, (nuint)((9 * cout) + j));
            Gemm.Activate(a10, act).StoreUnsafe(ref y, (nuint)((10 * cout) + j));
            Gemm.Activate(a11, act).StoreUnsafe(ref y, (nuint)((11 * cout) + j));
            Gemm.Activate(a12, act).StoreUnsafe(ref y, (nuint)((12 * cout) + j));
            Gemm.Activate(a13, act).StoreUnsafe(ref y, (nuint)((13 * cout) + j));
            Gemm.Activate(a14, act).StoreUnsafe(ref y, (nuint)((14 * cout) + j));
            Gemm.Activate(a15, act).StoreUnsafe(ref y, (nuint)((15 * cout) + j));
        }
    }

    /// <summary>
    /// <see cref="Block16x16"/> with its sixteen pixels addressed from four refs (pixels 0, 4, 8 and 12) and the offsets of
    /// one, two and three pixels held in registers: each input a broadcast load folded into its multiply-add. Before, the
    /// compiled loop multiplied the pixel step anew per pixel and tap (about two integer instructions per multiply-add).
    /// The same operations in the same order (bit-identical).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Block16x16Refs(
        ref float x, ref float f, ref float b, ref float y, int origin, int rowStride, int pixelStep, int seg, int cout,
        int ky0, int ky1, Activation act)
    {
        nuint s1 = (nuint)pixelStep, s2 = 2 * s1, s3 = 3 * s1;
        int quad = 4 * pixelStep;
        for (int j = 0; j < cout; j += 16)
        {
            Vector512<float> bias = Vector512.LoadUnsafe(ref b, (nuint)j);
            Vector512<float> a0 = bias, a1 = bias, a2 = bias, a3 = bias, a4 = bias, a5 = bias, a6 = bias, a7 = bias;
            Vector512<float> a8 = bias, a9 = bias, a10 = bias, a11 = bias, a12 = bias, a13 = bias, a14 = bias, a15 = bias;
            for (int ky = ky0; ky < ky1; ky++)
            {
                ref float q0 = ref Unsafe.Add(ref x, origin + (ky * rowStride));
                ref float q1 = ref Unsafe.Add(ref q0, quad);
                ref float q2 = ref Unsafe.Add(ref q1, quad);
                ref float q3 = ref Unsafe.Add(ref q2, quad);
                ref float wk = ref Unsafe.Add(ref f, (ky * seg * cout) + j);
                for (int t = 0; t < seg; t++)
                {
                    Vector512<float> wv = Vector512.LoadUnsafe(ref wk);
                    a0 = Vector512.FusedMultiplyAdd(Vector512.Create(q0), wv, a0);
                    a1 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref q0, s1)), wv, a1);
                    a2 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref q0, s2)), wv, a2);
                    a3 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref q0, s3)), wv, a3);
                    a4 = Vector512.FusedMultiplyAdd(Vector512.Create(q1), wv, a4);
                    a5 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref q1, s1)), wv, a5);
                    a6 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref q1, s2)), wv, a6);
                    a7 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref q1, s3)), wv, a7);
                    a8 = Vector512.FusedMultiplyAdd(Vector512.Create(q2), wv, a8);
                    a9 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref q2, s1)), wv, a9);
                    a10 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref q2, s2)), wv, a10);
                    a11 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref q2, s3)), wv, a11);
                    a12 = Vector512.FusedMultiplyAdd(Vector512.Create(q3), wv, a12);
                    a13 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref q3, s1)), wv, a13);
                    a14 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref q3, s2)), wv, a14);
                    a15 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref q3, s3)), wv, a15);
                    q0 = ref Unsafe.Add(ref q0, 1);
                    q1 = ref Unsafe.Add(ref q1, 1);
                    q2 = ref Unsafe.Add(ref q2, 1);
                    q3 = ref Unsafe.Add(ref q3, 1);
                    wk = ref Unsafe.Add(ref wk, cout);
                }
            }

            Gemm.Activate(a0, act).StoreUnsafe(ref y, (nuint)j);
            Gemm.Activate(a1, act).StoreUnsafe(ref y, (nuint)(cout + j));
            Gemm.Activate(a2, act).StoreUnsafe(ref y, (nuint)((2 * cout) + j));
            Gemm.Activate(a3, act).StoreUnsafe(ref y, (nuint)((3 * cout) + j));
            Gemm.Activate(a4, act).StoreUnsafe(ref y, (nuint)((4 * cout) + j));
            Gemm.Activate(a5, act).StoreUnsafe(ref y, (nuint)((5 * cout) + j));
            Gemm.Activate(a6, act).StoreUnsafe(ref y, (nuint)((6 * cout) + j));
            Gemm.Activate(a7, act).StoreUnsafe(ref y, (nuint)((7 * cout) + j));
            Gemm.Activate(a8, act).StoreUnsafe(ref y, (nuint)((8 * cout) + j));
            Gemm.Activate(a9, act).StoreUnsafe(ref y, (nuint)((9 * cout) + j));
            Gemm.Activate(a10, act).StoreUnsafe(ref y, (nuint)((10 * cout) + j));
            Gemm.Activate(a11, act).StoreUnsafe(ref y, (nuint)((11 * cout) + j));
            Gemm.Activate(a12, act).StoreUnsafe(ref y, (nuint)((12 * cout) + j));
            Gemm.Activate(a13, act).StoreUnsafe(ref y, (nuint)((13 * cout) + j));
            Gemm.Activate(a14, act).StoreUnsafe(ref y, (nuint)((14 * cout) + j));
            Gemm.Activate(a15, act).StoreUnsafe(ref y, (nuint)((15 * cout) + j));
        }
    }

    /// <summary><see cref="Block8x16"/> addressed as <see cref="Block16x16Refs"/> (bit-identical).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Block8x16Refs(
        ref float x, ref float f, ref float b, ref float y, int origin, int rowStride, int pixelStep, int seg, int cout,
        int ky0, int ky1, Activation act)
    {
        nuint s1 = (nuint)pixelStep, s2 = 2 * s1, s3 = 3 * s1;
        int quad = 4 * pixelStep;
        for (int j = 0; j < cout; j += 16)
        {
            Vector512<float> bias = Vector512.LoadUnsafe(ref b, (nuint)j);
            Vector512<float> a0 = bias, a1 = bias, a2 = bias, a3 = bias, a4 = bias, a5 = bias, a6 = bias, a7 = bias;
            for (int ky = ky0; ky < ky1; ky++)
            {
                ref float q0 = ref Unsafe.Add(ref x, origin + (ky * rowStride));
                ref float q1 = ref Unsafe.Add(ref q0, quad);
                ref float wk = ref Unsafe.Add(ref f, (ky * seg * cout) + j);
                for (int t = 0; t < seg; t++)
                {
                    Vector512<float> wv = Vector512.LoadUnsafe(ref wk);
                    a0 = Vector512.FusedMultiplyAdd(Vector512.Create(q0), wv, a0);
                    a1 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref q0, s1)), wv, a1);
                    a2 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref q0, s2)), wv, a2);
                    a3 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref q0, s3)), wv, a3);
                    a4 = Vector512.FusedMultiplyAdd(Vector512.Create(q1), wv, a4);
                    a5 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref q1, s1)), wv, a5);
                    a6 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref q1, s2)), wv, a6);
                    a7 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref q1, s3)), wv, a7);
                    q0 = ref Unsafe.Add(ref q0, 1);
                    q1 = ref Unsafe.Add(ref q1, 1);
                    wk = ref Unsafe.Add(ref wk, cout);
                }
            }

            Gemm.Activate(a0, act).StoreUnsafe(ref y, (nuint)j);
            Gemm.Activate(a1, act).StoreUnsafe(ref y, (nuint)(cout + j));
            Gemm.Activate(a2, act).StoreUnsafe(ref y, (nuint)((2 * cout) + j));
            Gemm.Activate(a3, act).StoreUnsafe(ref y, (nuint)((3 * cout) + j));
            Gemm.Activate(a4, act).StoreUnsafe(ref y, (nuint)((4 * cout) + j));
            Gemm.Activate(a5, act).StoreUnsafe(ref y, (nuint)((5 * cout) + j));
            Gemm.Activate(a6, act).StoreUnsafe(ref y, (nuint)((6 * cout) + j));
            Gemm.Activate(a7, act).StoreUnsafe(ref y, (nuint)((7 * cout) + j));
        }
    }
}
