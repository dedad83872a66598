namespace SocialCard.Photos.Fixes.Segmentation;

/// <summary>Two-pass 3-4 chamfer distance (in pixels, /3) from every pixel to the nearest pixel where
/// <c>mask[i] != target</c>.</summary>
internal static class DistanceTransform
{
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
    public static void Chamfer(ReadOnlySpan<byte> mask, byte target, int width, int height, Span<int> into)
    {
        const int Big = 1 << 28;
        Span<int> d = into[..mask.Length];
        for (int i = 0; i < d.Length; i++)
        {
            d[i] = mask[i] == target ? Big : 0;
        }

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
