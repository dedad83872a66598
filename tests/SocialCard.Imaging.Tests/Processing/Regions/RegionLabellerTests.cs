using SocialCard.Imaging.Processing.Regions;

namespace SocialCard.Imaging.Tests.Processing.Regions;

/// <summary>Connected regions of hand-drawn masks, and of random masks against a pixel-by-pixel breadth-first labelling.</summary>
public sealed class RegionLabellerTests
{
    [Fact]
    public void Drawn_regions_get_their_sizes_boxes_and_pixels()
    {
        using RegionLabels regions = Label(
            [
                "##..#",
                "#...#",
                "..#..",
                ".###.",
            ],
            Connectivity.Four);
        Assert.Equal(3, regions.Count);
        Assert.Equal(3, regions.Size(1));
        Assert.Equal(new RegionBounds(0, 0, 1, 1), regions.Bounds(1));
        Assert.Equal(2, regions.Size(2));
        Assert.Equal(new RegionBounds(4, 0, 4, 1), regions.Bounds(2));
        Assert.Equal(4, regions.Size(3));
        Assert.Equal(new RegionBounds(1, 2, 3, 3), regions.Bounds(3));
        Assert.Equal(3, regions.Bounds(3).Width);
        Assert.Equal(2, regions.Bounds(3).Height);
        Assert.Equal([12, 16, 17, 18], Sorted(regions.Pixels(3)));
        Assert.Equal([1, 1, 0, 0, 2, 1, 0, 0, 0, 2, 0, 0, 3, 0, 0, 0, 3, 3, 3, 0], regions.Labels.ToArray());
    }

    [Fact]
    public void Corners_link_only_with_eight_neighbours()
    {
        string[] rows =
        [
            "#.#",
            ".#.",
            "#.#",
        ];
        using RegionLabels four = Label(rows, Connectivity.Four);
        using RegionLabels eight = Label(rows, Connectivity.Eight);
        Assert.Equal(5, four.Count);
        Assert.All(Enumerable.Range(1, 5), id => Assert.Equal(1, four.Size(id)));
        Assert.Equal(1, eight.Count);
        Assert.Equal(5, eight.Size(1));
        Assert.Equal(new RegionBounds(0, 0, 2, 2), eight.Bounds(1));
    }

    [Fact]
    public void Regions_along_every_edge_stay_apart_and_inside_the_grid()
    {
        string[] rows =
        [
            "####.",
            "....#",
            "#...#",
            "#....",
            ".####",
        ];
        using RegionLabels regions = Label(rows, Connectivity.Four);
        Assert.Equal(4, regions.Count);
        Assert.Equal(new RegionBounds(0, 0, 3, 0), regions.Bounds(1));
        Assert.Equal(new RegionBounds(4, 1, 4, 2), regions.Bounds(2));
        Assert.Equal(new RegionBounds(0, 2, 0, 3), regions.Bounds(3));
        Assert.Equal(new RegionBounds(1, 4, 4, 4), regions.Bounds(4));

        // With corners, the top row joins the right column and the left column joins the bottom row.
        using RegionLabels eight = Label(rows, Connectivity.Eight);
        Assert.Equal(2, eight.Count);
        Assert.Equal(6, eight.Size(1));
        Assert.Equal(6, eight.Size(2));
    }

    [Theory]
    [InlineData(Connectivity.Four)]
    [InlineData(Connectivity.Eight)]
    public void An_empty_mask_has_no_region_and_a_full_one_a_single_region(Connectivity connectivity)
    {
        using (RegionLabels empty = RegionLabeller.Label(new ByteMask(new byte[35]), 7, 5, connectivity))
        {
            Assert.Equal(0, empty.Count);
            Assert.All(empty.Labels.ToArray(), l => Assert.Equal(0, l));
        }

        byte[] full = new byte[35];
        Array.Fill(full, (byte)1);
        using RegionLabels one = RegionLabeller.Label(new ByteMask(full), 7, 5, connectivity);
        Assert.Equal(1, one.Count);
        Assert.Equal(35, one.Size(1));
        Assert.Equal(new RegionBounds(0, 0, 6, 4), one.Bounds(1));
        Assert.Equal(Enumerable.Range(0, 35).ToArray(), Sorted(one.Pixels(1)));
    }

