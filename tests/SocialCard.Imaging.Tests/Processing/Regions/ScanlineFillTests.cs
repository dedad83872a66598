using SocialCard.Imaging.Processing.Regions;

namespace SocialCard.Imaging.Tests.Processing.Regions;

/// <summary>The flood fill enters exactly the region's pixels linked to the seeds, with either connectivity.</summary>
public sealed class ScanlineFillTests
{
    private static readonly string[] Drawn =
    [
        "##...#..",
        ".#..##..",
        ".#.#....",
        ".###..#.",
        "......##",
    ];

    [Fact]
    public void A_fill_enters_the_seeds_region_only()
    {
        (bool[] open, int width, int height) = Parse(Drawn);
        var region = new Marking(open);
        int entered = ScanlineFill.Fill(ref region, width, height, 0, Connectivity.Four);
        Assert.Equal(8, entered);
        Assert.Equal(
            [
                "##......",
                ".#......",
                ".#.#....",
                ".###....",
                "........",
            ],
            Show(region.Entered, width));

        // With corners the piece at the upper right joins through (3, 2) -> (4, 1).
        var eight = new Marking(open);
        Assert.Equal(11, ScanlineFill.Fill(ref eight, width, height, 0, Connectivity.Eight));
        Assert.Equal(
            [
                "##...#..",
                ".#..##..",
                ".#.#....",
                ".###....",
                "........",
            ],
            Show(eight.Entered, width));
    }

    [Fact]
    public void A_seed_outside_the_region_enters_nothing_and_seeds_of_one_region_fill_it_once()
    {
        (bool[] open, int width, int height) = Parse(Drawn);
        var region = new Marking(open);
        Assert.Equal(0, ScanlineFill.Fill(ref region, width, height, 2, Connectivity.Eight));
        Assert.DoesNotContain(true, region.Entered);
        Assert.Equal(3 + 8, ScanlineFill.Fill(ref region, width, height, [38, 0, 9, 39, 31], Connectivity.Four));
        Assert.Equal(
            [
                "##......",
                ".#......",
                ".#.#....",
                ".###..#.",
                "......##",
            ],
            Show(region.Entered, width));
    }

    [Fact]
    public void A_spread_starts_beside_its_sources()
    {
        (bool[] open, int width, int height) = Parse(Drawn);

        // (5, 3) is not in the region; of its side neighbours only (6, 3) is.
        var four = new Marking(open);
        Assert.Equal(3, ScanlineFill.Spread(ref four, width, height, [29], Connectivity.Four));
        Assert.Equal(
            [
                "........",
                "........",
                "........",
                "......#.",
                "......##",
            ],
            Show(four.Entered, width));

        // (4, 2) touches both upper pieces through its sides; (7, 2) touches the lower right one only at a corner.
        var sides = new Marking(open);
        Assert.Equal(11, ScanlineFill.Spread(ref sides, width, height, [20], Connectivity.Four));
        var corners = new Marking(open);
        Assert.Equal(11, ScanlineFill.Spread(ref corners, width, height, [20], Connectivity.Eight));
        var none = new Marking(open);
        Assert.Equal(0, ScanlineFill.Spread(ref none, width, height, [23], Connectivity.Four));
        Assert.Equal(3, ScanlineFill.Spread(ref none, width, height, [23], Connectivity.Eight));
    }

    [Theory]
    [InlineData(Connectivity.Four)]
    [InlineData(Connectivity.Eight)]
    public void Random_masks_fill_the_breadth_first_region(Connectivity connectivity)
    {
        var rng = new Random(17);
        foreach ((int width, int height) in new[] { (1, 1), (1, 40), (40, 1), (83, 57), (300, 200) })
        {
            bool[] open = new bool[width * height];
            for (int i = 0; i < open.Length; i++)
            {
                open[i] = rng.NextDouble() < 0.6;
            }

            int[] seeds = [.. Enumerable.Range(0, 4).Select(_ => rng.Next(open.Length))];
            var region = new Marking(open);
            int entered = ScanlineFill.Fill(ref region, width, height, seeds, connectivity);
            bool[] expected = Reference(open, width, height, seeds, connectivity);
            Assert.Equal(expected, region.Entered);
            Assert.Equal(expected.Count(e => e), entered);
        }
    }

    private static (bool[] Open, int Width, int Height) Parse(string[] rows) =>
        ([.. rows.SelectMany(r => r).Select(c => c == '#')], rows[0].Length, rows.Length);

    private static string[] Show(bool[] entered, int width) =>
        [.. entered.Chunk(width).Select(row => new string([.. row.Select(e => e ? '#' : '.')]))];

    private static bool[] Reference(bool[] open, int width, int height, int[] seeds, Connectivity connectivity)
    {
        var seen = new bool[open.Length];
        var queue = new Queue<int>(seeds.Where(s => open[s]));
        foreach (int s in queue)
        {
            seen[s] = true;
        }

        while (queue.TryDequeue(out int i))
        {
            int x = i % width, y = i / width;
            for (int dy = -1; dy <= 1; dy++)
            {
                for (int dx = -1; dx <= 1; dx++)
                {
                    int nx = x + dx, ny = y + dy, j = (ny * width) + nx;
                    bool touches = connectivity == Connectivity.Eight ? (dx, dy) != (0, 0) : Math.Abs(dx) + Math.Abs(dy) == 1;
                    if (touches && nx >= 0 && ny >= 0 && nx < width && ny < height && open[j] && !seen[j])
                    {
                        seen[j] = true;
                        queue.Enqueue(j);
                    }
                }
            }
        }

        return seen;
    }

    /// <summary>Open pixels not entered yet; entering marks them.</summary>
    private readonly struct Marking(bool[] open) : IFillRegion
    {
        public bool[] Entered { get; } = new bool[open.Length];

        public bool CanEnter(int index) => open[index] && !Entered[index];

        public void Enter(int start, int length) => Entered.AsSpan(start, length).Fill(true);
    }
}
