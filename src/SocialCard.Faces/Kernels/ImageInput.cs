using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using SocialCard.Imaging;

namespace SocialCard.Faces.Kernels;

/// <summary>
/// The networks' input, exactly as face-api builds it from an int32 image tensor: take a pixel rectangle, pad it to a
/// square with zeros (<c>padToSquare</c>: <c>after = round(diff * (center ? 0.5 : 1))</c>, <c>before = diff - after</c>,
/// on the short axis), resize bilinearly to <c>size x size</c> (tfjs <c>resizeBilinear</c>, alignCorners and
/// halfPixelCenters false, computed in double and stored as float32; skipped when the square already has that size),
/// then <c>(v - mean[c]) / 255</c> in float32. Output is HWC float32.
/// <para>
/// The fast path (<see cref="Prepare"/>) does the very same IEEE operations in the same order, so its output is
/// bit-identical to the readable reference (<see cref="PrepareScalar"/>): each source row is interpolated horizontally
/// once (consecutive output rows share source rows) into a double row, through precomputed per-column offsets, a
/// pixel's three channels widened to doubles at once (AVX2); the vertical step, the float32 rounding, the mean and the
/// division run four doubles / eight floats at a time.
/// </para>
/// </summary>
internal static class ImageInput
{
    public const int MaxSize = 1024;

    /// <summary>Set false (tests) to force the scalar reference path; the fast path needs AVX2.</summary>
    internal static bool UseVectors { get; set; } = Avx2.IsSupported;

    /// <summary>Set false (tests, benchmarks) to copy each crop row into a zero-ended scratch row before interpolating it,
    /// instead of reading it where it lies in the image.</summary>
    internal static bool UseRowsInPlace { get; set; } = true;

    /// <summary>Set false (tests, benchmarks) to blend two source rows into an input row eight elements at a time instead
    /// of sixteen in 512-bit registers (AVX-512).</summary>
    internal static bool UseVertical512 { get; set; } = true;

    public static void Prepare(
        RgbImage image, int cropX, int cropY, int cropW, int cropH, bool center, int size,
        float meanR, float meanG, float meanB, Span<float> dst)
    {
        Validate(image, cropX, cropY, cropW, cropH, size, dst);
        if (!UseVectors || Math.Max(cropW, cropH) == size)
        {
            PrepareScalar(image, cropX, cropY, cropW, cropH, center, size, meanR, meanG, meanB, dst);
            return;
        }

        Resize(image, cropX, cropY, cropW, cropH, center, size, meanR, meanG, meanB, dst);
    }

    private static void Validate(RgbImage image, int cropX, int cropY, int cropW, int cropH, int size, Span<float> dst)
    {
        if (cropW <= 0 || cropH <= 0 || cropX < 0 || cropY < 0 || cropX + cropW > image.Width || cropY + cropH > image.Height)
        {
            throw new ArgumentOutOfRangeException(nameof(cropX), "Crop rectangle must lie inside the image.");
        }

        if (size <= 0 || size > MaxSize || dst.Length < size * size * 3)
        {
            throw new ArgumentOutOfRangeException(nameof(size));
        }
    }

