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
