using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SocialCard.Imaging.Processing.BitRows;

/// <summary>
/// Row work that classifies pixels into bit rows (pixel x is bit <c>x % 64</c> of word <c>x / 64</c>, as
/// <see cref="Distance.ChamferDilation"/> reads them): each RGB24 pixel's darkness (255 minus its darkest channel),
/// the pixels of a float plane at or above a threshold, of a byte plane above one, and the histogram of the bytes
/// where a float plane lies below a threshold. Vector256/Vector128 steps where the hardware has them, each behind its
/// scalar reference (the same comparisons of the same values, so the same bits and counts).
/// </summary>
public static class BitRowKernel
{
    /// <summary>Words per bit row of <paramref name="width"/> pixels.</summary>
    public static int Words(int width) => (width + 63) >> 6;

    /// <summary>The bits of a row's last word that lie inside <paramref name="width"/> pixels.</summary>
    public static ulong LastWordMask(int width) => (width & 63) == 0 ? ulong.MaxValue : (1UL << (width & 63)) - 1;

    /// <summary>One pixel's darkness: 255 minus its darkest channel.</summary>
    public static byte Darkness(byte r, byte g, byte b) => (byte)(255 - Math.Min(r, Math.Min(g, b)));

    /// <summary>Set false (tests) to force the scalar references.</summary>
    internal static bool UseVectors { get; set; } = Vector256.IsHardwareAccelerated;

    /// <summary><c>dark[x] = 255 - min(R, G, B)</c> of pixel x of the RGB24 row.</summary>
    public static void Darkness(ReadOnlySpan<byte> rgb, Span<byte> dark)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rgb.Length, 3 * dark.Length, nameof(rgb));
        int x = 0;
        if (UseVectors)
        {
            ref byte s = ref MemoryMarshal.GetReference(rgb);
            ref byte d = ref MemoryMarshal.GetReference(dark);
            for (; x + 16 <= dark.Length; x += 16)
            {
                (Vector128<byte> r, Vector128<byte> g, Vector128<byte> b) = Rgb24Vectors.Deinterleave(ref Unsafe.Add(ref s, 3 * x));
                Vector128.OnesComplement(Vector128.Min(r, Vector128.Min(g, b))).StoreUnsafe(ref d, (nuint)x);
            }
        }

        DarknessReference(rgb[(3 * x)..], dark[x..]);
    }

    internal static void DarknessReference(ReadOnlySpan<byte> rgb, Span<byte> dark)
    {
        for (int x = 0; x < dark.Length; x++)
        {
            dark[x] = Darkness(rgb[3 * x], rgb[(3 * x) + 1], rgb[(3 * x) + 2]);
        }
    }

    /// <summary>Bits (the row's words, cleared first) where <c>values[x] &gt;= threshold</c>.</summary>
    public static void AtLeast(ReadOnlySpan<float> values, float threshold, Span<ulong> bits)
    {
        bits.Clear();
        int x = 0;
        if (UseVectors)
        {
            ref float v = ref MemoryMarshal.GetReference(values);
            Vector256<float> t = Vector256.Create(threshold);
            for (; x + 8 <= values.Length; x += 8)
            {
                uint m = Vector256.GreaterThanOrEqual(Vector256.LoadUnsafe(ref v, (nuint)x), t).ExtractMostSignificantBits();
                bits[x >> 6] |= (ulong)m << (x & 63);
            }
        }

        for (; x < values.Length; x++)
        {
            bits[x >> 6] |= values[x] >= threshold ? 1UL << (x & 63) : 0;
        }
    }

    internal static void AtLeastReference(ReadOnlySpan<float> values, float threshold, Span<ulong> bits)
    {
        bits.Clear();
        for (int x = 0; x < values.Length; x++)
        {
            bits[x >> 6] |= values[x] >= threshold ? 1UL << (x & 63) : 0;
        }
    }

    /// <summary>Bits (the row's words, cleared first) where <c>values[x] &gt; threshold</c>.</summary>
    public static void Above(ReadOnlySpan<byte> values, byte threshold, Span<ulong> bits)
    {
        bits.Clear();
        int x = 0;
        if (UseVectors)
        {
            ref byte v = ref MemoryMarshal.GetReference(values);
            Vector256<byte> t = Vector256.Create(threshold);
            for (; x + 32 <= values.Length; x += 32)
            {
                uint m = Vector256.GreaterThan(Vector256.LoadUnsafe(ref v, (nuint)x), t).ExtractMostSignificantBits();
                bits[x >> 6] |= (ulong)m << (x & 63);
            }
        }

        for (; x < values.Length; x++)
        {
            bits[x >> 6] |= values[x] > threshold ? 1UL << (x & 63) : 0;
        }
    }

    internal static void AboveReference(ReadOnlySpan<byte> values, byte threshold, Span<ulong> bits)
    {
        bits.Clear();
        for (int x = 0; x < values.Length; x++)
        {
            bits[x >> 6] |= values[x] > threshold ? 1UL << (x & 63) : 0;
        }
    }

    /// <summary><c>histogram[bytes[x]]++</c> where <c>values[x] &lt; threshold</c>; returns how many were added.
    /// Runs of eight zero bytes are counted into <c>histogram[0]</c> without looking at each.</summary>
    public static int AddBelow(ReadOnlySpan<float> values, float threshold, ReadOnlySpan<byte> bytes, Span<int> histogram)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bytes.Length, values.Length, nameof(bytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(histogram.Length, 256, nameof(histogram));
        int x = 0, n = 0;
        if (UseVectors)
        {
            ref float v = ref MemoryMarshal.GetReference(values);
            ref byte b = ref MemoryMarshal.GetReference(bytes);
            Vector256<float> t = Vector256.Create(threshold);
            for (; x + 8 <= values.Length; x += 8)
            {
                uint m = Vector256.LessThan(Vector256.LoadUnsafe(ref v, (nuint)x), t).ExtractMostSignificantBits();
                int count = BitOperations.PopCount(m);
                n += count;
                if (Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref b, x)) == 0)
                {
                    histogram[0] += count;
                    continue;
                }

                for (; m != 0; m &= m - 1)
                {
                    histogram[bytes[x + BitOperations.TrailingZeroCount(m)]]++;
                }
            }
        }

        return n + AddBelowReference(values[x..], threshold, bytes[x..], histogram);
    }

    internal static int AddBelowReference(ReadOnlySpan<float> values, float threshold, ReadOnlySpan<byte> bytes, Span<int> histogram)
    {
        int n = 0;
        for (int x = 0; x < values.Length; x++)
        {
            if (values[x] < threshold)
            {
                histogram[bytes[x]]++;
                n++;
            }
        }

        return n;
    }
}
