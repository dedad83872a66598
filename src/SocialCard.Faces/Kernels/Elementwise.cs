using System.Numerics.Tensors;

namespace SocialCard.Faces.Kernels;

/// <summary>Element-wise sums and ReLU of the dense blocks (TensorPrimitives picks the vector width).</summary>
internal static class Elementwise
{
    /// <summary><c>dst = a + b</c>.</summary>
    public static void Add(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> dst) => TensorPrimitives.Add(a, b, dst);

    /// <summary><c>dst = max(a + b, 0)</c>.</summary>
    public static void AddRelu(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> dst)
    {
        TensorPrimitives.Add(a, b, dst);
        TensorPrimitives.Max(dst, 0f, dst);
    }
}
