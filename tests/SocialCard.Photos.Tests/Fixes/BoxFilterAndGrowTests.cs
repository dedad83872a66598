using SocialCard.Photos.Fixes.Segmentation;

namespace SocialCard.Photos.Tests.Fixes;

/// <summary>The box mean and the region growing against direct references: the mean's running sums (the inner stretch
/// of each row without the border tests, the column pass in vectors) give the same floats as the sums pixel by pixel
/// in the same order; the scanline fill keeps exactly the pixels a pixel-by-pixel 8-neighbour fill keeps.</summary>
public sealed class BoxFilterAndGrowTests
{
    [Theory]
    [InlineData(37, 23, 3)]
    [InlineData(358, 41, 12)]
    [InlineData(9, 50, 12)]
    [InlineData(1, 7, 2)]
    [InlineData(33, 1, 4)]
    [InlineData(17, 17, 0)]
    public void Mean_equals_the_running_sums_pixel_by_pixel(int width, int height, int radius)
    {
        var random = new Random((width * 131) + (height * 7) + radius);
        float[] src = new float[width * height];
        for (int i = 0; i < src.Length; i++)
        {
            src[i] = random.Next(4) == 0 ? 1f : (float)random.NextDouble();
        }

        float[] expected = ReferenceMean(src, width, height, radius), actual = new float[src.Length];
        BoxFilter.Mean(src, actual, width, height, radius);

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(60, 40, 0.5, 1)]
    [InlineData(60, 40, 0.62, 2)]
    [InlineData(101, 77, 0.7, 3)]
    [InlineData(31, 90, 0.8, 5)]
    [InlineData(1, 30, 0.9, 1)]
    public void Grow_keeps_what_an_eight_neighbour_fill_keeps(int width, int height, double share, int seedCount)
    {
        var random = new Random((width * 17) + height + seedCount);
        bool[] passable = new bool[width * height];
        for (int i = 0; i < passable.Length; i++)
        {
            passable[i] = random.NextDouble() < share;
        }

        int[] seeds = [.. Enumerable.Range(0, seedCount).Select(_ => random.Next(passable.Length))];

        Assert.Equal(ReferenceGrow(passable, width, height, seeds), MatteCleanup.Grow(passable, width, height, seeds));
    }

    private static float[] ReferenceMean(float[] src, int width, int height, int radius)
    {
        float[] tmp = new float[src.Length], dst = new float[src.Length];
        for (int y = 0; y < height; y++)
        {
            float sum = 0;
            for (int x = 0; x <= Math.Min(radius, width - 1); x++)
            {
                sum += src[(y * width) + x];
            }

            for (int x = 0; x < width; x++)
            {
                int lo = x - radius, top = x + radius;
                tmp[(y * width) + x] = sum / (Math.Min(top, width - 1) - Math.Max(lo, 0) + 1);
                if (top + 1 < width)
                {
                    sum += src[(y * width) + top + 1];
                }

                if (lo >= 0)
                {
                    sum -= src[(y * width) + lo];
                }
            }
        }

        float[] colSum = new float[width];
        for (int y = 0; y <= Math.Min(radius, height - 1); y++)
        {
            for (int x = 0; x < width; x++)
            {
                colSum[x] += tmp[(y * width) + x];
            }
        }

        for (int y = 0; y < height; y++)
        {
            int lo = y - radius, top = y + radius;
            float inv = 1f / (Math.Min(top, height - 1) - Math.Max(lo, 0) + 1);
            for (int x = 0; x < width; x++)
            {
                dst[(y * width) + x] = colSum[x] * inv;
                if (top + 1 < height)
                {
                    colSum[x] += tmp[((top + 1) * width) + x];
                }

                if (lo >= 0)
                {
                    colSum[x] -= tmp[(lo * width) + x];
                }
            }
        }

        return dst;
    }

    private static bool[] ReferenceGrow(bool[] passable, int width, int height, int[] seeds)
    {
        bool[] kept = new bool[passable.Length];
        var stack = new Stack<int>(seeds.Where(s => passable[s]));
        foreach (int s in stack)
        {
            kept[s] = true;
        }

        while (stack.Count > 0)
        {
            int i = stack.Pop(), x = i % width, y = i / width;
            for (int ny = Math.Max(0, y - 1); ny <= Math.Min(height - 1, y + 1); ny++)
            {
                for (int nx = Math.Max(0, x - 1); nx <= Math.Min(width - 1, x + 1); nx++)
                {
                    int j = (ny * width) + nx;
                    if (passable[j] && !kept[j])
                    {
                        kept[j] = true;
                        stack.Push(j);
                    }
                }
            }
        }

        return kept;
    }
}
