using SocialCard.Imaging;
using SocialCard.Imaging.Processing.Luminance;
using SocialCard.Photos.Analysis;

namespace SocialCard.Photos.Tests.Rules.Background;

/// <summary>
/// The background model's cell classification (background test, cell luma, coloured-patch count): the Vector256 kernel
/// gives exactly the cells, lumas and count of the scalar reference, on even and odd sizes, with the vector loop's
/// tail and the duplicated last pixel of an odd width.
/// </summary>
public sealed class BackgroundModelKernelTests
{
    [Theory]
    [InlineData(358, 441, 120)]
    [InlineData(359, 40, 20)]
    [InlineData(64, 5, 3)]
    [InlineData(65, 6, 0)]
    [InlineData(33, 7, 4)]
    [InlineData(31, 3, 2)]
    [InlineData(32, 2, 1)]
    [InlineData(2, 1, 1)]
    [InlineData(1, 1, 1)]
    public void Vector256_cell_classification_matches_the_scalar_reference(int width, int height, int colourRows)
    {
        using RgbImage image = MixedImage(width, height, seed: (width * 1000) + height);
        (byte r, byte g, byte b) = (236, 238, 241);
        int cw = Math.Max(1, width / 2), ch = Math.Max(1, height / 2);
        var expectCells = new byte[cw * ch];
        var expectLuma = new byte[cw * ch];
        long expectColoured = BackgroundCellKernel.ClassifyScalar(image, r, g, b, expectCells, expectLuma, cw, ch, colourRows, 0);
        var cells = new byte[cw * ch];
        var luma = new byte[cw * ch];
        long coloured = BackgroundCellKernel.ClassifyVector256(image, r, g, b, cells, luma, cw, ch, colourRows);

        Assert.Equal(expectCells, cells);
        Assert.Equal(expectLuma, luma);
        Assert.Equal(expectColoured, coloured);
    }

