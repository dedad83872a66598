using SocialCard.Faces.Kernels;

namespace SocialCard.Faces.Models.SelfieSegmentation;

/// <summary>
/// One compiled step: reads runtime values <see cref="Inputs"/> (indices into the workspace's buffers) and constant
/// tensors, writes value <see cref="Output"/>. Immutable after compilation.
/// </summary>
internal sealed class GraphStep
{
    public required GraphOp Op { get; init; }

    public required string Name { get; init; }

    public required int[] Inputs { get; init; }

    public required int Output { get; init; }

    public required GraphShape In { get; init; }

    public required GraphShape Out { get; init; }

    /// <summary>Filter or per-channel constant.</summary>
    public float[] Weights { get; init; } = [];

    /// <summary>Per-channel bias (a convolution's; added first by a <see cref="GraphOp.HardSwish"/>).</summary>
    public float[] Bias { get; init; } = [];

    public float Scalar { get; init; }

    /// <summary>The constant added before the clamp of a <see cref="GraphOp.HardSwish"/>.</summary>
    public float Offset { get; init; }

    public Activation Activation { get; init; }

    public int Kernel { get; init; }

    public int Stride { get; init; } = 1;

    public int PadTop { get; init; }

    public int PadLeft { get; init; }

    public bool AlignCorners { get; init; }

    public bool HalfPixelCenters { get; init; }

    /// <summary>Element-wise steps that produce this 1x1 convolution's input, run on each block of rows just before
    /// the convolution reads it (<see cref="GraphChunking"/>).</summary>
    public GraphStep[] Prologue { get; init; } = [];

    /// <summary>Element-wise steps that read this 1x1 convolution's output, run on each block of rows right after it
    /// is written (<see cref="GraphChunking"/>).</summary>
    public GraphStep[] Epilogue { get; init; } = [];

    /// <summary>A global average pool of this element-wise step's output, summed block by block as the step writes it
    /// (<see cref="GraphFusion.FusePools"/>) instead of in a pass of its own that reads the whole tensor again.</summary>
    public GraphStep? Pool { get; init; }

    /// <summary>This step with <paramref name="pool"/> and <paramref name="epilogue"/> in place of its own.</summary>
    public GraphStep With(GraphStep? pool, GraphStep[] epilogue) => new()
    {
        Op = Op, Name = Name, Inputs = Inputs, Output = Output, In = In, Out = Out, Weights = Weights, Bias = Bias,
        Scalar = Scalar, Offset = Offset, Activation = Activation, Kernel = Kernel, Stride = Stride, PadTop = PadTop,
        PadLeft = PadLeft, AlignCorners = AlignCorners, HalfPixelCenters = HalfPixelCenters, Prologue = Prologue,
        Epilogue = epilogue, Pool = pool,
    };
}