    [Fact]
    public void A_region_of_many_short_runs_fills_beyond_the_first_work_stack()
    {
        // A checkerboard is one region of single-pixel runs with 8-neighbours: every run pushes its diagonal
        // neighbours, far more than a row's width of pending pixels.
        const int Side = 600;
        var mask = new bool[Side * Side];
        for (int i = 0; i < mask.Length; i++)
        {
            mask[i] = ((i / Side) + (i % Side)) % 2 == 0;
        }

        using RegionLabels eight = RegionLabeller.Label(new BoolMask(mask), Side, Side, Connectivity.Eight);
        Assert.Equal(1, eight.Count);
        Assert.Equal(Side * Side / 2, eight.Size(1));
        Assert.Equal(Side * Side / 2, Sorted(eight.Pixels(1)).Distinct().Count());
        using RegionLabels four = RegionLabeller.Label(new BoolMask(mask), Side, Side, Connectivity.Four);
        Assert.Equal(Side * Side / 2, four.Count);
    }

    [Theory]
    [InlineData(1, 1, 0.5, Connectivity.Four)]
    [InlineData(64, 1, 0.6, Connectivity.Eight)]
    [InlineData(1, 70, 0.6, Connectivity.Four)]
    [InlineData(97, 61, 0.45, Connectivity.Four)]
    [InlineData(97, 61, 0.45, Connectivity.Eight)]
    [InlineData(200, 150, 0.6, Connectivity.Four)]
    [InlineData(200, 150, 0.3, Connectivity.Eight)]
    public void Random_masks_match_a_breadth_first_labelling(int width, int height, double density, Connectivity connectivity)
    {
        var rng = new Random((width * 7919) + height + (int)(density * 100));
        for (int draw = 0; draw < 5; draw++)
        {
            bool[] mask = new bool[width * height];
            for (int i = 0; i < mask.Length; i++)
            {
                mask[i] = rng.NextDouble() < density;
            }

            (int[] expected, List<int> sizes) = Reference(mask, width, height, connectivity);
            using RegionLabels regions = RegionLabeller.Label(new BoolMask(mask), width, height, connectivity);
            Assert.Equal(expected, regions.Labels.ToArray());
            Assert.Equal(sizes.Count, regions.Count);
            for (int id = 1; id <= regions.Count; id++)
            {
                Assert.Equal(sizes[id - 1], regions.Size(id));
                int[] pixels = Sorted(regions.Pixels(id));
                Assert.Equal(Enumerable.Range(0, mask.Length).Where(i => expected[i] == id), pixels);
                RegionBounds box = regions.Bounds(id);
                Assert.Equal(pixels.Min(i => i % width), box.Left);
                Assert.Equal(pixels.Max(i => i % width), box.Right);
                Assert.Equal(pixels.Min(i => i / width), box.Top);
                Assert.Equal(pixels.Max(i => i / width), box.Bottom);
            }
        }
    }

    private static RegionLabels Label(string[] rows, Connectivity connectivity)
    {
        int width = rows[0].Length;
        byte[] mask = [.. rows.SelectMany(r => r).Select(c => (byte)(c == '#' ? 1 : 0))];
        return RegionLabeller.Label(new ByteMask(mask), width, rows.Length, connectivity);
    }

    private static int[] Sorted(ReadOnlySpan<int> pixels)
    {
        int[] sorted = pixels.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    /// <summary>Pixel-by-pixel breadth-first labelling, regions numbered in row-major order of their first pixel.</summary>
    private static (int[] Labels, List<int> Sizes) Reference(bool[] mask, int width, int height, Connectivity connectivity)
    {
        int[] labels = new int[mask.Length];
        var sizes = new List<int>();
        var queue = new Queue<int>();
        for (int s = 0; s < mask.Length; s++)
        {
            if (!mask[s] || labels[s] != 0)
            {
                continue;
            }

            sizes.Add(0);
            labels[s] = sizes.Count;
            queue.Enqueue(s);
            while (queue.TryDequeue(out int i))
            {
                sizes[^1]++;
                int x = i % width, y = i / width;
                for (int dy = -1; dy <= 1; dy++)
                {
                    for (int dx = -1; dx <= 1; dx++)
                    {
                        int nx = x + dx, ny = y + dy;
                        bool touches = connectivity == Connectivity.Eight ? (dx, dy) != (0, 0) : Math.Abs(dx) + Math.Abs(dy) == 1;
                        if (touches && nx >= 0 && ny >= 0 && nx < width && ny < height && mask[(ny * width) + nx] && labels[(ny * width) + nx] == 0)
                        {
                            labels[(ny * width) + nx] = sizes.Count;
                            queue.Enqueue((ny * width) + nx);
                        }
                    }
                }
            }
        }

        return (labels, sizes);
    }
}
