using System.Globalization;
using SocialCard.Imaging;
using SocialCard.Imaging.Processing.Luminance;
using SocialCard.Photos.Tests.Fixes.Support;
using Xunit.Abstractions;

namespace SocialCard.Photos.Tests.Fixes;

/// <summary>
/// A piece of a flag's white stripe in the head's shadow left of the ear lobe of voteview_021751, which both network
/// passes are sure of (0.8-1.0) and whose colour the shaded skin beside it nearly shares: the cut took the rest of the
/// stripe, so the piece sticks out of the head's smooth side as a bump. The box (output pixels, looked at on the crop)
/// holds the grey stripe (spread of R, G, B at most 24, luminance 120-235) and none of the person; in the crop it fills
/// most of the box, in the cut-out at most a fifth of that may stay (the lobe's shaded rim).
/// </summary>
public sealed class BumpBesideTheHeadTests(ITestOutputHelper output)
{
    [Fact]
    public void A_grey_bump_of_a_flag_stripe_beside_the_ear_is_cut_away()
    {
        const string name = "voteview_021751";
        (double before, double after) = BusySeparation.CropAndCutOutShares(name, 55, 228, 70, 246, WallColours.LightGrey);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: grey in the box {100 * before:0.0}% of the crop, {100 * after:0.0}% of the cut-out"));
        Assert.True(before >= 0.5, $"the box holds {before:P1} grey in the crop");
        Assert.True(after <= before / 5, $"{after:P1} grey left in the cut-out");
    }

    /// <summary>The lobe's rim beside the bump (box x 64-71, y 234-247) kept the stripe's grey 1-2 px wide, opaque: in
    /// the crop 87.5% of the box is grey, in the cut-out before 37.5%; at most a fifth of the crop's share may stay.</summary>
    [Fact]
    public void The_lobe_keeps_no_grey_rim_where_the_bump_went()
    {
        const string name = "voteview_021751";
        (double before, double after) = BusySeparation.CropAndCutOutShares(name, 64, 234, 72, 248, WallColours.LightGrey);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: grey along the lobe {100 * before:0.0}% of the crop, {100 * after:0.0}% of the cut-out"));
        Assert.True(before >= 0.5, $"the box holds {before:P1} grey in the crop");
        Assert.True(after <= before / 5, $"{after:P1} grey left along the lobe");
    }

    /// <summary>Where the bump went the lobe's edge is soft, as the matte's own edges are: on most rows from y 236 to
    /// 246 the first pixel that is not white, coming from the wall's side, is lighter than the lobe two pixels farther
    /// in by 15 levels of luminance or more (a partly transparent pixel on white). Cleared at once, the edge went from
    /// the opaque lobe to white in one step.</summary>
    [Fact]
    public void The_edge_where_the_bump_went_is_soft()
    {
        (RgbImage crop, RgbImage cutOut) = BusySeparation.SeparateOriginal("voteview_021751");
        using (crop)
        using (cutOut)
        {
            int rows = 0, soft = 0;
            for (int y = 236; y <= 246; y++, rows++)
            {
                ReadOnlySpan<byte> row = cutOut.Row(y);
                int x = 50;
                while (x < 90 && Math.Min(row[x * 3], Math.Min(row[(x * 3) + 1], row[(x * 3) + 2])) >= 245)
                {
                    x++;
                }

                double edge = Bt601.Luma(row[x * 3], row[(x * 3) + 1], row[(x * 3) + 2]);
                double lobe = Bt601.Luma(row[(x + 2) * 3], row[((x + 2) * 3) + 1], row[((x + 2) * 3) + 2]);
                soft += edge >= lobe + 15 ? 1 : 0;
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"voteview_021751: {soft} of {rows} rows with a soft edge along the lobe"));
            Assert.True(soft * 2 > rows, $"{soft} of {rows} rows soft");
        }
    }
}
