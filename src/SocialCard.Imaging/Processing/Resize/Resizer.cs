using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SocialCard.Imaging.Processing.Resize;

/// <summary>
/// High-quality separable resize: area averaging on an axis that shrinks (every source pixel counts by its covered
/// area, no aliasing), bicubic or bilinear on an axis that grows. Per output row: a vertical pass that is a weighted
/// sum of whole source rows (Vector256 when available, scalar reference otherwise; both give bit-identical output
/// because they add in the same order without fused multiply-add), then a horizontal pass over that float row.
/// </summary>
public static class Resizer
{
    public static RgbImage Resize(RgbImage source, int width, int height) => Resize(source, width, height, UpscaleFilter.Bicubic);

    public static RgbImage Resize(RgbImage source, int width, int height, UpscaleFilter filter) =>
        Resize(source, width, height, filter, Vector256.IsHardwareAccelerated);

    /// <summary>Resizes so the image fits inside <paramref name="maxWidth"/> x <paramref name="maxHeight"/>, keeping the aspect ratio.</summary>
    public static RgbImage ResizeToFit(RgbImage source, int maxWidth, int maxHeight)
    {
        ArgumentNullException.ThrowIfNull(source);
        double scale = Math.Min((double)maxWidth / source.Width, (double)maxHeight / source.Height);
        int w = Math.Max(1, (int)Math.Round(source.Width * scale));
        int h = Math.Max(1, (int)Math.Round(source.Height * scale));
        return Resize(source, Math.Min(w, maxWidth), Math.Min(h, maxHeight));
    }

