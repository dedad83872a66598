using System.Buffers;

namespace SocialCard.Photos.Fixes.Segmentation;

/// <summary>Mean over a (2r+1)^2 window, separable running sums, windows clipped at the borders (true mean of the
/// pixels inside). The row pass's scratch plane is rented from the shared pool (the segmenter filters a dozen planes
/// per photo).</summary>
internal static class BoxFilter
{
    public static void Mean(ReadOnlySpan<float> src, Span<float> dst, int width, int height, int radius)
    {
        float[] tmp = ArrayPool<float>.Shared.Rent(src.Length);
        try
        {
            Mean(src, dst, width, height, radius, tmp);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(tmp);
        }
    }

    private static void Mean(ReadOnlySpan<float> src, Span<float> dst, int width, int height, int radius, float[] tmp)
    {
        for (int y = 0; y < height; y++)
        {
            ReadOnlySpan<float> row = src.Slice(y * width, width);
            Span<float> outRow = tmp.AsSpan(y * width, width);
            float sum = 0;
            int hi = Math.Min(radius, width - 1);
            for (int x = 0; x <= hi; x++)
            {
                sum += row[x];
            }

            for (int x = 0; x < width; x++)
            {
                int lo = x - radius, top = x + radius;
                int count = Math.Min(top, width - 1) - Math.Max(lo, 0) + 1;
                outRow[x] = sum / count;
                if (top + 1 < width)
                {
                    sum += row[top + 1];
                }

                if (lo >= 0)
                {
                    sum -= row[lo];
                }
            }
        }

        float[] colSum = new float[width];
        int rhi = Math.Min(radius, height - 1);
        for (int y = 0; y <= rhi; y++)
        {
            for (int x = 0; x < width; x++)
            {
                colSum[x] += tmp[(y * width) + x];
            }
        }

        for (int y = 0; y < height; y++)
        {
            int lo = y - radius, top = y + radius;
            int count = Math.Min(top, height - 1) - Math.Max(lo, 0) + 1;
            float inv = 1f / count;
            Span<float> outRow = dst.Slice(y * width, width);
            for (int x = 0; x < width; x++)
            {
                outRow[x] = colSum[x] * inv;
            }

            if (top + 1 < height)
            {
                ReadOnlySpan<float> add = tmp.AsSpan((top + 1) * width, width);
                for (int x = 0; x < width; x++)
                {
                    colSum[x] += add[x];
                }
            }

            if (lo >= 0)
            {
                ReadOnlySpan<float> sub = tmp.AsSpan(lo * width, width);
                for (int x = 0; x < width; x++)
                {
                    colSum[x] -= sub[x];
                }
            }
        }
    }

    /// <summary>Local mean colour of the selected pixels: box means of the selection (<paramref name="selected"/>, 0 or 1
    /// per pixel) and of the selected pixels' R, G and B; the mean colour is R/Weight where Weight is not near 0.</summary>
    public static (float[] Weight, float[] R, float[] G, float[] B) SelectedColourMeans(ReadOnlySpan<byte> rgb, float[] selected, int width, int height, int radius)
    {
        int n = width * height;
        float[] r = new float[n], g = new float[n], b = new float[n];
        for (int i = 0; i < n; i++)
        {
            if (selected[i] != 0)
            {
                r[i] = rgb[i * 3];
                g[i] = rgb[(i * 3) + 1];
                b[i] = rgb[(i * 3) + 2];
            }
        }

        float[] mw = new float[n], mr = new float[n], mg = new float[n], mb = new float[n];
        Mean(selected, mw, width, height, radius);
        Mean(r, mr, width, height, radius);
        Mean(g, mg, width, height, radius);
        Mean(b, mb, width, height, radius);
        return (mw, mr, mg, mb);
    }
}
