using System.Globalization;
using SocialCard.Photos.Tests.Fixes.Support;
using Xunit.Abstractions;

namespace SocialCard.Photos.Tests.Fixes;

/// <summary>
/// Pale pieces of a flag's white stripe in shade beside the head: the lavender-white stripe with blue specks right of
/// the temple of voteview_021564 and the white stripe between the red and the dark hair of voteview_021716. Both network
/// passes doubt them (0.5-0.9) and the ramp makes them opaque; their colour is near the skin's (within 40 in RGB) and they
/// are not smooth (folds, specks), so neither the colour rules nor the smooth pieces took them. Each box (output pixels,
/// looked at on the crop) holds the stripe and none of the person; what is pale, light and cool there (blue at least
/// green + 4, spread of R, G, B at most 48, luminance at least 140) is the stripe's. At most a tenth of the crop's share
/// may stay in the cut-out (a fifth where the piece is mixed with the hair along it).
/// </summary>
public sealed class PaleWallPieceTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("voteview_021564", 276, 160, 294, 240, false, 10)]
    [InlineData("voteview_021716", 48, 160, 60, 188, false, 10)]

    // The flag's white lit by its red stripe is pink-lavender (green below both red and blue by 12 or more), and the
    // passes are sure of it to 0.9-1.0: the ragged outer part of the stripe beside the ear of voteview_021564 and the
    // pink-white piece beside the blonde hair's right end of voteview_022121. Those boxes hold that piece and the wall
    // beyond it, none of the person; what is pale, light and so tinted there is the white's. On voteview_021977 the
    // piece beside the hair's right end is 8 px wide and mixed with the hair along it: a fifth may stay.
    [InlineData("voteview_021564", 266, 175, 284, 235, true, 10)]
    [InlineData("voteview_022121", 334, 265, 352, 372, true, 10)]
    [InlineData("voteview_021977", 322, 265, 340, 305, true, 5)]
    public void A_pale_piece_of_a_flag_stripe_beside_the_temple_is_cut_away(string name, int x0, int y0, int x1, int y1, bool tinted, int fraction)
    {
        (double crop, double cutOut) = BusySeparation.CropAndCutOutShares(name, x0, y0, x1, y1, tinted ? WallColours.PaleAndTinted : WallColours.PaleAndCool);
        string what = tinted ? "pale and tinted" : "pale and cool";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {what} in the box {100 * crop:0.0}% of the crop, {100 * cutOut:0.0}% of the cut-out"));
        Assert.True(crop >= 0.1, $"the box holds {crop:P1} {what} pixels in the crop");
        Assert.True(cutOut <= crop / fraction, $"{cutOut:P1} {what} pixels left in the cut-out");
    }
}
