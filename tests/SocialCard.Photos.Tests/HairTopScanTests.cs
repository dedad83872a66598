using System.Drawing;
using SocialCard.Imaging;
using SocialCard.Photos.Analysis;
using SocialCard.Photos.Fixes.Geometry;
using SocialCard.Photos.Fixes.Segmentation;

namespace SocialCard.Photos.Tests;

/// <summary>
/// The one hair-top scan (<see cref="HairTopMeasure.Scan{TRows}"/>) that the checker and the fix's wall-contrast finder
/// share: a row is reached by the head from <see cref="HairTopMeasure.MinPixels"/> differing samples on, for both.
/// </summary>
public sealed class HairTopScanTests
{
    [Fact]
    public void Without_a_gap_limit_the_top_is_the_highest_row_reached()
    {
        var rows = new Rows([9, 9, 0, 0, 0, 0, HairTopMeasure.MinPixels, 0, HairTopMeasure.MinPixels - 1]);
        Assert.Equal((6, false), HairTopMeasure.Scan(ref rows, gapRows: null));
        var none = new Rows([0, HairTopMeasure.MinPixels - 1]);
        Assert.Equal((null, false), HairTopMeasure.Scan(ref none, gapRows: null));
    }

    [Fact]
    public void With_a_gap_limit_the_head_ends_at_the_first_long_gap()
    {
        var rows = new Rows([9, 9, 0, 9, 0, 0, 0, HairTopMeasure.MinPixels, 0]);
        Assert.Equal((3, false), HairTopMeasure.Scan(ref rows, gapRows: 3));
        Assert.Equal((7, false), HairTopMeasure.Scan(ref rows, gapRows: 4));
    }

    [Fact]
    public void A_row_outside_the_image_is_the_edge_and_clips_a_head_that_reaches_it()
    {
        var clipped = new Rows([9, 9, 9, -1]);
        Assert.Equal((3, true), HairTopMeasure.Scan(ref clipped, gapRows: 3));
        var free = new Rows([9, 0, -1]);
        Assert.Equal((2, false), HairTopMeasure.Scan(ref free, gapRows: 3));
    }

    [Theory]
    [InlineData(3, true)]
    [InlineData(2, false)]
    public void The_fix_finder_counts_a_row_with_the_checker_minimum_of_samples(int strands, bool reached)
    {
        // Grey wall, a dark head whose top is at row 70 (90 px above the eyes); above it, rows 60-69 hold `strands` thin
        // dark strands 6 px apart (the finder samples every pixel for a face 150 px wide).
        using var image = new RgbImage(300, 400);
        image.Pixels.Fill(200);
        for (int y = 70; y < 400; y++)
        {
            for (int x = 100; x < 200; x++)
            {
                image.Row(y)[(x * 3)..((x * 3) + 3)].Fill(40);
            }
        }

        for (int y = 60; y < 70; y++)
        {
            for (int k = 0; k < strands; k++)
            {
                int o = (140 + (6 * k)) * 3;
                image.Row(y)[o..(o + 3)].Fill(40);
            }
        }

        var eyes = new PointF(150, 160);
        BackgroundColourModel wall = WallSampler.FromSourceBorder(image, eyes.Y)!;
        Assert.NotNull(wall);
        HairTopFinder.HairTop top = HairTopFinder.Find(image, wall, eyes, 0, 150, 20);
        Assert.False(top.Clipped);
        Assert.Equal(reached ? 100 : 90, top.AboveEyes, 0.5);
    }

    private struct Rows(int[] differing) : IHeadRows
    {
        public readonly int Count => differing.Length;

        public readonly int Differing(int k, int enough, out int inside)
        {
            inside = differing[k] < 0 ? 0 : 100;
            return Math.Max(0, differing[k]);
        }
    }
}
