using SocialCard.Faces.Models.TinyFaceDetector;

namespace SocialCard.Faces.Kernels;

/// <summary>
/// The switches between a faster kernel path and the one it replaced, by name, for the tests that compare the two bit
/// for bit and the benchmark that times one against the other. Every path is on by default.
/// </summary>
internal static class KernelPaths
{
    /// <summary>Every switch: the pointwise weights from panels packed at load or row-major; 16-column 1x1 layers in
    /// 512-bit eight-row blocks or not; the detector's first layer pooled in bands or whole; a 3x3 row's last windows in
    /// eight-pixel blocks or four-pixel ones and single pixels; stride-1 depthwise two rows at a time or one; the global
    /// average pool sixteen channels at a time or one; an input's crop rows read where they lie in the image or copied
    /// out first; a depthwise layer's top and bottom rows a row at a time or a window at a time (and
    /// its windows cut by the border sixteen channels at a time or eight); a GEMM's columns after the 512-bit panels (and
    /// layers of 8-31 columns) eight rows at a time or four; depthwise layers of 8k but not 16k channels in the row kernels
    /// (their last eight channels in 256-bit registers) or four windows at a time; the 256-bit GEMM (no AVX-512) six rows at a
    /// time or four; depthwise layers (no AVX-512) in 256-bit row kernels or four windows at a time; a 3x3 row's last
    /// full windows (no AVX-512) in one more four-pixel block or single pixels; 3x3
    /// convolutions (no AVX-512) six pixels at a time or four, those six pixels from one ref each or one ref per tap; a
    /// bilinear upsampling's output rows between the same source rows blended in one pass or one pass each; the 256-bit
    /// GEMM's six-row blocks compiled per activation or testing it per accumulator, their k loop four steps per pass or one; the same
    /// for the 3x3 convolutions' six-pixel blocks (a kernel row's inputs three per pass or one); the four or five rows after the last six-row block
    /// of a GEMM whose weights exceed L1 in one more six-row block or one at a time;
    /// stride-1 depthwise row
    /// pairs (no AVX-512) two adjacent windows per step or one; stride-2 depthwise rows (no AVX-512) two adjacent windows per
    /// step, their shared column loaded once, or one; a depthwise window cut by the border (no AVX-512) 32 channels at a time
    /// in four chains or eight in one; the 2x2 max pools' maxima (AVX) as two
    /// vmaxps and an AND, NaN checked, or through Vector256.Max; the hard-swish's clamp (AVX) as vmaxps and vminps or
    /// through Vector256.Max and Min; a KxK depthwise layer's inner windows four at a time or one; wide stride-1 depthwise row pairs (no AVX-512) in
    /// stretches of 64 windows through every channel group or whole rows per group; a 3x3 convolution's windows in an
    /// input's uniform right columns computed once per row and copied, or each computed; a dense block's skip sums (no
    /// AVX-512) in the pointwise GEMM's six-row stores or as their own pass; a dense block's output over its last input or
    /// to a tensor of its own; the 512-bit GEMM's eight-row blocks compiled per activation or testing it per accumulator,
    /// their k loop two steps per pass or one, and a dense block's skip sums (AVX-512) in their stores or as their own
    /// pass; the 512-bit stride-1 depthwise row pairs two adjacent windows per step or one, in stretches of 64 windows through every channel group or whole rows per group; stride-2 depthwise rows in 512-bit registers
    /// two adjacent windows per step, their shared column loaded once, or one; the 2x2 max pools of 16k channels (AVX-512)
    /// sixteen channels at a time or eight; an input row's blend of two source rows (AVX-512) sixteen elements at a time or
    /// eight; the 512-bit 3x3 convolution blocks' pixels from four refs and three offsets in registers or a multiply per
    /// pixel and tap.</summary>
    public static readonly string[] Names = ["panels", "narrow512", "pool-bands", "conv-eight", "dw-pairs", "average", "rows-in-place", "dw-edges", "narrow-columns", "dw-tail8", "gemm-six-rows", "dw-rows256", "conv-last-four", "conv-six", "conv-six-refs", "resize-pairs", "gemm-typed", "gemm-unroll", "conv-typed", "conv-unroll", "gemm-last-six", "dw-two-pixels", "dw-stride2-pairs", "dw-border-chains", "pool-max-pairs", "hardswish-clamp", "dw-kxk-four", "dw-stretches", "conv-uniform", "gemm-skip-sums", "dense-one-buffer", "gemm512-typed", "gemm512-unroll", "gemm512-skip-sums", "dw512-two-pixels", "dw512-stretches", "dw512-stride2-pairs", "pool512", "input512", "conv512-refs"];

