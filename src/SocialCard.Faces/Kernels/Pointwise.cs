using System.Numerics.Tensors;

namespace SocialCard.Faces.Kernels;

/// <summary>
/// The element-wise graph operations of the segmentation net, over whole tensors (TensorPrimitives vectorises them):
/// activations, same-shape sums and products, and the two broadcasts the graph uses (a scalar; one value per channel).
/// </summary>
internal static class Pointwise
{
    public static void Relu(ReadOnlySpan<float> x, Span<float> y) => TensorPrimitives.Max(x, 0f, y);

    /// <summary><c>min(max(x, 0), 6)</c>.</summary>
    public static void Relu6(ReadOnlySpan<float> x, Span<float> y) => TensorPrimitives.Clamp(x, 0f, 6f, y);

    /// <summary><c>1 / (1 + e^-x)</c>.</summary>
    public static void Sigmoid(ReadOnlySpan<float> x, Span<float> y) => TensorPrimitives.Sigmoid(x, y);

    public static void Add(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> y) => TensorPrimitives.Add(a, b, y);

    public static void Add(ReadOnlySpan<float> a, float b, Span<float> y) => TensorPrimitives.Add(a, b, y);

    public static void Multiply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> y) => TensorPrimitives.Multiply(a, b, y);

    public static void Multiply(ReadOnlySpan<float> a, float b, Span<float> y) => TensorPrimitives.Multiply(a, b, y);

    /// <summary><c>y[p, ch] = x[p, ch] + perChannel[ch]</c> over <paramref name="pixels"/> pixels.</summary>
    public static void AddPerChannel(ReadOnlySpan<float> x, ReadOnlySpan<float> perChannel, int pixels, Span<float> y)
    {
        int c = perChannel.Length;
        for (int p = 0; p < pixels; p++)
        {
            TensorPrimitives.Add(x.Slice(p * c, c), perChannel, y.Slice(p * c, c));
        }
    }

    /// <summary><c>y[p, ch] = x[p, ch] * perChannel[ch]</c> over <paramref name="pixels"/> pixels.</summary>
    public static void MultiplyPerChannel(ReadOnlySpan<float> x, ReadOnlySpan<float> perChannel, int pixels, Span<float> y)
    {
        int c = perChannel.Length;
        for (int p = 0; p < pixels; p++)
        {
            TensorPrimitives.Multiply(x.Slice(p * c, c), perChannel, y.Slice(p * c, c));
        }
    }
}