    [Theory]
    [InlineData(179, 220, 145)]
    [InlineData(179, 220, 220)]
    [InlineData(50, 9, 9)]
    [InlineData(33, 12, 5)]
    [InlineData(18, 4, 4)]
    [InlineData(17, 3, 3)]
    [InlineData(40, 1, 1)]
    [InlineData(1, 6, 6)]
    public void Vector256_zone_totals_and_foreign_marks_match_the_scalar_reference(int cw, int ch, int zoneRows)
    {
        var random = new Random((cw * 100) + ch);
        var cells = new byte[cw * ch];
        var luma = new byte[cw * ch];
        for (int i = 0; i < cells.Length; i++)
        {
            // Mostly background in large runs (so interior cells exist), some person and unclassified cells.
            int block = ((i % cw) / 7) + ((i / cw) / 3);
            cells[i] = random.Next(12) == 0 ? (byte)random.Next(3) : block % 5 == 0 ? BackgroundModel.CellPerson : BackgroundModel.CellBackground;
            luma[i] = (byte)random.Next(256);
        }

        byte[] expectCells = [.. cells];
        var expected = BackgroundZoneKernel.MeasureScalar(expectCells, luma, cw, ch, zoneRows);
        var actual = BackgroundZoneKernel.MeasureVector256(cells, luma, cw, ch, zoneRows);

        Assert.Equal(expected, actual);
        Assert.Equal(expectCells, cells);
        if (cw > 20 && ch > 4)
        {
            Assert.True(expected.GradientCount > 0 && expected.Foreign > 0, "interior and unclassified cells were exercised");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task Scalar_border_median_ends_on_narrow_images(int width)
    {
        // Regression: with a 3-pixel-wide image the scalar loop jumped from the left strip back to x = 1 for ever.
        using RgbImage image = MixedImage(width, 9, 8);
        var scalar = Task.Run(() => BorderMedianKernel.MeasureScalar(image));
        Assert.Same(scalar, await Task.WhenAny(scalar, Task.Delay(TimeSpan.FromSeconds(10))));
        Assert.Equal(await scalar, BorderMedianKernel.MeasureFast(image));
    }

    [Theory]
    [InlineData(358, 441, 1)]
    [InlineData(358, 441, 2)]
    [InlineData(413, 531, 3)]
    [InlineData(61, 33, 4)]
    [InlineData(17, 9, 5)]
    [InlineData(4, 4, 6)]
    [InlineData(2, 5, 7)]
    [InlineData(40, 1, 8)]
    [InlineData(1, 1, 9)]
    [InlineData(1, 40, 10)]
    public void Fast_border_median_equals_the_scalar_reference(int width, int height, int seed)
    {
        using RgbImage image = MixedImage(width, height, seed);
        if (seed == 2)
        {
            // A uniform white border with JPEG-like noise: long runs of one level (the interleaved histograms' case).
            for (int y = 0; y < height; y++)
            {
                Span<byte> row = image.Row(y);
                for (int i = 0; i < row.Length; i++)
                {
                    row[i] = (byte)(255 - ((i * 7 + y) % 11 == 0 ? 1 : 0));
                }
            }
        }

        Assert.Equal(BorderMedianKernel.MeasureScalar(image), BorderMedianKernel.MeasureFast(image));
    }

    [Theory]
    [InlineData(179, 220, 1)]
    [InlineData(179, 220, 2)]
    [InlineData(31, 17, 3)]
    [InlineData(1, 9, 4)]
    [InlineData(9, 1, 5)]
    [InlineData(2, 2, 6)]
    public void Scanline_person_fill_marks_the_same_cells_as_a_cell_by_cell_fill(int cw, int ch, int seed)
    {
        var random = new Random(seed);
        var cells = new byte[cw * ch];
        for (int i = 0; i < cells.Length; i++)
        {
            // Background walls with gaps: winding unclassified regions, some connected to the seeds, some not.
            cells[i] = random.Next(100) < 45 ? BackgroundModel.CellBackground : (byte)0;
        }

        var skin = new PixelRect(cw / 2, ch / 3, Math.Max(2, cw / 3), Math.Max(2, ch / 4));
        byte[] expected = [.. cells];
        ReferenceFill(expected, cw, ch, skin);

        PersonFill.Mark(cells, cw, ch, skin);

        Assert.Equal(expected, cells);
        Assert.Contains(cells, c => c == BackgroundModel.CellPerson);
    }

    /// <summary>The former fill: a stack of single cells, four neighbours each.</summary>
    private static void ReferenceFill(byte[] cells, int cw, int ch, PixelRect skin)
    {
        var stack = new Stack<int>();
        void Push(int index)
        {
            if (cells[index] == 0)
            {
                cells[index] = BackgroundModel.CellPerson;
                stack.Push(index);
            }
        }

        for (int x = 0; x < cw; x++)
        {
            Push(((ch - 1) * cw) + x);
        }

        for (int y = skin.Y / 2; y < Math.Min(ch, skin.Bottom / 2); y++)
        {
            for (int x = skin.X / 2; x < Math.Min(cw, skin.Right / 2); x++)
            {
                Push((y * cw) + x);
            }
        }

        while (stack.Count > 0)
        {
            int i = stack.Pop();
            int x = i % cw;
            if (x > 0)
            {
                Push(i - 1);
            }

            if (x < cw - 1)
            {
                Push(i + 1);
            }

            if (i >= cw)
            {
                Push(i - cw);
            }

            if (i + cw < cells.Length)
            {
                Push(i + cw);
            }
        }
    }

    [Theory]
    [InlineData(358, 441)]
    [InlineData(357, 441)]
    [InlineData(101, 77)]
    public void Person_only_luma_histogram_matches_a_per_pixel_cell_lookup(int width, int height)
    {
        using RgbImage image = MixedImage(width, height, seed: width + height);
        LumaPlane luma = LumaPlane.From(image);
        FaceRegion face = FaceRegion.FromFace(width / 2f, height * 0.45f, width * 0.5f, width, height);
        BackgroundModel model = BackgroundModel.Measure(image, face);
        var zone = new PixelRect(width / 3, height / 4, width - (width / 3), height / 2); // reaches the right edge

        ZoneStats stats = ZoneStats.Measure(image, luma, zone, model, colour: false);

        var expected = new int[256];
        int count = 0;
        long sum = 0;
        for (int y = zone.Y; y < zone.Bottom; y++)
        {
            for (int x = zone.X; x < zone.Right; x++)
            {
                int cell = (Math.Min(y >> 1, model.CellHeight - 1) * model.CellWidth) + Math.Min(x >> 1, model.CellWidth - 1);
                if (model.Cells[cell] != BackgroundModel.CellBackground)
                {
                    expected[luma[x, y]]++;
                    count++;
                    sum += luma[x, y];
                }
            }
        }

        Assert.Equal(expected, stats.Histogram.ToArray());
        Assert.Equal(count, stats.Count);
        Assert.Equal(count > 0 ? sum / (double)count : 0, stats.MeanLuma);
        Assert.InRange(count, 1, zone.Area - 1);
    }

    [Fact]
    public void A_model_measured_into_returned_cells_reads_as_a_first_one()
    {
        // The cells are rented: a model measured after another photo's cells went back to the pool reads the same as
        // one measured first, and a model's cells are not read after they went back.
        using RgbImage image = MixedImage(358, 441, seed: 7);
        using RgbImage other = MixedImage(358, 441, seed: 8);
        FaceRegion face = FaceRegion.FromFace(179f, 441 * 0.45f, 179f, 358, 441);
        BackgroundModel first = BackgroundModel.Measure(image, face);
        byte[] expected = first.Cells.ToArray();
        first.ReturnRented();
        Assert.Throws<ArgumentOutOfRangeException>(() => first.Cells.Length);

        for (int i = 0; i < 4; i++)
        {
            BackgroundModel dirty = BackgroundModel.Measure(other, face);
            Assert.NotEqual(expected, dirty.Cells.ToArray());
            dirty.ReturnRented();
            BackgroundModel again = BackgroundModel.Measure(image, face);
            Assert.Equal(expected, again.Cells.ToArray());
            Assert.Equal((first.Coverage, first.ForeignShare, first.ColouredPatchShare, first.MeanGradient, first.LumaSpread), (again.Coverage, again.ForeignShare, again.ColouredPatchShare, again.MeanGradient, again.LumaSpread));
            again.ReturnRented();
        }
    }

    [Fact]
    public void The_test_image_holds_background_other_and_coloured_cells()
    {
        // Guards the test above against a vacuous input: every branch of the classification is taken.
        using RgbImage image = MixedImage(358, 441, seed: 358441);
        int cw = 179, ch = 220;
        var cells = new byte[cw * ch];
        var luma = new byte[cw * ch];
        long coloured = BackgroundCellKernel.ClassifyScalar(image, 236, 238, 241, cells, luma, cw, ch, ch, 0);

        Assert.Contains(cells, c => c == BackgroundModel.CellBackground);
        Assert.Contains(cells, c => c == 0);
        Assert.InRange(coloured, 1, (cw * ch) - 1);
        Assert.True(coloured < cells.Count(c => c == 0), "grey non-background cells exist too");
    }

    /// <summary>Blocks of near-background, grey, skin-like and saturated colours with per-pixel noise.</summary>
    private static RgbImage MixedImage(int width, int height, int seed)
    {
        var random = new Random(seed);
        var image = new RgbImage(width, height);
        (int R, int G, int B)[] palette = [(236, 238, 241), (250, 250, 250), (128, 128, 128), (205, 160, 130), (40, 90, 200), (30, 180, 60), (220, 40, 40), (10, 10, 12)];
        for (int y = 0; y < height; y++)
        {
            Span<byte> row = image.Row(y);
            for (int x = 0; x < width; x++)
            {
                (int pr, int pg, int pb) = palette[(((x / 5) * 7) + ((y / 3) * 3) + (seed % 5)) % palette.Length];
                int noise = random.Next(0, 4) == 0 ? 60 : 12;
                row[x * 3] = (byte)Math.Clamp(pr + random.Next(-noise, noise + 1), 0, 255);
                row[(x * 3) + 1] = (byte)Math.Clamp(pg + random.Next(-noise, noise + 1), 0, 255);
                row[(x * 3) + 2] = (byte)Math.Clamp(pb + random.Next(-noise, noise + 1), 0, 255);
            }
        }

        return image;
    }
}
