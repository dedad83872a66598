using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace SocialCard.Photos.Fixes.Segmentation;

/// <summary>Mean over a (2r+1)^2 window, separable running sums, windows clipped at the borders (true mean of the
/// pixels inside). The row pass's scratch plane is rented from the shared pool (the segmenter filters a dozen planes
/// per photo).</summary>
internal static class BoxFilter
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

            // Where the window lies wholly inside the row it adds one pixel and drops one: the same sums, without the
            // border cases' tests.
            int x0 = 0, inner = width - radius - 1;
            for (; x0 < Math.Min(radius, width); x0++)
            {
                sum = RowStep(row, outRow, x0, width, radius, sum);
            }

            float full = (2 * radius) + 1;
            for (; x0 < inner; x0++)
            {
                outRow[x0] = sum / full;
                sum += row[x0 + radius + 1];
                sum -= row[x0 - radius];
            }

            for (; x0 < width; x0++)
            {
                sum = RowStep(row, outRow, x0, width, radius, sum);
            }
        }

        float[] colSum = new float[width];
        int rhi = Math.Min(radius, height - 1);
        for (int y = 0; y <= rhi; y++)
        {
            TensorPrimitives.Add(colSum, tmp.AsSpan(y * width, width), colSum);
        }

        for (int y = 0; y < height; y++)
        {
            int lo = y - radius, top = y + radius;
            int count = Math.Min(top, height - 1) - Math.Max(lo, 0) + 1;
            float inv = 1f / count;
            Span<float> outRow = dst.Slice(y * width, width);
            TensorPrimitives.Multiply(colSum, inv, outRow);
            if (top + 1 < height)
            {
                TensorPrimitives.Add(colSum, tmp.AsSpan((top + 1) * width, width), colSum);
            }

            if (lo >= 0)
            {
                TensorPrimitives.Subtract(colSum, tmp.AsSpan(lo * width, width), colSum);
            }
        }
    }

    /// <summary>One pixel of the row pass where the window may be clipped by a border: its mean, then the window moved on.</summary>
    private static float RowStep(ReadOnlySpan<float> row, Span<float> outRow, int x, int width, int radius, float sum)
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

        return sum;
    }

    /// <summary>Local mean colour of the selected pixels: box means of the selection (<paramref name="selected"/>, 0 or 1
    /// per pixel) and of the selected pixels' R, G and B; the mean colour is R/Weight where Weight is not near 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