    /// <summary>The readable reference: every output value computed on its own.</summary>
    internal static void PrepareScalar(
        RgbImage image, int cropX, int cropY, int cropW, int cropH, bool center, int size,
        float meanR, float meanG, float meanB, Span<float> dst)
    {
        Validate(image, cropX, cropY, cropW, cropH, size, dst);
        int side = Math.Max(cropW, cropH);
        int diff = Math.Abs(cropH - cropW);
        int after = (int)Math.Floor((diff * (center ? 0.5 : 1.0)) + 0.5); // JS Math.round: .5 rounds up
        int before = diff - after;
        int padTop = cropH < cropW ? before : 0;
        int padLeft = cropW < cropH ? before : 0;

        ReadOnlySpan<byte> pixels = image.Pixels;
        int stride = image.Stride;
        var source = new PaddedSource(pixels, stride, cropX, cropY, cropW, cropH, padTop, padLeft);

        if (side == size)
        {
            for (int r = 0; r < size; r++)
            {
                for (int c = 0; c < size; c++)
                {
                    int o = ((r * size) + c) * 3;
                    dst[o] = (source.Get(r, c, 0) - meanR) / 255f;
                    dst[o + 1] = (source.Get(r, c, 1) - meanG) / 255f;
                    dst[o + 2] = (source.Get(r, c, 2) - meanB) / 255f;
                }
            }

            return;
        }

        double ratio = (double)side / size;
        Span<int> c0s = stackalloc int[size]; // byte offset of the source pixel in its row, or -1 in the padding
        Span<int> c1s = stackalloc int[size];
        Span<double> cfs = stackalloc double[size];
        for (int c = 0; c < size; c++)
        {
            double src = ratio * c;
            int c0 = (int)Math.Floor(src);
            int c1 = Math.Min(side - 1, (int)Math.Ceiling(src));
            c0s[c] = ColumnOffset(c0 - padLeft, cropX, cropW);
            c1s[c] = ColumnOffset(c1 - padLeft, cropX, cropW);
            cfs[c] = src - c0;
        }

        Span<double> means = [meanR, meanG, meanB];
        for (int r = 0; r < size; r++)
        {
            double srcR = ratio * r;
            int r0 = (int)Math.Floor(srcR);
            int r1 = Math.Min(side - 1, (int)Math.Ceiling(srcR));
            double fr = srcR - r0;
            ReadOnlySpan<byte> row0 = SourceRow(pixels, stride, r0 - padTop, cropY, cropH);
            ReadOnlySpan<byte> row1 = SourceRow(pixels, stride, r1 - padTop, cropY, cropH);
            Span<float> dstRow = dst.Slice(r * size * 3, size * 3);
            for (int c = 0; c < size; c++)
            {
                int c0 = c0s[c];
                int c1 = c1s[c];
                double fc = cfs[c];
                for (int ch = 0; ch < 3; ch++)
                {
                    double tl = Pixel(row0, c0, ch), tr = Pixel(row0, c1, ch);
                    double bl = Pixel(row1, c0, ch), br = Pixel(row1, c1, ch);
                    double top = tl + ((tr - tl) * fc);
                    double bot = bl + ((br - bl) * fc);
                    float v = (float)(top + ((bot - top) * fr));
                    dstRow[(c * 3) + ch] = (v - (float)means[ch]) / 255f;
                }
            }
        }
    }

