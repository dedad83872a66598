using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SocialCard.Faces.Kernels;

/// <summary>
/// Transposed convolution (tfjs <c>conv2dTranspose</c>, graph op <c>Conv2DBackpropInput</c>) over an NHWC tensor, filter
/// <c>[kh,kw,cout,cin]</c>, explicit top/left padding: output pixel (oy, ox) gathers every input pixel (iy, ix) and tap
/// (ky, kx) with <c>iy*s + ky - padTop = oy</c> (likewise for x), <c>y[oc] = sum x[ci] * f[ky,kx,oc,ci]</c>. The scalar
/// path is the readable reference; the vector path serves the non-overlapping case (kernel = stride, as in the
/// segmentation net's 2x2/2 head): each output is one dot product over the input channels, eight at a time, summed
/// across the eight lanes as <c>Vector256.Sum</c> does (<see cref="PerPixel"/>). For that head (one output channel, no
/// padding) <see cref="TwoByTwoToOne"/> computes the four outputs of an input pixel together and sums their lanes with
/// two horizontal adds: the same operations in the same order, bit-identical to <see cref="PerPixel"/> (test), without
/// the per-output index divisions and lane sums.
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

        if (UseVectors && Avx.IsSupported && k == 2 && stride == 2 && cout == 1 && (cin & 7) == 0 && padTop == 0 && padLeft == 0
            && outH == 2 * h && outW == 2 * w)
        {
            TwoByTwoToOne(x, h, w, cin, filter, y);
        }
        else if (UseVectors && k == stride && (cin & 7) == 0)
        {
            PerPixel(x, h, w, cin, filter, k, cout, padTop, padLeft, outH, outW, y);
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

    /// <summary>The 2x2/2 kernel with one output channel and no padding: input pixel (iy, ix) alone gives outputs
    /// (2iy + ky, 2ix + kx), one eight-lane FMA chain per tap over the input channels, the lanes of the four chains
    /// summed pairwise by two horizontal adds and a final add of the halves: ((l0 + l1) + (l2 + l3)) + ((l4 + l5) + (l6 + l7)),
    /// the order of <c>Vector256.Sum</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void TwoByTwoToOne(ReadOnlySpan<float> xs, int h, int w, int cin, ReadOnlySpan<float> fs, Span<float> ys)
    {
        ref float x = ref MemoryMarshal.GetReference(xs);
        ref float f = ref MemoryMarshal.GetReference(fs);
        ref float y = ref MemoryMarshal.GetReference(ys);
        int outW = 2 * w;
        for (int iy = 0; iy < h; iy++)
        {
            ref float top = ref Unsafe.Add(ref y, 2 * iy * outW);
            ref float bottom = ref Unsafe.Add(ref top, outW);
            ref float src = ref Unsafe.Add(ref x, iy * w * cin);
            for (int ix = 0; ix < w; ix++)
            {
                Vector256<float> q0 = Vector256<float>.Zero, q1 = Vector256<float>.Zero, q2 = Vector256<float>.Zero, q3 = Vector256<float>.Zero;
                for (int ci = 0; ci < cin; ci += 8)
                {
                    Vector256<float> v = Vector256.LoadUnsafe(ref src, (nuint)ci);
                    q0 = Vector256.FusedMultiplyAdd(v, Vector256.LoadUnsafe(ref f, (nuint)ci), q0);
                    q1 = Vector256.FusedMultiplyAdd(v, Vector256.LoadUnsafe(ref f, (nuint)(cin + ci)), q1);
                    q2 = Vector256.FusedMultiplyAdd(v, Vector256.LoadUnsafe(ref f, (nuint)((2 * cin) + ci)), q2);
                    q3 = Vector256.FusedMultiplyAdd(v, Vector256.LoadUnsafe(ref f, (nuint)((3 * cin) + ci)), q3);
                }

                Vector256<float> pairs = Avx.HorizontalAdd(Avx.HorizontalAdd(q0, q1), Avx.HorizontalAdd(q2, q3));
                Vector128<double> sums = (pairs.GetLower() + pairs.GetUpper()).AsDouble(); // taps (0,0) (0,1) | (1,0) (1,1)
                Unsafe.WriteUnaligned(ref Unsafe.As<float, byte>(ref Unsafe.Add(ref top, 2 * ix)), sums.ToScalar());
                Unsafe.WriteUnaligned(ref Unsafe.As<float, byte>(ref Unsafe.Add(ref bottom, 2 * ix)), sums.GetElement(1));
                src = ref Unsafe.Add(ref src, cin);
            }
        }
    }

    /// <summary>The non-overlapping case (kernel = stride), one output value at a time: a dot product over the input
    /// channels, eight at a time, and <c>Vector256.Sum</c> of the lanes.</summary>
    internal static void PerPixel(
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
