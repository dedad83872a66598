using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SocialCard.Faces.Kernels;

/// <summary>
/// The element-wise graph operations of the segmentation net, over whole tensors (TensorPrimitives vectorises them):
/// activations, same-shape sums and products, and the two broadcasts the graph uses (a scalar; one value per channel).
/// </summary>
internal static class Pointwise
{
    /// <summary>Elements a fused pass works on at a time: its temporaries stay in L1.</summary>
    private const int Block = 1024;

    public static void Relu(ReadOnlySpan<float> x, Span<float> y) => TensorPrimitives.Max(x, 0f, y);

    /// <summary><c>min(max(x, 0), 6)</c>.</summary>
    public static void Relu6(ReadOnlySpan<float> x, Span<float> y) => TensorPrimitives.Clamp(x, 0f, 6f, y);

    /// <summary><c>1 / (1 + e^-x)</c>.</summary>
    public static void Sigmoid(ReadOnlySpan<float> x, Span<float> y) => TensorPrimitives.Sigmoid(x, y);

    public static void Add(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> y) => TensorPrimitives.Add(a, b, y);

    public static void Add(ReadOnlySpan<float> a, float b, Span<float> y) => TensorPrimitives.Add(a, b, y);

    public static void Multiply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> y) => TensorPrimitives.Multiply(a, b, y);

    public static void Multiply(ReadOnlySpan<float> a, float b, Span<float> y) => TensorPrimitives.Multiply(a, b, y);

    /// <summary><c>y[p, ch] = x[p, ch] + perChannel[ch]</c> over <paramref name="pixels"/> pixels, then
    /// <paramref name="activation"/> (<see cref="Activation.Relu"/>: <c>max(v, 0)</c> while the value is in a register),
    /// then plus <paramref name="residual"/><c>[p, ch]</c> when one is given (<c>r + act(x + b)</c>: a bias and the
    /// residual sum that reads it); the same operations as the separate passes. Whole channel rows in Vector256 steps when the channel count allows,
    /// else <see cref="AddPerChannelReference"/>; bit-identical either way (one add, one max per element).</summary>
    public static void AddPerChannel(
        ReadOnlySpan<float> x, ReadOnlySpan<float> perChannel, int pixels, Span<float> y, Activation activation = Activation.None,
        ReadOnlySpan<float> residual = default)
    {
        if (activation is not (Activation.None or Activation.Relu))
        {
            throw new ArgumentOutOfRangeException(nameof(activation));
        }

        int c = perChannel.Length;
        bool sum = !residual.IsEmpty;
        if (!Vector256.IsHardwareAccelerated || c % Vector256<float>.Count != 0 || x.Length < pixels * c || y.Length < pixels * c
            || (sum && residual.Length < pixels * c))
        {
            AddPerChannelReference(x, perChannel, pixels, y, activation, residual);
            return;
        }

        bool relu = activation == Activation.Relu;
        ref float xr = ref MemoryMarshal.GetReference(x);
        ref float br = ref MemoryMarshal.GetReference(perChannel);
        ref float rr = ref MemoryMarshal.GetReference(residual);
        ref float yr = ref MemoryMarshal.GetReference(y);
        for (int p = 0; p < pixels; p++)
        {
            nuint row = (nuint)(p * c);
            for (nuint j = 0; j < (nuint)c; j += (nuint)Vector256<float>.Count)
            {
                Vector256<float> v = Vector256.LoadUnsafe(ref xr, row + j) + Vector256.LoadUnsafe(ref br, j);
                if (relu)
                {
                    v = Vector256.Max(v, Vector256<float>.Zero);
                }

                if (sum)
                {
                    v = Vector256.LoadUnsafe(ref rr, row + j) + v;
                }

                v.StoreUnsafe(ref yr, row + j);
            }
        }
    }

    /// <summary>The reference of <see cref="AddPerChannel"/>: per pixel, TensorPrimitives' add, <see cref="Relu"/>,
    /// then the residual's add.</summary>
    internal static void AddPerChannelReference(
        ReadOnlySpan<float> x, ReadOnlySpan<float> perChannel, int pixels, Span<float> y, Activation activation, ReadOnlySpan<float> residual = default)
    {
        int c = perChannel.Length;
        for (int p = 0; p < pixels; p++)
        {
            Span<float> row = y.Slice(p * c, c);
            TensorPrimitives.Add(x.Slice(p * c, c), perChannel, row);
            if (activation == Activation.Relu)
            {
                Relu(row, row);
            }

            if (!residual.IsEmpty)
            {
                TensorPrimitives.Add(residual.Slice(p * c, c), row, row);
            }
        }
    }

    /// <summary>
    /// The graph's hard-swish in one pass over L1-sized blocks: <c>u = x (+ bias[ch])</c>, then
    /// <c>y = (u * scale) * min(max(u + offset, 0), 6)</c> -- the same element operations in the same order as the
    /// separate passes (<see cref="AddPerChannel"/>, <see cref="Multiply(ReadOnlySpan{float}, float, Span{float})"/>,
    /// <see cref="Add(ReadOnlySpan{float}, float, Span{float})"/>, <see cref="Relu6"/>, <see cref="Multiply(ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float})"/>),
    /// so bit-identical to them. <paramref name="bias"/> is empty or one value per channel.
    /// </summary>
    public static void HardSwish(ReadOnlySpan<float> x, ReadOnlySpan<float> bias, float scale, float offset, Span<float> y)
    {
        int c = bias.Length;
        if (Vector256.IsHardwareAccelerated && c % Vector256<float>.Count == 0 && (c == 0 || x.Length % c == 0) && y.Length >= x.Length)
        {
            HardSwishVector(x, bias, scale, offset, y);
            return;
        }

        HardSwishBlocks(x, bias, scale, offset, y);
    }

    /// <summary>Set false (tests, benchmarks) to clamp the hard-swish through Vector256.Max and Min (several
    /// instructions each with AVX2) instead of one vmaxps and one vminps.</summary>
    internal static bool UseNativeClamp { get; set; } = true;

    /// <summary>The hard-swish with every element's value in a register from load to store: per element the same
    /// add, add, max, min, multiply, multiply as the passes (the clamp of a finite value is exact in either order).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void HardSwishVector(ReadOnlySpan<float> x, ReadOnlySpan<float> bias, float scale, float offset, Span<float> y)
    {
        ref float xr = ref MemoryMarshal.GetReference(x);
        ref float br = ref MemoryMarshal.GetReference(bias);
        ref float yr = ref MemoryMarshal.GetReference(y);
        Vector256<float> vs = Vector256.Create(scale), vo = Vector256.Create(offset), six = Vector256.Create(6f);
        int n = x.Length, c = bias.Length;
        bool native = UseNativeClamp && Avx.IsSupported && BitConverter.SingleToInt32Bits(offset) != int.MinValue;
        if (c != 0 && native)
        {
            // The clamp as vmaxps(0, v) and vminps(6, v): each returns its second operand, v, when v is NaN, as
            // Vector256.Max(v, 0) and Vector256.Min(v, 6) do, and otherwise the larger / smaller value; the one case where
            // they differ, v = -0 (vmaxps gives -0, Max +0), cannot occur: u + offset is -0 only when both are -0.
            for (int p = 0; p < n; p += c)
            {
                for (int j = 0; j < c; j += Vector256<float>.Count)
                {
                    Vector256<float> u = Vector256.LoadUnsafe(ref xr, (nuint)(p + j)) + Vector256.LoadUnsafe(ref br, (nuint)j);
                    Vector256<float> t = Avx.Min(six, Avx.Max(Vector256<float>.Zero, u + vo));
                    ((u * vs) * t).StoreUnsafe(ref yr, (nuint)(p + j));
                }
            }

            return;
        }

        if (c != 0)
        {
            for (int p = 0; p < n; p += c)
            {
                for (int j = 0; j < c; j += Vector256<float>.Count)
                {
                    Vector256<float> u = Vector256.LoadUnsafe(ref xr, (nuint)(p + j)) + Vector256.LoadUnsafe(ref br, (nuint)j);
                    Vector256<float> t = Vector256.Min(Vector256.Max(u + vo, Vector256<float>.Zero), six);
                    ((u * vs) * t).StoreUnsafe(ref yr, (nuint)(p + j));
                }
            }

            return;
        }

        int i = 0;
        if (native)
        {
            for (; i + Vector256<float>.Count <= n; i += Vector256<float>.Count)
            {
                Vector256<float> u = Vector256.LoadUnsafe(ref xr, (nuint)i);
                Vector256<float> t = Avx.Min(six, Avx.Max(Vector256<float>.Zero, u + vo));
                ((u * vs) * t).StoreUnsafe(ref yr, (nuint)i);
            }
        }

        for (; i + Vector256<float>.Count <= n; i += Vector256<float>.Count)
        {
            Vector256<float> u = Vector256.LoadUnsafe(ref xr, (nuint)i);
            Vector256<float> t = Vector256.Min(Vector256.Max(u + vo, Vector256<float>.Zero), six);
            ((u * vs) * t).StoreUnsafe(ref yr, (nuint)i);
        }

        for (; i < n; i++)
        {
            float u = x[i];
            y[i] = (u * scale) * MathF.Min(MathF.Max(u + offset, 0f), 6f);
        }
    }

    /// <summary>The hard-swish as the separate passes over L1-sized blocks (channel counts the vector path does not take).</summary>
    internal static void HardSwishBlocks(ReadOnlySpan<float> x, ReadOnlySpan<float> bias, float scale, float offset, Span<float> y)
    {
        int c = bias.Length;
        int block = c == 0 ? Block : Math.Max(1, Block / c) * c;
        Span<float> u = stackalloc float[c == 0 ? 0 : block];
        Span<float> t = stackalloc float[block];
        for (int i = 0; i < x.Length; i += block)
        {
            int n = Math.Min(block, x.Length - i);
            scoped ReadOnlySpan<float> v = x.Slice(i, n);
            if (c != 0)
            {
                AddPerChannel(v, bias, n / c, u);
                v = u[..n];
            }

            Span<float> yb = y.Slice(i, n);
            Span<float> tb = t[..n];
            Add(v, offset, tb);
            Relu6(tb, tb);
            Multiply(v, scale, yb);
            Multiply(yb, tb, yb);
        }
    }

    /// <summary><c>y[p, ch] = x[p, ch] * perChannel[ch]</c> over <paramref name="pixels"/> pixels: Vector256 steps when
    /// the channel count allows, else <see cref="MultiplyPerChannelReference"/> (bit-identical: one product per element).</summary>
    public static void MultiplyPerChannel(ReadOnlySpan<float> x, ReadOnlySpan<float> perChannel, int pixels, Span<float> y)
    {
        int c = perChannel.Length;
        if (!Vector256.IsHardwareAccelerated || c % Vector256<float>.Count != 0 || x.Length < pixels * c || y.Length < pixels * c)
        {
            MultiplyPerChannelReference(x, perChannel, pixels, y);
            return;
        }

        ref float xr = ref MemoryMarshal.GetReference(x);
        ref float gr = ref MemoryMarshal.GetReference(perChannel);
        ref float yr = ref MemoryMarshal.GetReference(y);
        for (int p = 0; p < pixels; p++)
        {
            nuint row = (nuint)(p * c);
            for (nuint j = 0; j < (nuint)c; j += (nuint)Vector256<float>.Count)
            {
                (Vector256.LoadUnsafe(ref xr, row + j) * Vector256.LoadUnsafe(ref gr, j)).StoreUnsafe(ref yr, row + j);
            }
        }
    }

    /// <summary>The reference of <see cref="MultiplyPerChannel"/>: TensorPrimitives' product per pixel.</summary>
    internal static void MultiplyPerChannelReference(ReadOnlySpan<float> x, ReadOnlySpan<float> perChannel, int pixels, Span<float> y)
    {
        int c = perChannel.Length;
        for (int p = 0; p < pixels; p++)
        {
            TensorPrimitives.Multiply(x.Slice(p * c, c), perChannel, y.Slice(p * c, c));
        }
    }
}
