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

    public float[] Bias { get; init; } = [];

    public float Scalar { get; init; }

    public Activation Activation { get; init; }

    public int Kernel { get; init; }

    public int Stride { get; init; } = 1;

    public int PadTop { get; init; }

    public int PadLeft { get; init; }

    public bool AlignCorners { get; init; }

    public bool HalfPixelCenters { get; init; }
}
