using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SocialCard.Imaging.Processing.BlockGrid;

/// <summary>
/// The row work of a block-grid scan (the cut-out measure's jaggedness): each pixel's class (1 white: at most
/// <see cref="White"/> below 255; 2 solid: more than <see cref="Solid"/> below; else 0), and the white/solid crossings
/// (two neighbours whose classes OR to 3) between horizontal neighbours, counted per column, and between a row and the
/// next, counted per row. Vector256 steps over 32 pixels where the hardware has them, each behind its scalar reference
/// (the counts are integers: the same either way).
/// </summary>
public static class GridKernel
{
    public const int White = 8;
    public const int Solid = 20;

    /// <summary>Set false (tests) to force the scalar references.</summary>
    internal static bool UseVectors { get; set; } = Vector256.IsHardwareAccelerated;

    public static void Classify(ReadOnlySpan<byte> dw, Span<byte> classes)
    {
        int x = 0;
        if (UseVectors)
        {
            ref byte d = ref MemoryMarshal.GetReference(dw);
            ref byte c = ref MemoryMarshal.GetReference(classes);
            Vector256<byte> one = Vector256.Create((byte)1), two = Vector256.Create((byte)2);
            Vector256<byte> white = Vector256.Create((byte)White), solid = Vector256.Create((byte)Solid);
            for (; x + 32 <= dw.Length; x += 32)
            {
                Vector256<byte> v = Vector256.LoadUnsafe(ref d, (nuint)x);
                ((Vector256.LessThanOrEqual(v, white) & one) | (Vector256.GreaterThan(v, solid) & two)).StoreUnsafe(ref c, (nuint)x);
            }
        }

        ClassifyReference(dw[x..], classes[x..]);
    }

    internal static void ClassifyReference(ReadOnlySpan<byte> dw, Span<byte> classes)
    {
        for (int x = 0; x < dw.Length; x++)
        {
            classes[x] = dw[x] <= White ? (byte)1 : dw[x] > Solid ? (byte)2 : (byte)0;
        }
    }

    /// <summary><c>cols[x] += 1</c> where pixels x and x+1 of the row cross.</summary>
    public static void AddHorizontal(ReadOnlySpan<byte> classes, Span<int> cols)
    {
        int x = 0;
        if (UseVectors)
        {
            ref byte c = ref MemoryMarshal.GetReference(classes);
            ref int k = ref MemoryMarshal.GetReference(cols);
            Vector256<byte> three = Vector256.Create((byte)3), one = Vector256.Create((byte)1);
            for (; x + 33 <= classes.Length; x += 32)
            {
                Vector256<byte> a = Vector256.LoadUnsafe(ref c, (nuint)x), b = Vector256.LoadUnsafe(ref c, (nuint)(x + 1));
                Vector256<byte> hit = Vector256.Equals(a | b, three) & one;
                if (hit == Vector256<byte>.Zero)
                {
                    continue;
                }

                (Vector256<ushort> lo, Vector256<ushort> hi) = Vector256.Widen(hit);
                (Vector256<uint> l0, Vector256<uint> l1) = Vector256.Widen(lo);
                (Vector256<uint> h0, Vector256<uint> h1) = Vector256.Widen(hi);
                Add(ref k, x, l0.AsInt32());
                Add(ref k, x + 8, l1.AsInt32());
                Add(ref k, x + 16, h0.AsInt32());
                Add(ref k, x + 24, h1.AsInt32());
            }
        }

        AddHorizontalReference(classes[x..], cols[x..]);
    }

    internal static void AddHorizontalReference(ReadOnlySpan<byte> classes, Span<int> cols)
    {
        for (int x = 0; x + 1 < classes.Length; x++)
        {
            if ((classes[x] | classes[x + 1]) == 3)
            {
                cols[x]++;
            }
        }
    }

    /// <summary>Pixels where a row and the next cross.</summary>
    public static int CountVertical(ReadOnlySpan<byte> current, ReadOnlySpan<byte> next)
    {
        int x = 0, count = 0;
        if (UseVectors)
        {
            ref byte a = ref MemoryMarshal.GetReference(current);
            ref byte b = ref MemoryMarshal.GetReference(next);
            Vector256<byte> three = Vector256.Create((byte)3);
            for (; x + 32 <= current.Length; x += 32)
            {
                Vector256<byte> or = Vector256.LoadUnsafe(ref a, (nuint)x) | Vector256.LoadUnsafe(ref b, (nuint)x);
                count += BitOperations.PopCount(Vector256.Equals(or, three).ExtractMostSignificantBits());
            }
        }

        return count + CountVerticalReference(current[x..], next[x..]);
    }

    internal static int CountVerticalReference(ReadOnlySpan<byte> current, ReadOnlySpan<byte> next)
    {
        int count = 0;
        for (int x = 0; x < current.Length; x++)
        {
            count += (current[x] | next[x]) == 3 ? 1 : 0;
        }

        return count;
    }

    private static void Add(ref int k, int at, Vector256<int> v) =>
        (Vector256.LoadUnsafe(ref k, (nuint)at) + v).StoreUnsafe(ref k, (nuint)at);
}