    /// <summary>Sets the switch <paramref name="name"/> (one of <see cref="Names"/>, or "all" for every one).</summary>
    public static Action<bool> Switch(string name) => name switch
    {
        "panels" => on => Gemm.UsePanels = on,
        "narrow512" => on => Gemm.UseNarrow512 = on,
        "pool-bands" => on => TinyFaceDetectorRunner.PoolInBands = on,
        "conv-eight" => on => Conv2d.UseEightPixelBlocks = on,
        "dw-pairs" => on => Depthwise.UseRowPairs = on,
        "average" => on => Pooling.UseVectorAverage = on,
        "rows-in-place" => on => ImageInput.UseRowsInPlace = on,
        "dw-edges" => on => Depthwise.UseEdgeRows = on,
        "narrow-columns" => on => Gemm.UseNarrowColumns = on,
        "dw-tail8" => on => Depthwise.UseEightChannelTail = on,
        "gemm-six-rows" => on => Gemm.UseSixRows = on,
        "dw-rows256" => on => Depthwise.UseRows256 = on,
        "conv-last-four" => on => Conv2d.UseLastFourBlock = on,
        "conv-six" => on => Conv2d.UseSixPixelBlocks = on,
        "conv-six-refs" => on => Conv2d.UseSixPixelRefs = on,
        "resize-pairs" => on => BilinearResize.UsePairs = on,
        "gemm-typed" => on => Gemm.UseTypedEpilogues = on,
        "gemm-unroll" => on => Gemm.UseUnrolledK = on,
        "conv-typed" => on => Conv2d.UseTypedEpilogues = on,
        "conv-unroll" => on => Conv2d.UseUnrolledTaps = on,
        "gemm-last-six" => on => Gemm.UseLastSixRows = on,
        "dw-two-pixels" => on => Depthwise.UseTwoPixelSteps = on,
        "dw-stride2-pairs" => on => Depthwise.UseStrideTwoPairs = on,
        "dw-border-chains" => on => Depthwise.UseBorderChains = on,
        "pool-max-pairs" => on => Pooling.UseMaxPairs = on,
        "hardswish-clamp" => on => Pointwise.UseNativeClamp = on,
        "dw-kxk-four" => on => Depthwise.UseFourWindowsKxK = on,
        "dw-stretches" => on => Depthwise.UseStretches = on,
        "conv-uniform" => on => Conv2d.UseUniformColumns = on,
        "gemm-skip-sums" => on => Gemm.UseSkipSumStores = on,
        "dense-one-buffer" => on => Models.DenseFaceNet.DenseFaceNetRunner.UseOneBuffer = on,
        "gemm512-typed" => on => Gemm.UseTyped512 = on,
        "gemm512-unroll" => on => Gemm.UseUnrolledK512 = on,
        "gemm512-skip-sums" => on => Gemm.UseSkipSumStores512 = on,
        "dw512-two-pixels" => on => Depthwise.UseTwoPixelSteps512 = on,
        "dw512-stretches" => on => Depthwise.UseStretches512 = on,
        "dw512-stride2-pairs" => on => Depthwise.UseStrideTwoPairs512 = on,
        "pool512" => on => Pooling.UseMaxPool512 = on,
        "input512" => on => ImageInput.UseVertical512 = on,
        "conv512-refs" => on => Conv2d.UseBlockRefs512 = on,
        "all" => on =>
        {
            foreach (string n in Names)
            {
                Switch(n)(on);
            }
        },
        _ => throw new ArgumentException($"Unknown kernel path switch '{name}'.", nameof(name)),
    };
}
