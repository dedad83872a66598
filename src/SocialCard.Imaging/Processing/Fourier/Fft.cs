using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SocialCard.Imaging.Processing.Fourier;

/// <summary>
/// In-place radix-2 complex FFT (iterative Cooley-Tukey) on split real/imaginary float arrays, and its 2-D form on a
/// square power-of-two grid (all columns at once on whole rows, vectorised, then each row). Twiddles
/// are tabled per size; an instance holds no per-call state and may be shared.
/// </summary>
public sealed class Fft
{
    private readonly float[] _cos;
    private readonly float[] _sin;
    private readonly int[] _bitReverse;

    public Fft(int size)
    {
        if (size < 2 || !BitOperations.IsPow2(size))
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "FFT size must be a power of two >= 2.");
        }

        Size = size;
        _cos = new float[size / 2];
        _sin = new float[size / 2];
        for (int i = 0; i < size / 2; i++)
        {
            double angle = -2.0 * Math.PI * i / size;
            _cos[i] = (float)Math.Cos(angle);
            _sin[i] = (float)Math.Sin(angle);
        }

        int bits = BitOperations.Log2((uint)size);
        _bitReverse = new int[size];
        for (int i = 0; i < size; i++)
        {
            int r = 0;
            for (int b = 0; b < bits; b++)
            {
                r |= ((i >> b) & 1) << (bits - 1 - b);
            }

            _bitReverse[i] = r;
        }
    }

    public int Size { get; }

    /// <summary>Forward (inverse = false, e^-i) or unscaled inverse (e^+i) transform of one length-Size sequence.</summary>
    public void Transform(Span<float> re, Span<float> im, bool inverse)
    {
        int n = Size;
        if (re.Length < n || im.Length < n)
        {
            throw new ArgumentException("Spans shorter than the FFT size.");
        }

        ref float r0 = ref MemoryMarshal.GetReference(re);
        ref float i0 = ref MemoryMarshal.GetReference(im);
        for (int i = 0; i < n; i++)
        {
            int j = _bitReverse[i];
            if (j > i)
            {
                (Unsafe.Add(ref r0, i), Unsafe.Add(ref r0, j)) = (Unsafe.Add(ref r0, j), Unsafe.Add(ref r0, i));
                (Unsafe.Add(ref i0, i), Unsafe.Add(ref i0, j)) = (Unsafe.Add(ref i0, j), Unsafe.Add(ref i0, i));
            }
        }

        float sign = inverse ? -1f : 1f;
        ref float c0 = ref MemoryMarshal.GetArrayDataReference(_cos);
        ref float s0 = ref MemoryMarshal.GetArrayDataReference(_sin);
        for (int len = 2; len <= n; len <<= 1)
        {
            int half = len >> 1;
            int step = n / len;
            for (int k = 0; k < half; k++)
            {
                float wr = Unsafe.Add(ref c0, k * step);
                float wi = sign * Unsafe.Add(ref s0, k * step);
                for (int a = k; a < n; a += len)
                {
                    int b = a + half;
                    ref float ra = ref Unsafe.Add(ref r0, a);
                    ref float ia = ref Unsafe.Add(ref i0, a);
                    ref float rb = ref Unsafe.Add(ref r0, b);
                    ref float ib = ref Unsafe.Add(ref i0, b);
                    float tr = (rb * wr) - (ib * wi);
                    float ti = (rb * wi) + (ib * wr);
                    rb = ra - tr;
                    ib = ia - ti;
                    ra += tr;
                    ia += ti;
                }
            }
        }
    }

    /// <summary>
    /// 2-D transform of a Size x Size grid stored row-major, in natural order: the 1-D transform down every column at
    /// once with whole rows as the butterfly operands (Vector256 over x, scalar tail), a transpose, the same column pass
    /// (now along the original rows), and a transpose back. Every element goes through the same butterflies as in a
    /// row-by-row transform (<see cref="Transform"/>), so the result is bit-identical to columns-then-rows.
    /// </summary>
    public void Transform2D(Span<float> re, Span<float> im, bool inverse)
    {
        Transform2DTransposed(re, im, inverse);
        Transpose(re, Size);
        Transpose(im, Size);
    }

    /// <summary>
    /// As <see cref="Transform2D"/> without the final transpose: the result is stored transposed (frequency (u, v) at
    /// index u * Size + v), for callers that read a few bins or transpose a derived grid themselves.
    /// </summary>
    public void Transform2DTransposed(Span<float> re, Span<float> im, bool inverse)
    {
        int n = Size;
        if (re.Length < n * n || im.Length < n * n)
        {
            throw new ArgumentException("Grids shorter than Size x Size.");
        }

        TransformColumns(re, im, inverse);
        Transpose(re, n);
        Transpose(im, n);
        TransformColumns(re, im, inverse);
    }

    /// <summary>The reference 2-D transform: the column pass, then <see cref="Transform"/> on each row (scalar).</summary>
    internal void Transform2DByRows(Span<float> re, Span<float> im, bool inverse)
    {
        int n = Size;
        if (re.Length < n * n || im.Length < n * n)
        {
            throw new ArgumentException("Grids shorter than Size x Size.");
        }

        TransformColumns(re, im, inverse);
        for (int y = 0; y < n; y++)
        {
            Transform(re.Slice(y * n, n), im.Slice(y * n, n), inverse);
        }
    }

    /// <summary>
    /// In-place transpose of an n x n row-major grid: 8 x 8 tiles in AVX registers (unpack, shuffle, lane permute) when
    /// n is a multiple of 8 and AVX is available, else <see cref="TransposeScalar"/>. Pure moves, so both are exact.
    /// </summary>
    public static void Transpose(Span<float> grid, int n)
    {
        if (grid.Length < n * n)
        {
            throw new ArgumentException("Grid shorter than n x n.", nameof(grid));
        }

        if (Avx.IsSupported && n % 8 == 0)
        {
            TransposeAvx(grid, n);
        }
        else
        {
            TransposeScalar(grid, n);
        }
    }

    /// <summary>The reference transpose, in 8 x 8 tiles (both tiles of a pair stay in cache).</summary>
    internal static void TransposeScalar(Span<float> grid, int n)
    {
        const int Tile = 8;
        ref float g0 = ref MemoryMarshal.GetReference(grid);
        for (int ty = 0; ty < n; ty += Tile)
        {
            int yEnd = Math.Min(n, ty + Tile);
            for (int tx = ty; tx < n; tx += Tile)
            {
                int xEnd = Math.Min(n, tx + Tile);
                for (int y = ty; y < yEnd; y++)
                {
                    for (int x = tx == ty ? y + 1 : tx; x < xEnd; x++)
                    {
                        ref float a = ref Unsafe.Add(ref g0, (y * n) + x);
                        ref float b = ref Unsafe.Add(ref g0, (x * n) + y);
                        (a, b) = (b, a);
                    }
                }
            }
        }
    }

    /// <summary>8 x 8 tiles: each off-diagonal pair is loaded, transposed in registers and stored crosswise.</summary>
    internal static void TransposeAvx(Span<float> grid, int n)
    {
        if (!Avx.IsSupported || n % 8 != 0 || grid.Length < n * n)
        {
            throw new NotSupportedException("AVX and a size that is a multiple of 8 are required.");
        }

        ref float g0 = ref MemoryMarshal.GetReference(grid);
        for (int ty = 0; ty < n; ty += 8)
        {
            for (int tx = ty; tx < n; tx += 8)
            {
                ref float a = ref Unsafe.Add(ref g0, (ty * n) + tx);
                ref float b = ref Unsafe.Add(ref g0, (tx * n) + ty);
                Tile8 ta = Tile8.Load(ref a, n).Transposed();
                if (tx == ty)
                {
                    ta.Store(ref a, n);
                    continue;
                }

                Tile8 tb = Tile8.Load(ref b, n).Transposed();
                ta.Store(ref b, n);
                tb.Store(ref a, n);
            }
        }
    }

    /// <summary>The 1-D transform of every column at once: bit-reversed row order, then radix-2 stages on whole rows.</summary>
    private void TransformColumns(Span<float> re, Span<float> im, bool inverse)
    {
        int n = Size;
        for (int i = 0; i < n; i++)
        {
            int j = _bitReverse[i];
            if (j > i)
            {
                SwapRows(re, i, j, n);
                SwapRows(im, i, j, n);
            }
        }

        float sign = inverse ? -1f : 1f;
        for (int len = 2; len <= n; len <<= 1)
        {
            int half = len >> 1;
            int step = n / len;
            for (int k = 0; k < half; k++)
            {
                float wr = _cos[k * step];
                float wi = sign * _sin[k * step];
                for (int a = k; a < n; a += len)
                {
                    int b = a + half;
                    Butterfly(re.Slice(a * n, n), im.Slice(a * n, n), re.Slice(b * n, n), im.Slice(b * n, n), wr, wi);
                }
            }
        }
    }

    /// <summary>(a, b) := (a + w b, a - w b) element-wise on split complex rows.</summary>
    private static void Butterfly(Span<float> ra, Span<float> ia, Span<float> rb, Span<float> ib, float wr, float wi)
    {
        int x = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var vwr = Vector256.Create(wr);
            var vwi = Vector256.Create(wi);
            ref float ra0 = ref MemoryMarshal.GetReference(ra);
            ref float ia0 = ref MemoryMarshal.GetReference(ia);
            ref float rb0 = ref MemoryMarshal.GetReference(rb);
            ref float ib0 = ref MemoryMarshal.GetReference(ib);
            for (; x <= ra.Length - Vector256<float>.Count; x += Vector256<float>.Count)
            {
                Vector256<float> vra = Vector256.LoadUnsafe(ref ra0, (nuint)x);
                Vector256<float> via = Vector256.LoadUnsafe(ref ia0, (nuint)x);
                Vector256<float> vrb = Vector256.LoadUnsafe(ref rb0, (nuint)x);
                Vector256<float> vib = Vector256.LoadUnsafe(ref ib0, (nuint)x);
                Vector256<float> tr = (vrb * vwr) - (vib * vwi);
                Vector256<float> ti = (vrb * vwi) + (vib * vwr);
                (vra - tr).StoreUnsafe(ref rb0, (nuint)x);
                (via - ti).StoreUnsafe(ref ib0, (nuint)x);
                (vra + tr).StoreUnsafe(ref ra0, (nuint)x);
                (via + ti).StoreUnsafe(ref ia0, (nuint)x);
            }
        }

        for (; x < ra.Length; x++)
        {
            float tr = (rb[x] * wr) - (ib[x] * wi);
            float ti = (rb[x] * wi) + (ib[x] * wr);
            rb[x] = ra[x] - tr;
            ib[x] = ia[x] - ti;
            ra[x] += tr;
            ia[x] += ti;
        }
    }

    private static void SwapRows(Span<float> grid, int i, int j, int n)
    {
        Span<float> a = grid.Slice(i * n, n);
        Span<float> b = grid.Slice(j * n, n);
        Span<float> tmp = stackalloc float[n <= 1024 ? n : 0];
        if (tmp.Length == n)
        {
            a.CopyTo(tmp);
            b.CopyTo(a);
            tmp.CopyTo(b);
            return;
        }

        for (int x = 0; x < n; x++)
        {
            (a[x], b[x]) = (b[x], a[x]);
        }
    }

    /// <summary>Eight rows of eight floats in AVX registers, for the tiled transpose of <see cref="Fft"/>.</summary>
    private readonly struct Tile8
    {
        private readonly Vector256<float> _r0, _r1, _r2, _r3, _r4, _r5, _r6, _r7;

        private Tile8(Vector256<float> r0, Vector256<float> r1, Vector256<float> r2, Vector256<float> r3, Vector256<float> r4, Vector256<float> r5, Vector256<float> r6, Vector256<float> r7)
        {
            (_r0, _r1, _r2, _r3, _r4, _r5, _r6, _r7) = (r0, r1, r2, r3, r4, r5, r6, r7);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Tile8 Load(ref float origin, int stride) => new(
            Vector256.LoadUnsafe(ref origin),
            Vector256.LoadUnsafe(ref Unsafe.Add(ref origin, stride)),
            Vector256.LoadUnsafe(ref Unsafe.Add(ref origin, 2 * stride)),
            Vector256.LoadUnsafe(ref Unsafe.Add(ref origin, 3 * stride)),
            Vector256.LoadUnsafe(ref Unsafe.Add(ref origin, 4 * stride)),
            Vector256.LoadUnsafe(ref Unsafe.Add(ref origin, 5 * stride)),
            Vector256.LoadUnsafe(ref Unsafe.Add(ref origin, 6 * stride)),
            Vector256.LoadUnsafe(ref Unsafe.Add(ref origin, 7 * stride)));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Store(ref float origin, int stride)
        {
            _r0.StoreUnsafe(ref origin);
            _r1.StoreUnsafe(ref Unsafe.Add(ref origin, stride));
            _r2.StoreUnsafe(ref Unsafe.Add(ref origin, 2 * stride));
            _r3.StoreUnsafe(ref Unsafe.Add(ref origin, 3 * stride));
            _r4.StoreUnsafe(ref Unsafe.Add(ref origin, 4 * stride));
            _r5.StoreUnsafe(ref Unsafe.Add(ref origin, 5 * stride));
            _r6.StoreUnsafe(ref Unsafe.Add(ref origin, 6 * stride));
            _r7.StoreUnsafe(ref Unsafe.Add(ref origin, 7 * stride));
        }

        /// <summary>The standard AVX 8 x 8 transpose: unpack pairs of rows, shuffle pairs of pairs, swap 128-bit halves.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Tile8 Transposed()
        {
            Vector256<float> t0 = Avx.UnpackLow(_r0, _r1), t1 = Avx.UnpackHigh(_r0, _r1);
            Vector256<float> t2 = Avx.UnpackLow(_r2, _r3), t3 = Avx.UnpackHigh(_r2, _r3);
            Vector256<float> t4 = Avx.UnpackLow(_r4, _r5), t5 = Avx.UnpackHigh(_r4, _r5);
            Vector256<float> t6 = Avx.UnpackLow(_r6, _r7), t7 = Avx.UnpackHigh(_r6, _r7);
            Vector256<float> s0 = Avx.Shuffle(t0, t2, 0x44), s1 = Avx.Shuffle(t0, t2, 0xEE);
            Vector256<float> s2 = Avx.Shuffle(t1, t3, 0x44), s3 = Avx.Shuffle(t1, t3, 0xEE);
            Vector256<float> s4 = Avx.Shuffle(t4, t6, 0x44), s5 = Avx.Shuffle(t4, t6, 0xEE);
            Vector256<float> s6 = Avx.Shuffle(t5, t7, 0x44), s7 = Avx.Shuffle(t5, t7, 0xEE);
            return new Tile8(
                Avx.Permute2x128(s0, s4, 0x20),
                Avx.Permute2x128(s1, s5, 0x20),
                Avx.Permute2x128(s2, s6, 0x20),
                Avx.Permute2x128(s3, s7, 0x20),
                Avx.Permute2x128(s0, s4, 0x31),
                Avx.Permute2x128(s1, s5, 0x31),
                Avx.Permute2x128(s2, s6, 0x31),
                Avx.Permute2x128(s3, s7, 0x31));
        }
    }
}