    internal static RgbImage Resize(RgbImage source, int width, int height, UpscaleFilter filter, bool useVectors)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ResizeWeights horizontal = ResizeWeights.Create(source.Width, width, filter);
        ResizeWeights vertical = ResizeWeights.Create(source.Height, height, filter);
        int sourceFloats = source.Width * 3;
        // One float of slack: the vector horizontal pass loads 4 floats (r, g, b, next r) per tap.
        float[] accumulator = ArrayPool<float>.Shared.Rent(sourceFloats + 1);
        accumulator[sourceFloats] = 0f;
        var result = new RgbImage(width, height);
        try
        {
            // Vertical pass first (a weighted sum of whole source rows, the part that vectorises), then the
            // horizontal pass over that one float row: no full-size intermediate buffer is needed.
            Span<float> acc = accumulator.AsSpan(0, sourceFloats);
            for (int y = 0; y < height; y++)
            {
                int start = vertical.Start[y];
                ReadOnlySpan<float> weights = vertical.Values.AsSpan(y * vertical.Taps, vertical.Taps);
                acc.Clear();
                for (int k = 0; k < weights.Length; k++)
                {
                    float weight = weights[k];
                    if (weight == 0f)
                    {
                        continue;
                    }

                    if (useVectors)
                    {
                        MultiplyAddVector(source.Row(start + k), weight, acc);
                    }
                    else
                    {
                        MultiplyAddScalar(source.Row(start + k), weight, acc);
                    }
                }

                if (useVectors)
                {
                    HorizontalRowVector(accumulator, result.Row(y), horizontal);
                }
                else
                {
                    HorizontalRow(acc, result.Row(y), horizontal);
                }
            }

            return result;
        }
        catch
        {
            result.Dispose();
            throw;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(accumulator);
        }
    }

    private static void HorizontalRow(ReadOnlySpan<float> source, Span<byte> target, ResizeWeights weights)
    {
        int taps = weights.Taps;
        int[] starts = weights.Start;
        ref float values = ref MemoryMarshal.GetArrayDataReference(weights.Values);
        ref float src = ref MemoryMarshal.GetReference(source);
        for (int x = 0; x < starts.Length; x++)
        {
            // Start + Taps never passes the source width (ResizeWeights guarantees it), so the loop reads in bounds.
            ref float px = ref Unsafe.Add(ref src, starts[x] * 3);
            ref float w = ref Unsafe.Add(ref values, x * taps);
            float r = 0;
            float g = 0;
            float b = 0;
            for (int k = 0; k < taps; k++)
            {
                float wk = Unsafe.Add(ref w, k);
                r += Unsafe.Add(ref px, k * 3) * wk;
                g += Unsafe.Add(ref px, (k * 3) + 1) * wk;
                b += Unsafe.Add(ref px, (k * 3) + 2) * wk;
            }

            target[x * 3] = ToByte(r);
            target[(x * 3) + 1] = ToByte(g);
            target[(x * 3) + 2] = ToByte(b);
        }
    }

    /// <summary>
    /// Same sums as <see cref="HorizontalRow"/>, one pixel's three channels at a time in a Vector128 (the fourth lane
    /// is the next pixel's red and is discarded). <paramref name="source"/> needs one float of slack at the end.
    /// </summary>
    private static void HorizontalRowVector(float[] source, Span<byte> target, ResizeWeights weights)
    {
        int taps = weights.Taps;
        int[] starts = weights.Start;
        ref float values = ref MemoryMarshal.GetArrayDataReference(weights.Values);
        ref float src = ref MemoryMarshal.GetArrayDataReference(source);
        for (int x = 0; x < starts.Length; x++)
        {
            ref float px = ref Unsafe.Add(ref src, starts[x] * 3);
            ref float w = ref Unsafe.Add(ref values, x * taps);
            Vector128<float> sum = Vector128<float>.Zero;
            for (int k = 0; k < taps; k++)
            {
                sum += Vector128.LoadUnsafe(ref px, (nuint)(k * 3)) * Vector128.Create(Unsafe.Add(ref w, k));
            }

            target[x * 3] = ToByte(sum.GetElement(0));
            target[(x * 3) + 1] = ToByte(sum.GetElement(1));
            target[(x * 3) + 2] = ToByte(sum.GetElement(2));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte ToByte(float v) => (byte)(Math.Clamp(v, 0f, 255f) + 0.5f);

    internal static void MultiplyAddScalar(ReadOnlySpan<byte> row, float weight, Span<float> acc)
    {
        for (int i = 0; i < acc.Length; i++)
        {
            acc[i] += row[i] * weight;
        }
    }

    /// <summary>acc += row * weight, 32 bytes a step: widen byte -> ushort -> uint, convert to float, multiply, add.</summary>
    internal static void MultiplyAddVector(ReadOnlySpan<byte> row, float weight, Span<float> acc)
    {
        if (acc.Length > row.Length)
        {
            throw new ArgumentException("Accumulator longer than the row.", nameof(acc));
        }

        int i = 0;
        ref byte r = ref MemoryMarshal.GetReference(row);
        ref float a = ref MemoryMarshal.GetReference(acc);
        Vector256<float> w = Vector256.Create(weight);
        for (; i <= acc.Length - 32; i += 32)
        {
            (Vector256<ushort> lo, Vector256<ushort> hi) = Vector256.Widen(Vector256.LoadUnsafe(ref r, (nuint)i));
            (Vector256<uint> q0, Vector256<uint> q1) = Vector256.Widen(lo);
            (Vector256<uint> q2, Vector256<uint> q3) = Vector256.Widen(hi);
            Accumulate(ref a, i, q0, w);
            Accumulate(ref a, i + 8, q1, w);
            Accumulate(ref a, i + 16, q2, w);
            Accumulate(ref a, i + 24, q3, w);
        }

        for (; i < acc.Length; i++)
        {
            Unsafe.Add(ref a, i) += Unsafe.Add(ref r, i) * weight;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Accumulate(ref float acc, int offset, Vector256<uint> values, Vector256<float> weight)
    {
        Vector256<float> sum = Vector256.LoadUnsafe(ref acc, (nuint)offset) + (Vector256.ConvertToSingle(values.AsInt32()) * weight);
        sum.StoreUnsafe(ref acc, (nuint)offset);
    }
}
