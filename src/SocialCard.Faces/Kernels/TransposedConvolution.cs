using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SocialCard.Faces.Kernels;

/// <summary>
/// Transposed convolution (tfjs <c>conv2dTranspose</c>, graph op <c>Conv2DBackpropInput</c>) over an NHWC tensor, filter
/// <c>[kh,kw,cout,cin]</c>, explicit top/left padding: output pixel (oy, ox) gathers every input pixel (iy, ix) and tap
/// (ky, kx) with <c>iy*s + ky - padTop = oy</c> (likewise for x), <c>y[oc] = sum x[ci] * f[ky,kx,oc,ci]</c>. The scalar
/// path is the readable reference; the vector path serves the non-overlapping case (kernel = stride, as in the
/// segmentation net's 2x2/2 head): each output is one dot product over the input channels, eight at a time.
/// </summary>
internal static class TransposedConvolution
{
    internal static bool UseVectors { get; set; } = Vector256.IsHardwareAccelerated;

    public static void Run(
        ReadOnlySpan<float> x, int h, int w, int cin, ReadOnlySpan<float> filter, int k, int cout, int stride,
        int padTop, int padLeft, int outH, int outW, Span<float> y)
    {
        if (x.Length < h * w * cin || filter.Length < k * k * cout * cin || y.Length < outH * outW * cout)
        {
            throw new ArgumentException("Transposed convolution operand sizes do not match.");
        }

        if (UseVectors && k == stride && (cin & 7) == 0)
        {
            NonOverlapping(x, h, w, cin, filter, k, cout, padTop, padLeft, outH, outW, y);
        }
        else
        {
            Scalar(x, h, w, cin, filter, k, cout, stride, padTop, padLeft, outH, outW, y);
        }
    }

    internal static void Scalar(
        ReadOnlySpan<float> x, int h, int w, int cin, ReadOnlySpan<float> filter, int k, int cout, int stride,
        int padTop, int padLeft, int outH, int outW, Span<float> y)
    {
        for (int oy = 0; oy < outH; oy++)
        {
            for (int ox = 0; ox < outW; ox++)
            {
                for (int oc = 0; oc < cout; oc++)
                {
                    float sum = 0f;
                    for (int ky = 0; ky < k; ky++)
                    {
                        int ty = oy + padTop - ky;
                        if (ty < 0 || ty % stride != 0 || ty / stride >= h)
                        {
                            continue;
                        }

                        for (int kx = 0; kx < k; kx++)
                        {
                            int tx = ox + padLeft - kx;
                            if (tx < 0 || tx % stride != 0 || tx / stride >= w)
                            {
                                continue;
                            }

                            ReadOnlySpan<float> src = x.Slice((((ty / stride) * w) + (tx / stride)) * cin, cin);
                            ReadOnlySpan<float> f = filter.Slice(((((ky * k) + kx) * cout) + oc) * cin, cin);
                            for (int ci = 0; ci < cin; ci++)
                            {
                                sum = MathF.FusedMultiplyAdd(src[ci], f[ci], sum);
                            }
                        }
                    }

                    y[(((oy * outW) + ox) * cout) + oc] = sum;
                }
            }
        }
    }

    private static void NonOverlapping(
        ReadOnlySpan<float> xs, int h, int w, int cin, ReadOnlySpan<float> fs, int k, int cout,
        int padTop, int padLeft, int outH, int outW, Span<float> y)
    {
        ref float x = ref MemoryMarshal.GetReference(xs);
        ref float f = ref MemoryMarshal.GetReference(fs);
        for (int oy = 0; oy < outH; oy++)
        {
            int ty = oy + padTop;
            int iy = ty / k;
            int ky = ty - (iy * k);
            for (int ox = 0; ox < outW; ox++)
            {
                int tx = ox + padLeft;
                int ix = tx / k;
                int kx = tx - (ix * k);
                int o = ((oy * outW) + ox) * cout;
                if (iy >= h || ix >= w)
                {
                    y.Slice(o, cout).Clear();
                    continue;
                }

                nuint src = (nuint)(((iy * w) + ix) * cin);
                for (int oc = 0; oc < cout; oc++)
                {
                    nuint tap = (nuint)(((((ky * k) + kx) * cout) + oc) * cin);
                    Vector256<float> acc = Vector256<float>.Zero;
                    for (int ci = 0; ci < cin; ci += 8)
                    {
                        acc = Vector256.FusedMultiplyAdd(
                            Vector256.LoadUnsafe(ref x, src + (nuint)ci), Vector256.LoadUnsafe(ref f, tap + (nuint)ci), acc);
                    }

                    y[o + oc] = Vector256.Sum(acc);
                }
            }
        }
    }
}
