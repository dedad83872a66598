using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SocialCard.Faces.Kernels;

/// <summary>
/// tfjs <c>resizeBilinear</c> of an NHWC float tensor, computed in double and stored as float32 like the cpu backend:
/// ratio = in/out (alignCorners: (in-1)/(out-1)); src = ratio*(o+0.5)-0.5 with halfPixelCenters, else ratio*o;
/// r0 = max(0, floor(src)); r1 = min(in-1, ceil(src)); f = src - r0; top = TL+(TR-TL)*fc; bot = BL+(BR-BL)*fc;
/// v = top+(bot-top)*fr. The vector path runs four channels at a time in doubles, the same operations in the same
/// order (bit-identical).
/// </summary>
internal static class BilinearResize
{
    internal static bool UseVectors { get; set; } = Vector256.IsHardwareAccelerated;

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

        bool vector = UseVectors && (c & 3) == 0;
        for (int oy = 0; oy < outH; oy++)
        {
            (int r0, int r1, double fr) = Source(oy, h, outH, alignCorners, halfPixelCenters);
            for (int ox = 0; ox < outW; ox++)
            {
                int tl = ((r0 * w) + c0s[ox]) * c, tr = ((r0 * w) + c1s[ox]) * c;
                int bl = ((r1 * w) + c0s[ox]) * c, br = ((r1 * w) + c1s[ox]) * c;
                Span<float> dst = y.Slice(((oy * outW) + ox) * c, c);
                if (vector)
                {
                    Pixel4(x, tl, tr, bl, br, cfs[ox], fr, dst);
                }
                else
                {
                    Pixel1(x, tl, tr, bl, br, cfs[ox], fr, dst);
                }
            }
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

    private static void Pixel4(ReadOnlySpan<float> xs, int tl, int tr, int bl, int br, double fc, double fr, Span<float> dst)
    {
        ref float x = ref MemoryMarshal.GetReference(xs);
        ref float d = ref MemoryMarshal.GetReference(dst);
        Vector256<double> vfc = Vector256.Create(fc), vfr = Vector256.Create(fr);
        for (int ch = 0; ch < dst.Length; ch += 4)
        {
            Vector256<double> a = Widen(ref x, tl + ch), b = Widen(ref x, tr + ch);
            Vector256<double> e = Widen(ref x, bl + ch), g = Widen(ref x, br + ch);
            Vector256<double> top = a + ((b - a) * vfc);
            Vector256<double> bot = e + ((g - e) * vfc);
            Vector128<float> v = Vector256.Narrow(top + ((bot - top) * vfr), Vector256<double>.Zero).GetLower();
            v.StoreUnsafe(ref d, (nuint)ch);
        }
    }

    private static Vector256<double> Widen(ref float x, int offset) =>
        Vector256.WidenLower(Vector256.Create(Vector128.LoadUnsafe(ref x, (nuint)offset), Vector128<float>.Zero));
}
