using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SocialCard.Faces.Kernels;

/// <summary>
/// Element-wise sums and ReLU of the dense blocks. The fused forms compute a whole skip-sum and its ReLU in one pass
/// (the same additions in the same order as the separate passes, so the same values) instead of one pass per
/// operation over the block's tensors; <see cref="UseVectors"/> false selects the pass-per-operation reference.
/// </summary>
internal static class Elementwise
{
    /// <summary>Set false (tests) to force the reference path (TensorPrimitives, one pass per operation).</summary>
    internal static bool UseVectors { get; set; } = Vector256.IsHardwareAccelerated;

    /// <summary><c>dst = max(a + b, 0)</c>.</summary>
    public static void AddRelu(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> dst) => Sum(a, b, b, b, dst, terms: 2);

    /// <summary><c>dst = max(a + (b + c), 0)</c>.</summary>
    public static void AddRelu(ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> c, Span<float> dst) =>
        Sum(a, b, c, c, dst, terms: 3);

    /// <summary><c>dst = max(a + (b + (c + d)), 0)</c>.</summary>
    public static void AddRelu(ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> c, ReadOnlySpan<float> d, Span<float> dst) =>
        Sum(a, b, c, d, dst, terms: 4);

    /// <summary>
    /// A dense block's skip sum: <c>dst = max(o1 + last, 0)</c> (<paramref name="terms"/> 2),
    /// <c>max(o1 + (o2 + last), 0)</c> (3) or <c>max(o1 + (o2 + (o3 + last)), 0)</c> (4); operands a sum does not add
    /// may be empty.
    /// </summary>
    public static void SkipSum(
        ReadOnlySpan<float> o1, ReadOnlySpan<float> o2, ReadOnlySpan<float> o3, ReadOnlySpan<float> last, Span<float> dst, int terms)
    {
        switch (terms)
        {
            case 2:
                AddRelu(o1, last, dst);
                break;
            case 3:
                AddRelu(o1, o2, last, dst);
                break;
            case 4:
                AddRelu(o1, o2, o3, last, dst);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(terms), terms, "A skip sum adds two to four tensors.");
        }
    }

    /// <summary><c>max(v, 0)</c> as every vector path of the sums takes it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<float> Relu(Vector256<float> v) => Vector256.Max(v, Vector256<float>.Zero);

    /// <summary>The same in 512 bits (the 512-bit GEMM's stores of a skip sum).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<float> Relu(Vector512<float> v) => Vector512.Max(v, Vector512<float>.Zero);

    /// <summary>
    /// The reference: one pass per operation, <c>dst = max(a + (b + (c + d)), 0)</c> over the first
    /// <paramref name="terms"/> operands (2: a + b; 3: a + (b + c)).
    /// </summary>
    internal static void Reference(
        ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> c, ReadOnlySpan<float> d, Span<float> dst, int terms)
    {
        switch (terms)
        {
            case 2:
                TensorPrimitives.Add(a, b, dst);
                break;
            case 3:
                TensorPrimitives.Add(b, c, dst);
                TensorPrimitives.Add(a, dst, dst);
                break;
            default:
                TensorPrimitives.Add(c, d, dst);
                TensorPrimitives.Add(b, dst, dst);
                TensorPrimitives.Add(a, dst, dst);
                break;
        }

        TensorPrimitives.Max(dst, 0f, dst);
    }

    private static void Sum(
        ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> c, ReadOnlySpan<float> d, Span<float> dst, int terms)
    {
        if (UseVectors)
        {
            Fused(a, b, c, d, dst, terms);
        }
        else
        {
            Reference(a, b, c, d, dst, terms);
        }
    }

    private static void Fused(
        ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> c, ReadOnlySpan<float> d, Span<float> dst, int terms)
    {
        int n = dst.Length;
        if (a.Length < n || b.Length < n || c.Length < n || d.Length < n)
        {
            throw new ArgumentException("Elementwise operand lengths do not match.");
        }

        ref float ra = ref MemoryMarshal.GetReference(a);
        ref float rb = ref MemoryMarshal.GetReference(b);
        ref float rc = ref MemoryMarshal.GetReference(c);
        ref float rd = ref MemoryMarshal.GetReference(d);
        ref float ry = ref MemoryMarshal.GetReference(dst);
        int i = 0;
        for (; i + 8 <= n; i += 8)
        {
            nuint o = (nuint)i;
            Vector256<float> s = terms switch
            {
                2 => Vector256.LoadUnsafe(ref rb, o),
                3 => Vector256.LoadUnsafe(ref rb, o) + Vector256.LoadUnsafe(ref rc, o),
                _ => Vector256.LoadUnsafe(ref rb, o) + (Vector256.LoadUnsafe(ref rc, o) + Vector256.LoadUnsafe(ref rd, o)),
            };
            Relu(Vector256.LoadUnsafe(ref ra, o) + s).StoreUnsafe(ref ry, o);
        }

        for (; i < n; i++)
        {
            float s = terms switch
            {
                2 => b[i],
                3 => b[i] + c[i],
                _ => b[i] + (c[i] + d[i]),
            };
            dst[i] = MathF.Max(a[i] + s, 0f);
        }
    }
}
