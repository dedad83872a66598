using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SocialCard.Imaging.Processing.Distance;

/// <summary>Two-pass 3-4 chamfer distance (in pixels, /3) from every pixel to the nearest pixel where
/// <c>mask[i] != target</c>.</summary>
public static class DistanceTransform
{
    private const int Big = 1 << 28;

    public static float[] To(ReadOnlySpan<byte> mask, byte target, int width, int height)
    {
        var result = new float[mask.Length];
        To(mask, target, width, height, new int[mask.Length], result);
        return result;
    }

    /// <summary>The same into <paramref name="result"/>, with <paramref name="scratch"/> (both at least as long as the mask).</summary>
    public static void To(ReadOnlySpan<byte> mask, byte target, int width, int height, Span<int> scratch, Span<float> result)
    {
        Span<int> d = scratch[..mask.Length];
        Chamfer(mask, target, width, height, d);
        for (int i = 0; i < d.Length; i++)
        {
            result[i] = d[i] / 3f;
        }
    }

    /// <summary>The largest chamfer value (3 per pixel step, see <see cref="Chamfer"/>) whose distance in pixels, as
    /// <see cref="To(ReadOnlySpan{byte}, byte, int, int, Span{int}, Span{float})"/> gives it, is at most
    /// <paramref name="pixels"/>: comparing the integer with it decides exactly what comparing the distance would.</summary>
    public static int ChamferLimit(double pixels)
    {
        int limit = (int)Math.Min(Math.Ceiling(pixels * 3) + 3, int.MaxValue / 2);
        while (limit >= 0 && limit / 3f > pixels)
        {
            limit--;
        }

        return limit;
    }

    /// <summary>The two passes in integer chamfer units (3 per straight step, 4 per diagonal one; 1 &lt;&lt; 28 where
    /// no pixel differs) into the first mask-length elements of <paramref name="into"/>.</summary>
    /// <remarks>Row by row: the terms from the row already passed (up, or down on the way back) for the whole row in
    /// Vector256 steps, then the running minimum along the row; the same minimum of the same integers as
    /// <see cref="ChamferReference"/>, so the same values.</remarks>
    public static void Chamfer(ReadOnlySpan<byte> mask, byte target, int width, int height, Span<int> into)
    {
        if (!Vector256.IsHardwareAccelerated || width < 2)
        {
            ChamferReference(mask, target, width, height, into);
            return;
        }

        Span<int> d = into[..mask.Length];
        Fill(mask, target, d);
        for (int y = 0; y < height; y++)
        {
            Span<int> row = d.Slice(y * width, width);
            for (int x = 1; x < width; x++)
            {
                row[x] = Math.Min(row[x], row[x - 1] + 3);
            }

            if (y + 1 < height)
            {
                FromRow(row, d.Slice((y + 1) * width, width));
            }
        }

        // The backward pass, the same way from the bottom row up.
        for (int y = height - 1; y >= 0; y--)
        {
            Span<int> row = d.Slice(y * width, width);
            if (y + 1 < height)
            {
                FromRow(d.Slice((y + 1) * width, width), row);
            }

            for (int x = width - 2; x >= 0; x--)
            {
                row[x] = Math.Min(row[x], row[x + 1] + 3);
            }
        }
    }

    /// <summary><c>row[x] = min(row[x], passed[x] + 3, passed[x-1] + 4, passed[x+1] + 4)</c> (neighbours inside the row only).</summary>
    private static void FromRow(ReadOnlySpan<int> passed, Span<int> row)
    {
        int w = row.Length;
        row[0] = Math.Min(row[0], Math.Min(passed[0] + 3, passed[1] + 4));
        ref int p = ref MemoryMarshal.GetReference(passed);
        ref int r = ref MemoryMarshal.GetReference(row);
        Vector256<int> three = Vector256.Create(3), four = Vector256.Create(4);
        int x = 1;
        for (; x + 9 <= w; x += 8)
        {
            Vector256<int> v = Vector256.Min(Vector256.LoadUnsafe(ref r, (nuint)x), Vector256.LoadUnsafe(ref p, (nuint)x) + three);
            v = Vector256.Min(v, Vector256.Min(Vector256.LoadUnsafe(ref p, (nuint)(x - 1)), Vector256.LoadUnsafe(ref p, (nuint)(x + 1))) + four);
            v.StoreUnsafe(ref r, (nuint)x);
        }

        for (; x < w; x++)
        {
            int v = Math.Min(row[x], passed[x] + 3);
            v = Math.Min(v, passed[x - 1] + 4);
            row[x] = x + 1 < w ? Math.Min(v, passed[x + 1] + 4) : v;
        }
    }

    private static void Fill(ReadOnlySpan<byte> mask, byte target, Span<int> d)
    {
        for (int i = 0; i < d.Length; i++)
        {
            d[i] = mask[i] == target ? Big : 0;
        }
    }

    /// <summary>The reference of <see cref="Chamfer"/>: the two passes pixel by pixel.</summary>
    internal static void ChamferReference(ReadOnlySpan<byte> mask, byte target, int width, int height, Span<int> into)
    {
        Span<int> d = into[..mask.Length];
        Fill(mask, target, d);

        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                int i = (y * width) + x;
                if (d[i] == 0)
                {
                    continue;
                }

                int v = d[i];
                if (x > 0) v = Math.Min(v, d[i - 1] + 3);
                if (y > 0)
                {
                    v = Math.Min(v, d[i - width] + 3);
                    if (x > 0) v = Math.Min(v, d[i - width - 1] + 4);
                    if (x < width - 1) v = Math.Min(v, d[i - width + 1] + 4);
                }

                d[i] = v;
            }
        }

        for (int y = height - 1; y >= 0; y--)
        {
            for (int x = width - 1; x >= 0; x--)
            {
                int i = (y * width) + x;
                if (d[i] == 0)
                {
                    continue;
                }

                int v = d[i];
                if (x < width - 1) v = Math.Min(v, d[i + 1] + 3);
                if (y < height - 1)
                {
                    v = Math.Min(v, d[i + width] + 3);
                    if (x < width - 1) v = Math.Min(v, d[i + width + 1] + 4);
                    if (x > 0) v = Math.Min(v, d[i + width - 1] + 4);
                }

                d[i] = v;
            }
        }
    }
}
