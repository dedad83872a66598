using SocialCard.Imaging.Processing.Distance;

namespace SocialCard.Imaging.Tests.Processing.Distance;

/// <summary>The chamfer ball dilation gives exactly the pixels the distance transform puts within the limit.</summary>
public sealed class ChamferDilationTests
{
    [Theory]
    [InlineData(1, 1, 0)]
    [InlineData(37, 23, 5)]
    [InlineData(64, 30, 9)]
    [InlineData(130, 41, 12)]
    [InlineData(200, 60, 40)]
    [InlineData(300, 90, 200)]
    public void The_dilation_is_the_distance_transform_within_the_limit(int width, int height, int limit)
    {
        var rng = new Random((width * 1000) + limit);
        int words = SocialCard.Imaging.Processing.BitRows.BitRowKernel.Words(width);
        foreach (double density in new[] { 0.0005, 0.01, 0.2 })
        {
            byte[] mask = new byte[width * height];
            ulong[] set = new ulong[words * height];
            for (int y = 0; y < height; y++)
            {
                for (int x = 0; x < width; x++)
                {
                    if (rng.NextDouble() < density)
                    {
                        mask[(y * width) + x] = 1;
                        set[(y * words) + (x >> 6)] |= 1UL << (x & 63);
                    }
                }
            }

            int[] distance = new int[mask.Length];
            DistanceTransform.Chamfer(mask, 0, width, height, distance);
            ulong[] within = new ulong[set.Length];
            ChamferDilation.Dilate(set, width, height, limit, within);
            for (int y = 0; y < height; y++)
            {
                for (int x = 0; x < width; x++)
                {
                    bool expected = distance[(y * width) + x] <= limit;
                    bool actual = ((within[(y * words) + (x >> 6)] >> (x & 63)) & 1) != 0;
                    Assert.True(expected == actual, $"({x}, {y}) density {density}: distance {distance[(y * width) + x]}, limit {limit}");
                }
            }

            for (int y = 0; y < height && width % 64 != 0; y++)
            {
                Assert.Equal(0UL, within[(y * words) + words - 1] >> (width % 64));
            }
        }
    }

    [Fact]
    public void The_dilation_is_written_apart_from_the_set()
    {
        ulong[] rows = new ulong[8];
        rows[2] = 1;
        Assert.Throws<ArgumentException>(() => ChamferDilation.Dilate(rows, 64, 4, 3, rows.AsSpan(4)));
        Assert.Throws<ArgumentException>(() => ChamferDilation.Dilate(rows.AsSpan(0, 4), 64, 4, 3, rows.AsSpan(2, 6)));
        ulong[] into = new ulong[4];
        ChamferDilation.Dilate(rows.AsSpan(0, 4), 64, 4, 3, into);
        Assert.Equal([0UL, 0b1UL, 0b11UL, 0b1UL], into);
    }

    [Fact]
    public void A_row_without_pixels_is_refused()
    {
        ulong[] rows = new ulong[4];
        Assert.Throws<ArgumentOutOfRangeException>(() => ChamferDilation.Dilate(rows, 0, 2, 3, rows));
    }
}