    // Compute kernels: compiled fully optimised at once (a single check must not run them unoptimised).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Resize(
        RgbImage image, int cropX, int cropY, int cropW, int cropH, bool center, int size,
        float meanR, float meanG, float meanB, Span<float> dst)
    {
        int side = Math.Max(cropW, cropH);
        int diff = Math.Abs(cropH - cropW);
        int after = (int)Math.Floor((diff * (center ? 0.5 : 1.0)) + 0.5); // JS Math.round: .5 rounds up
        int before = diff - after;
        int padTop = cropH < cropW ? before : 0;
        int padLeft = cropW < cropH ? before : 0;
        int n = size * 3;
        int srcLen = cropW * 3;

        // Scratch: per output column the byte offsets of its two source pixels in a copy of the crop row that ends in
        // four zero bytes (the padding points there) and the column fraction; two interpolated rows (one spare double:
        // the vector step writes four values per three-channel pixel); the per-element mean.
        int[] offsets = ArrayPool<int>.Shared.Rent(2 * size);
        double[] doubles = ArrayPool<double>.Shared.Rent(size + (2 * (n + 1)));
        float[] meanRow = ArrayPool<float>.Shared.Rent(n);
        byte[] srcBytes = ArrayPool<byte>.Shared.Rent(srcLen + 4);
        try
        {
            Span<int> o0s = offsets.AsSpan(0, size);
            Span<int> o1s = offsets.AsSpan(size, size);
            Span<double> fcs = doubles.AsSpan(0, size);
            Span<double> rowA = doubles.AsSpan(size, n + 1);
            Span<double> rowB = doubles.AsSpan(size + n + 1, n + 1);
            srcBytes.AsSpan(srcLen, 4).Clear();
            double ratio = (double)side / size;
            for (int c = 0; c < size; c++)
            {
                double s = ratio * c;
                int c0 = (int)Math.Floor(s);
                int c1 = Math.Min(side - 1, (int)Math.Ceiling(s));
                int o0 = ColumnOffset(c0 - padLeft, 0, cropW);
                int o1 = ColumnOffset(c1 - padLeft, 0, cropW);
                o0s[c] = o0 < 0 ? srcLen : o0;
                o1s[c] = o1 < 0 ? srcLen : o1;
                fcs[c] = s - c0;
                meanRow[c * 3] = meanR;
                meanRow[(c * 3) + 1] = meanG;
                meanRow[(c * 3) + 2] = meanB;
            }

            var source = new SourceRows(image.Pixels, image.Stride, cropX, cropY, cropH, srcBytes.AsSpan(0, srcLen + 4), o0s, o1s, fcs);
            int rowAIndex = int.MinValue, rowBIndex = int.MinValue;
            for (int r = 0; r < size; r++)
            {
                double srcR = ratio * r;
                int r0 = (int)Math.Floor(srcR);
                int r1 = Math.Min(side - 1, (int)Math.Ceiling(srcR));
                double fr = srcR - r0;

                // Keep the interpolated rows of r0 in rowA and r1 in rowB, reusing what the previous output row made.
                if (rowAIndex != r0)
                {
                    if (rowBIndex == r0)
                    {
                        Span<double> t = rowA;
                        rowA = rowB;
                        rowB = t;
                        rowBIndex = int.MinValue;
                    }
                    else
                    {
                        source.Horizontal(r0 - padTop, rowA);
                    }

                    rowAIndex = r0;
                }

                if (rowBIndex != r1)
                {
                    if (r1 == r0)
                    {
                        rowA.CopyTo(rowB);
                    }
                    else
                    {
                        source.Horizontal(r1 - padTop, rowB);
                    }

                    rowBIndex = r1;
                }

                Vertical(rowA[..n], rowB[..n], fr, meanRow.AsSpan(0, n), dst.Slice(r * n, n));
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(offsets);
            ArrayPool<double>.Shared.Return(doubles);
            ArrayPool<float>.Shared.Return(meanRow);
            ArrayPool<byte>.Shared.Return(srcBytes);
        }
    }

    /// <summary>The crop's rows, interpolated horizontally: <c>top = tl + (tr - tl) * fc</c> per element.</summary>
    private readonly ref struct SourceRows
    {
        private readonly ReadOnlySpan<byte> _pixels;
        private readonly int _stride;
        private readonly int _cropX;
        private readonly int _cropY;
        private readonly int _cropH;
        private readonly Span<byte> _row;
        private readonly ReadOnlySpan<int> _o0;
        private readonly ReadOnlySpan<int> _o1;
        private readonly ReadOnlySpan<double> _fc;
        private readonly int _first;
        private readonly int _end;
        private readonly int _inFirst;
        private readonly int _inEnd;
        private readonly int _reach;

        public SourceRows(
            ReadOnlySpan<byte> pixels, int stride, int cropX, int cropY, int cropH, Span<byte> row,
            ReadOnlySpan<int> o0, ReadOnlySpan<int> o1, ReadOnlySpan<double> fc)
        {
            _pixels = pixels;
            _stride = stride;
            _cropX = cropX;
            _cropY = cropY;
            _cropH = cropH;
            _row = row;
            _o0 = o0;
            _o1 = o1;
            _fc = fc;

            // Columns whose two taps both lie in the padding interpolate 0 and 0 to +0: they are cleared, not computed.
            int pad = row.Length - 4;
            _first = 0;
            while (_first < o0.Length && o0[_first] == pad && o1[_first] == pad)
            {
                _first++;
            }

            _end = o0.Length;
            while (_end > _first && o0[_end - 1] == pad && o1[_end - 1] == pad)
            {
                _end--;
            }

            // Columns with both taps in the crop (the rest between _first and _end have one tap in the padding), and how
            // far past the crop row's first byte their four-byte reads go.
            _inFirst = _first;
            while (_inFirst < _end && (o0[_inFirst] == pad || o1[_inFirst] == pad))
            {
                _inFirst++;
            }

            _inEnd = _end;
            while (_inEnd > _inFirst && (o0[_inEnd - 1] == pad || o1[_inEnd - 1] == pad))
            {
                _inEnd--;
            }

            _reach = 0;
            for (int c = _first; c < _end; c++)
            {
                _reach = Math.Max(_reach, Math.Max(o0[c] == pad ? 0 : o0[c], o1[c] == pad ? 0 : o1[c]) + 4);
            }
        }

        /// <summary>
        /// Fills <paramref name="dst"/> (3 doubles per column, plus one of scratch) for crop row <paramref name="y"/>;
        /// zeros for a padding row.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Horizontal(int y, Span<double> dst)
        {
            if ((uint)y >= (uint)_cropH)
            {
                dst.Clear(); // tl = tr = 0 gives +0 exactly, as in the reference
                return;
            }

            int columns = _o0.Length;
            ref double o = ref MemoryMarshal.GetReference(dst);
            int start = ((_cropY + y) * _stride) + (_cropX * 3);
            if (UseRowsInPlace && _pixels.Length - start >= _reach)
            {
                // The crop row read where it lies in the image (every four-byte read inside the pixels): the columns with
                // a tap in the padding take zeros for it, as the copy's zero bytes gave them.
                ref byte p = ref Unsafe.Add(ref MemoryMarshal.GetReference(_pixels), start);
                Mixed(ref p, _first, _inFirst, ref o);
                Interpolate(ref p, _inFirst, _inEnd, ref o);
                Mixed(ref p, _inEnd, _end, ref o);
            }
            else
            {
                int srcLen = _row.Length - 4;
                _pixels.Slice(start, srcLen).CopyTo(_row);
                Interpolate(ref MemoryMarshal.GetReference(_row), _first, _end, ref o);
            }

            dst[..(_first * 3)].Clear();
            dst[(_end * 3)..((columns * 3) + 1)].Clear(); // the padding columns and the last step's spare lane
        }

        /// <summary>
        /// Columns <paramref name="from"/>..<paramref name="to"/>-1 from the row at <paramref name="s"/>: one pixel per
        /// step, its three channels (and one spare byte) widened to four doubles; the fourth lane lands on the next
        /// pixel's first element, which the next step overwrites (or on the scratch double).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Interpolate(ref byte s, int from, int to, ref double o)
        {
            ref int a = ref MemoryMarshal.GetReference(_o0);
            ref int b = ref MemoryMarshal.GetReference(_o1);
            ref double f = ref MemoryMarshal.GetReference(_fc);
            for (int c = from; c < to; c++)
            {
                Vector256<double> tl = Pixel4(ref Unsafe.Add(ref s, Unsafe.Add(ref a, c)));
                Vector256<double> tr = Pixel4(ref Unsafe.Add(ref s, Unsafe.Add(ref b, c)));
                (tl + ((tr - tl) * Vector256.Create(Unsafe.Add(ref f, c)))).StoreUnsafe(ref o, (nuint)(c * 3));
            }
        }

        /// <summary><see cref="Interpolate"/> for columns with a tap in the padding (zeros for it), read in place.</summary>
        private void Mixed(ref byte s, int from, int to, ref double o)
        {
            int pad = _row.Length - 4;
            for (int c = from; c < to; c++)
            {
                int a = _o0[c], b = _o1[c];
                Vector256<double> tl = a == pad ? Vector256<double>.Zero : Pixel4(ref Unsafe.Add(ref s, a));
                Vector256<double> tr = b == pad ? Vector256<double>.Zero : Pixel4(ref Unsafe.Add(ref s, b));
                (tl + ((tr - tl) * Vector256.Create(_fc[c]))).StoreUnsafe(ref o, (nuint)(c * 3));
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<double> Pixel4(ref byte p) =>
            Avx.ConvertToVector256Double(Sse41.ConvertToVector128Int32(Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<int>(ref p)).AsByte()));
    }

    /// <summary><c>(float)(top + (bot - top) * fr)</c>, then <c>(v - mean) / 255f</c> in float32.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Vertical(ReadOnlySpan<double> top, ReadOnlySpan<double> bot, double fr, ReadOnlySpan<float> mean, Span<float> dst)
    {
        ref double t = ref MemoryMarshal.GetReference(top);
        ref double b = ref MemoryMarshal.GetReference(bot);
        ref float m = ref MemoryMarshal.GetReference(mean);
        ref float d = ref MemoryMarshal.GetReference(dst);
        var frv = Vector256.Create(fr);
        var div = Vector256.Create(255f);
        int n = dst.Length;
        int e = 0;
        if (UseVertical512 && Vector512.IsHardwareAccelerated)
        {
            // The same operations per element, sixteen at a time.
            var frw = Vector512.Create(fr);
            var divw = Vector512.Create(255f);
            for (; e + 16 <= n; e += 16)
            {
                Vector512<double> t0 = Vector512.LoadUnsafe(ref t, (nuint)e);
                Vector512<double> t1 = Vector512.LoadUnsafe(ref t, (nuint)(e + 8));
                Vector512<double> v0 = t0 + ((Vector512.LoadUnsafe(ref b, (nuint)e) - t0) * frw);
                Vector512<double> v1 = t1 + ((Vector512.LoadUnsafe(ref b, (nuint)(e + 8)) - t1) * frw);
                Vector512<float> v = Vector512.Narrow(v0, v1);
                ((v - Vector512.LoadUnsafe(ref m, (nuint)e)) / divw).StoreUnsafe(ref d, (nuint)e);
            }
        }

        for (; e + 8 <= n; e += 8)
        {
            Vector256<double> t0 = Vector256.LoadUnsafe(ref t, (nuint)e);
            Vector256<double> t1 = Vector256.LoadUnsafe(ref t, (nuint)(e + 4));
            Vector256<double> v0 = t0 + ((Vector256.LoadUnsafe(ref b, (nuint)e) - t0) * frv);
            Vector256<double> v1 = t1 + ((Vector256.LoadUnsafe(ref b, (nuint)(e + 4)) - t1) * frv);
            Vector256<float> v = Vector256.Narrow(v0, v1);
            ((v - Vector256.LoadUnsafe(ref m, (nuint)e)) / div).StoreUnsafe(ref d, (nuint)e);
        }

        for (; e < n; e++)
        {
            double tv = Unsafe.Add(ref t, e);
            float v = (float)(tv + ((Unsafe.Add(ref b, e) - tv) * fr));
            Unsafe.Add(ref d, e) = (v - Unsafe.Add(ref m, e)) / 255f;
        }
    }

    private static int ColumnOffset(int x, int cropX, int cropW) => (uint)x < (uint)cropW ? (cropX + x) * 3 : -1;

    private static ReadOnlySpan<byte> SourceRow(ReadOnlySpan<byte> pixels, int stride, int y, int cropY, int cropH) =>
        (uint)y < (uint)cropH ? pixels.Slice((cropY + y) * stride, stride) : default;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static double Pixel(ReadOnlySpan<byte> row, int offset, int channel) =>
        offset < 0 || row.IsEmpty ? 0 : row[offset + channel];

    /// <summary>A pixel of the zero-padded square built around the crop.</summary>
    private readonly ref struct PaddedSource
    {
        private readonly ReadOnlySpan<byte> _pixels;
        private readonly int _stride;
        private readonly int _x0;
        private readonly int _y0;
        private readonly int _w;
        private readonly int _h;
        private readonly int _padTop;
        private readonly int _padLeft;

        public PaddedSource(ReadOnlySpan<byte> pixels, int stride, int x0, int y0, int w, int h, int padTop, int padLeft)
        {
            _pixels = pixels;
            _stride = stride;
            _x0 = x0;
            _y0 = y0;
            _w = w;
            _h = h;
            _padTop = padTop;
            _padLeft = padLeft;
        }

        public float Get(int row, int col, int channel)
        {
            int y = row - _padTop;
            int x = col - _padLeft;
            if ((uint)y >= (uint)_h || (uint)x >= (uint)_w)
            {
                return 0f;
            }

            return _pixels[((_y0 + y) * _stride) + ((_x0 + x) * 3) + channel];
        }
    }
}
