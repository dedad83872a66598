using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using SocialCard.Imaging.Processing.Fourier;
using SocialCard.Imaging.Processing.Luminance;

namespace SocialCard.Photos.Analysis;

/// <summary>
/// Power spectrum of a <see cref="Size"/> x <see cref="Size"/> luma crop centred on the face (mean removed, Hann
/// window), computed once and shared by the periodicity (recapture) and cepstrum (ghost) measures. The crop starts on
/// the 8-pixel JPEG block grid so block artefacts land on frequencies that are multiples of Size/8.
/// </summary>
public static class FaceSpectrum
{
    public const int Size = 128;

    /// <summary>Per-thread imaginary scratch grid (only the power, in the real grid, outlives a call).</summary>
    [ThreadStatic]
    private static float[]? s_im;

    /// <summary>
    /// Row-major power |F(u,v)|^2 (index v * Size + u, frequencies wrap), or null when the image is too small. The array
    /// is rented from <see cref="System.Buffers.ArrayPool{T}.Shared"/> (exactly Size * Size long); the owner returns it.
    /// </summary>
    public static float[]? Compute(LumaPlane luma, PixelRect zone, Fft fft)
    {
        int n = Size;
        if (fft.Size != n || luma.Width < n || luma.Height < n)
        {
            return null;
        }

        int x0 = Math.Clamp(((int)zone.CentreX - (n / 2)) & ~7, 0, (luma.Width - n) & ~7);
        int y0 = Math.Clamp(((int)zone.CentreY - (n / 2)) & ~7, 0, (luma.Height - n) & ~7);
        float[] re = System.Buffers.ArrayPool<float>.Shared.Rent(n * n);
        float[] im = s_im ??= new float[n * n];
        Array.Clear(im);
        long sum = 0;
        for (int y = 0; y < n; y++)
        {
            sum += Widen(luma.Row(y0 + y).Slice(x0, n), re.AsSpan(y * n, n));
        }

        // Mean removal and the window in one vectorised pass (element-wise, the same float operations in the same order
        // as subtracting, then multiplying by wy * wx).
        float mean = sum / (float)(n * n);
        Window.SubtractAndApplyHann(re.AsSpan(0, n * n), n, mean);
        // The power of the transposed result, transposed once (cheaper than transposing re and im back).
        fft.Transform2DTransposed(re, im, inverse: false);
        Power(re.AsSpan(0, n * n), im.AsSpan(0, n * n));

        Fft.Transpose(re, n);

        return re;
    }

    /// <summary>destination := source as floats (exact), and the sum of the bytes (Vector256 of 8 values per step, scalar tail).</summary>
    internal static long Widen(ReadOnlySpan<byte> source, Span<float> destination)
    {
        long sum = 0;
        int x = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref byte s0 = ref MemoryMarshal.GetReference(source);
            ref float d0 = ref MemoryMarshal.GetReference(destination);
            Vector256<int> sums = Vector256<int>.Zero;
            for (; x <= source.Length - 16; x += 16)
            {
                Vector128<byte> bytes = Vector128.LoadUnsafe(ref s0, (nuint)x);
                (Vector128<ushort> lo, Vector128<ushort> hi) = Vector128.Widen(bytes);
                Vector256<int> a = Vector256.WidenLower(lo.ToVector256Unsafe()).AsInt32();
                Vector256<int> b = Vector256.WidenLower(hi.ToVector256Unsafe()).AsInt32();
                sums += a + b;
                Vector256.ConvertToSingle(a).StoreUnsafe(ref d0, (nuint)x);
                Vector256.ConvertToSingle(b).StoreUnsafe(ref d0, (nuint)(x + 8));
            }

            sum = Vector256.Sum(sums);
        }

        for (; x < source.Length; x++)
        {
            destination[x] = source[x];
            sum += source[x];
        }

        return sum;
    }

    /// <summary>re := re^2 + im^2 element-wise (Vector256, scalar tail; no fused multiply-add, so exact to the scalar form).</summary>
    internal static void Power(Span<float> re, ReadOnlySpan<float> im)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref float r0 = ref MemoryMarshal.GetReference(re);
            ref float i0 = ref MemoryMarshal.GetReference(im);
            for (; i <= re.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                Vector256<float> r = Vector256.LoadUnsafe(ref r0, (nuint)i);
                Vector256<float> m = Vector256.LoadUnsafe(ref i0, (nuint)i);
                ((r * r) + (m * m)).StoreUnsafe(ref r0, (nuint)i);
            }
        }

        for (; i < re.Length; i++)
        {
            re[i] = (re[i] * re[i]) + (im[i] * im[i]);
        }
    }
}
