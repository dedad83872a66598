namespace SocialCard.Faces.Models.SelfieSegmentation;

/// <summary>What one compiled step of the segmentation graph does.</summary>
internal enum GraphOp
{
    /// <summary>1x1 or 3x3 convolution with its bias (zero when the graph adds none) and activation fused.</summary>
    Convolution,

    /// <summary>Depthwise KxK convolution.</summary>
    Depthwise,

    /// <summary>Transposed convolution (<c>Conv2DBackpropInput</c>).</summary>
    TransposedConvolution,

    /// <summary>Average pool, <c>valid</c>.</summary>
    AveragePool,

    /// <summary>Bilinear resize to a constant size.</summary>
    Resize,

    /// <summary>Sum of two or more tensors of the same shape (<c>Add</c>, <c>AddV2</c>, <c>AddN</c>).</summary>
    Add,

    /// <summary>A tensor plus a constant scalar.</summary>
    AddScalar,

    /// <summary>A tensor plus a constant per channel (plus a second tensor of the same shape when the step has two
    /// inputs: a bias and the residual sum that reads it, <see cref="GraphFusion"/>), then its activation (none or
    /// <c>Relu</c>).</summary>
    AddPerChannel,

    /// <summary>Product of two tensors of the same shape.</summary>
    Multiply,

    /// <summary>A tensor times a constant scalar.</summary>
    MultiplyScalar,

    /// <summary>A tensor times a 1x1xC tensor (squeeze-and-excite gate).</summary>
    MultiplyPerChannel,

    /// <summary><c>max(x, 0)</c>.</summary>
    Relu,

    /// <summary><c>min(max(x, 0), 6)</c>.</summary>
    Relu6,

    /// <summary><c>1 / (1 + e^-x)</c>.</summary>
    Sigmoid,

    /// <summary><c>u = x (+ bias per channel)</c>, <c>(u * Scalar) * relu6(u + Offset)</c>: the graph's hard-swish
    /// (<see cref="GraphFusion"/>).</summary>
    HardSwish,
}
