namespace SocialCard.Faces.Kernels;

/// <summary>The activation fused into a kernel's epilogue.</summary>
internal enum Activation
{
    None,

    /// <summary><c>max(x, 0)</c>.</summary>
    Relu,

    /// <summary>tfjs tiny-yolo leaky: <c>m = x * 0.1f; y = max(x - m, 0) + m</c> (kept in that exact form).</summary>
    Leaky,
}
