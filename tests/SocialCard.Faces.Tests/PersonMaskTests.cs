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

    /// <summary>At, and the row and column readers that find the fixed coordinate's grid cells once, give bit for bit
    /// the bilinear value written out here (x first, then y, in doubles), at pixel centres, between them, off the
    /// photo and on the clamped edges.</summary>
    [Theory]
    [InlineData(160, 358, 441)]
    [InlineData(256, 441, 358)]
    [InlineData(9, 7, 3)]
    public void At_and_the_line_readers_equal_the_bilinear_formula(int size, int width, int height)
    {
        var random = new Random(size + width + height);
        var grid = new float[size * size];
        for (int i = 0; i < grid.Length; i++)
        {
            grid[i] = random.NextSingle();
        }

        var mask = new PersonMask(grid, size, width, height);
        for (int n = 0; n < 2000; n++)
        {
            double x = (random.NextDouble() * (width + 4)) - 2, y = (random.NextDouble() * (height + 4)) - 2;
            if (n % 3 == 0)
            {
                (x, y) = (Math.Round(x) + 0.5, Math.Round(y));
            }

            float expected = Formula(grid, size, mask, x, y);
            Assert.Equal(BitConverter.SingleToInt32Bits(expected), BitConverter.SingleToInt32Bits(mask.At(x, y)));
            Assert.Equal(BitConverter.SingleToInt32Bits(expected), BitConverter.SingleToInt32Bits(mask.Row(y).At(x)));
            Assert.Equal(BitConverter.SingleToInt32Bits(expected), BitConverter.SingleToInt32Bits(mask.Column(x).At(y)));
        }

        static float Formula(float[] p, int size, PersonMask mask, double x, double y)
        {
            double scale = (double)size / mask.Side;
            double gx = Math.Clamp(((x + mask.PadLeft) * scale) - 0.5, 0, size - 1), gy = Math.Clamp(((y + mask.PadTop) * scale) - 0.5, 0, size - 1);
            int x0 = (int)gx, y0 = (int)gy, x1 = Math.Min(x0 + 1, size - 1), y1 = Math.Min(y0 + 1, size - 1);
            double fx = gx - x0, fy = gy - y0;
            double top = p[(y0 * size) + x0] + ((p[(y0 * size) + x1] - p[(y0 * size) + x0]) * fx);
            double bot = p[(y1 * size) + x0] + ((p[(y1 * size) + x1] - p[(y1 * size) + x0]) * fx);
            return (float)(top + ((bot - top) * fy));
        }
    }

    /// <summary>The line scans (the first value at or above a threshold, the count below it, every pixel or every
    /// second) read exactly the values of <see cref="PersonMaskLine.At"/> along columns and rows, on grids coarser and
    /// finer than the photo, with thresholds that some values meet exactly.</summary>
    [Theory]
    [InlineData(160, 358, 441)]
    [InlineData(256, 441, 358)]
    [InlineData(9, 7, 30)]
    public void Line_scans_equal_reading_every_value(int size, int width, int height)
    {
        var random = new Random(size * 7 + width + height);
        var grid = new float[size * size];
        for (int i = 0; i < grid.Length; i++)
        {
            grid[i] = random.Next(5) == 0 ? 0.5f : random.NextSingle() * random.NextSingle();
        }

        var mask = new PersonMask(grid, size, width, height);
        for (int n = 0; n < 200; n++)
        {
            double at = random.NextDouble() * width;
            PersonMaskLine line = n % 4 == 3 ? mask.Row(random.NextDouble() * height) : mask.Column(at);
            int length = n % 4 == 3 ? width : height;
            int from = random.Next(length), step = 1 + (n % 2);
            float threshold = n % 3 == 0 ? 0.5f : random.NextSingle() * 0.6f;
            int first = -1, below = 0;
            for (int v = from; v < length; v += step)
            {
                if (line.At(v) >= threshold)
                {
                    first = first < 0 ? v : first;
                }
                else
                {
                    below++;
                }
            }

            Assert.Equal(first, line.FirstAtLeast(from, length, threshold, step));
            Assert.Equal(below, line.CountBelow(from, length, threshold, step));
        }
    }

    /// <summary>The vector row interpolation (tables + permutes) equals the scalar reference bit for bit, for rows of
    /// every length around the vector widths, pixel columns on and between the cells, the clamped edges, and
    /// values that make the float step round (large and tiny probabilities side by side), and rows wider than the
    /// photo (cells too far apart for one permute).</summary>
    [Theory]
    [InlineData(160, 358)]
    [InlineData(256, 441)]
    [InlineData(256, 1200)]
    [InlineData(9, 31)]
    [InlineData(8, 5)]
    [InlineData(1, 13)]
    [InlineData(256, 200)]
    [InlineData(160, 40)]
    public void InterpolateRow_equals_the_reference(int size, int width)
    {
        var random = new Random(size * 7919 + width);
        var x0 = new int[width];
        var fx = new double[width];
        for (int x = 0; x < width; x++)
        {
            double g = Math.Clamp(((x + 0.5) * size / width) - 0.5 + (random.NextDouble() * 0.01), 0, size - 1);
            x0[x] = (int)g;
            fx[x] = x % 7 == 0 ? 0 : g - x0[x];
        }

        var cells = new float[size];
        var left = new float[size + 8];
        var step = new float[size + 8];
        var fast = new double[width];
        var expected = new double[width];
        for (int round = 0; round < 50; round++)
        {
            for (int c = 0; c < size; c++)
            {
                cells[c] = (c + round) % 3 == 0 ? random.NextSingle() * 1e-6f : random.NextSingle();
            }

            PersonMask.InterpolateRow(cells, x0, fx, left, step, fast);
            PersonMask.InterpolateRowReference(cells, x0, fx, expected);
            for (int x = 0; x < width; x++)
            {
                Assert.True(BitConverter.DoubleToInt64Bits(expected[x]) == BitConverter.DoubleToInt64Bits(fast[x]),
                    $"column {x} of {width} on a row of {size}: {fast[x]:R} vs reference {expected[x]:R}");
            }
        }
    }

    [Theory]
    [InlineData(358, 441, 160)]
    [InlineData(1200, 901, 256)]
    public void Sample_equals_its_scalar_reference(int width, int height, int size)
    {
        var random = new Random(width + height + size);
        var grid = new float[size * size];
        for (int i = 0; i < grid.Length; i++)
        {
            grid[i] = random.NextSingle();
        }

        var mask = new PersonMask(grid, size, width, height);
        var fast = new float[width * height];
        var expected = new float[width * height];
        mask.Sample(fast);
        mask.Sample(expected, reference: true);
        Assert.Equal(expected, fast);
    }

    [Fact]
    public void Sample_refuses_more_rows_than_the_photo()
    {
        var mask = new PersonMask(new float[256 * 256], 256, 10, 10);
        Assert.Throws<ArgumentOutOfRangeException>(() => mask.Sample(new float[10 * 11]));
    }
}
