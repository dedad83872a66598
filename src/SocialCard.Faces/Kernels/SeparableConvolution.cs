using System.Runtime.InteropServices;

namespace SocialCard.Faces.Kernels;

/// <summary>
/// tfjs <c>separableConv2d(x, depthwise, pointwise, stride, 'same')</c> + bias + activation: depthwise 3x3 into a
/// scratch tensor, then the pointwise <see cref="Gemm"/> with the bias and activation fused.
/// <c>same</c>: out = ceil(in/s), padTotal = max((out-1)s + 3 - in, 0), padBefore = floor(padTotal/2).
/// </summary>
internal static class SeparableConvolution
{
    public static int OutSize(int size, int stride) => (size + stride - 1) / stride;

    public static int PadBefore(int size, int stride) => Math.Max(((OutSize(size, stride) - 1) * stride) + 3 - size, 0) / 2;

    /// <summary><paramref name="pointwisePanels"/>: <paramref name="pointwise"/> as <see cref="Gemm.Panels"/>, or empty.</summary>
    public static void Run(
        ReadOnlySpan<float> x, int h, int w, int cin, ReadOnlySpan<float> depthwise, ReadOnlySpan<float> pointwise,
        ReadOnlySpan<float> pointwisePanels, ReadOnlySpan<float> bias, int cout, int stride, Span<float> dwScratch, Span<float> y,
        Activation act)
    {
        int outH = OutSize(h, stride);
        int outW = OutSize(w, stride);
        Span<float> dw = dwScratch[..(outH * outW * cin)];
        Depthwise.Conv3x3(x, h, w, cin, depthwise, stride, PadBefore(h, stride), PadBefore(w, stride), outH, outW, dw);
        Gemm.Run(dw, outH * outW, cin, pointwise, pointwisePanels, cout, bias, y, act);
    }

    /// <summary>Set false (tests, benchmarks) to compute every column of <see cref="RunOverUniformColumns"/> instead of
    /// one per row over its input's uniform run and copies of it.</summary>
    internal static bool UseUniformColumns { get; set; } = true;

    /// <summary>
    /// <see cref="Run"/> at stride 1 over an input whose columns <paramref name="uniformFrom"/>..<paramref name="uniformTo"/>-1
    /// hold, in each row, that row's one value per channel (<see cref="Conv2d.UniformRunInRows"/>): the output columns
    /// whose windows lie inside that run (uniformFrom+1..uniformTo-2) then hold one value per row too; the depthwise and
    /// pointwise halves compute the first of them and the rest are its copies, the same bits as computing each.
    /// </summary>
    public static void RunOverUniformColumns(
        ReadOnlySpan<float> x, int h, int w, int cin, ReadOnlySpan<float> depthwise, ReadOnlySpan<float> pointwise,
        ReadOnlySpan<float> pointwisePanels, ReadOnlySpan<float> bias, int cout, Span<float> dwScratch, Span<float> y,
        Activation act, int uniformFrom, int uniformTo)
    {
        int keep = uniformFrom + 2, copiesEnd = uniformTo - 1; // columns keep..copiesEnd-1 are copies of column keep-1
        if (!UseUniformColumns || uniformFrom < 0 || uniformTo > w || copiesEnd <= keep || (cout & 7) != 0)
        {
            Run(x, h, w, cin, depthwise, pointwise, pointwisePanels, bias, cout, 1, dwScratch, y, act);
            return;
        }

        // One or two copies more are computed where that makes each run of the pointwise half below (a row's columns after
        // the copies and the next row's before them) whole six-pixel blocks of the GEMM instead of four or five pixels
        // after them one at a time (kernel-ab: four more at 160 cost more than the two pixels they spare).
        int more = (6 - ((keep + w - copiesEnd) % 6)) % 6;
        keep = more <= 2 ? Math.Min(copiesEnd, keep + more) : keep;
        Span<float> dw = dwScratch[..(h * w * cin)];
        Depthwise.Conv3x3(x, h, w, cin, depthwise, 1, PadBefore(h, 1), PadBefore(w, 1), h, w, dw, keep, copiesEnd);

        // The pointwise half over the pixels from a row's last copy to the next row's first: one run of pixels each.
        int start = 0;
        for (int r = 0; r <= h; r++)
        {
            int end = r < h ? (r * w) + keep : h * w;
            Gemm.Run(dw[(start * cin)..(end * cin)], end - start, cin, pointwise, pointwisePanels, cout, bias, y[(start * cout)..(end * cout)], act);
            if (r < h)
            {
                Conv2d.RepeatPixel(ref MemoryMarshal.GetReference(y[(r * w * cout)..]), keep - 1, keep, copiesEnd, cout);
            }

            start = (r * w) + copiesEnd;
        }
    }

    /// <summary>
    /// A dense block's stride-1 separable conv (no activation) into <paramref name="y"/> followed by its skip sum
    /// <see cref="Elementwise.SkipSum"/>(<paramref name="o1"/>, <paramref name="o2"/>, <paramref name="o3"/>, y,
    /// <paramref name="sum"/>, <paramref name="terms"/>), the sum taken in the GEMM's stores where it can
    /// (<see cref="Gemm.RunSkipSum"/>).
    /// </summary>
    public static void RunSkipSum(
        ReadOnlySpan<float> x, int h, int w, int cin, ReadOnlySpan<float> depthwise, ReadOnlySpan<float> pointwise,
        ReadOnlySpan<float> pointwisePanels, ReadOnlySpan<float> bias, int cout, Span<float> dwScratch, Span<float> y,
        ReadOnlySpan<float> o1, ReadOnlySpan<float> o2, ReadOnlySpan<float> o3, Span<float> sum, int terms)
    {
        Span<float> dw = dwScratch[..(h * w * cin)];
        Depthwise.Conv3x3(x, h, w, cin, depthwise, 1, PadBefore(h, 1), PadBefore(w, 1), h, w, dw);
        Gemm.RunSkipSum(dw, h * w, cin, pointwise, pointwisePanels, cout, bias, y, o1, o2, o3, sum, terms);
    }
}
