using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SocialCard.Photos.Analysis;

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
    /// once with whole rows as the butterfly operands (Vector256 over x, scalar tail), then along each contiguous row;
    /// no transposes.
    /// </summary>
    public void Transform2D(Span<float> re, Span<float> im, bool inverse)
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
}
