using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SocialCard.Photos.Analysis;

/// <summary>
/// In-place radix-2 complex FFT (iterative Cooley-Tukey) on split real/imaginary float arrays, and its 2-D form on a
/// square power-of-two grid (rows, then columns through a transpose so every pass runs on contiguous rows). Twiddles
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

    /// <summary>2-D transform of a Size x Size grid stored row-major (result in natural, not transposed, order).</summary>
    public void Transform2D(Span<float> re, Span<float> im, bool inverse)
    {
        int n = Size;
        if (re.Length < n * n || im.Length < n * n)
        {
            throw new ArgumentException("Grids shorter than Size x Size.");
        }

        for (int pass = 0; pass < 2; pass++)
        {
            for (int y = 0; y < n; y++)
            {
                Transform(re.Slice(y * n, n), im.Slice(y * n, n), inverse);
            }

            Transpose(re, n);
            Transpose(im, n);
        }
    }

    private static void Transpose(Span<float> grid, int n)
    {
        ref float g = ref MemoryMarshal.GetReference(grid);
        for (int y = 0; y < n; y++)
        {
            for (int x = y + 1; x < n; x++)
            {
                ref float a = ref Unsafe.Add(ref g, (y * n) + x);
                ref float b = ref Unsafe.Add(ref g, (x * n) + y);
                (a, b) = (b, a);
            }
        }
    }
}
