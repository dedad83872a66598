namespace SocialCard.Faces.Tests;

/// <summary><see cref="PersonMask.Sample"/> gives exactly what <see cref="PersonMask.At"/> gives at every pixel centre
/// (the cut-out measure reads the whole plane and must keep its values bit for bit), on portrait, landscape, square and
/// tiny photos, for the whole photo and for its upper rows.</summary>
public sealed class PersonMaskTests
{
    [Theory]
    [InlineData(358, 441)]
    [InlineData(441, 358)]
    [InlineData(300, 300)]
    [InlineData(7, 3)]
    [InlineData(1200, 901)]
    public void Sample_equals_At_at_every_pixel(int width, int height)
    {
        var random = new Random(width * 1000 + height);
        var grid = new float[256 * 256];
        for (int i = 0; i < grid.Length; i++)
        {
            grid[i] = random.NextSingle();
        }

        var mask = new PersonMask(grid, 256, width, height);
        foreach (int rows in new[] { height, (height / 2) + 1 })
        {
            var plane = new float[width * rows];
            mask.Sample(plane);
            for (int y = 0; y < rows; y++)
            {
                for (int x = 0; x < width; x++)
                {
                    float expected = mask.At(x, y);
                    Assert.True(BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(plane[(y * width) + x]),
                        $"({x},{y}) of {width}x{height}: {plane[(y * width) + x]:R} vs At {expected:R}");
                }
            }
        }
    }

    [Fact]
    public void Sample_refuses_more_rows_than_the_photo()
    {
        var mask = new PersonMask(new float[256 * 256], 256, 10, 10);
        Assert.Throws<ArgumentOutOfRangeException>(() => mask.Sample(new float[10 * 11]));
    }
}
