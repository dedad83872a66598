using System.Globalization;
using SocialCard.Photos.Tests.Fixes.Support;
using Xunit.Abstractions;

namespace SocialCard.Photos.Tests.Fixes;

/// <summary>
/// Hair that reaches the output's side edge stays: on voteview_029317 and voteview_021340 the crop shows dark hair down
/// to the left edge, where the close network pass (over the output widened to a square by repeating its edge columns)
/// doubts it and the whole-photo pass is sure of it. Each box (output pixels, looked at on the crop) lies on the hair at
/// the frame; a pixel is white when its darkest channel is 245 or more. The dark wall beside the dark hair of
/// voteview_020752, which the whole-photo pass also reads as hair, stays cut away: its box lies on the wall at the left
/// edge below the flag, where the crop holds no white and the cut-out is white.
/// </summary>
public sealed class HairAtTheFrameTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("voteview_029317", 0, 174, 26, 270, 0.05)]
    [InlineData("voteview_021340", 0, 200, 4, 313, 0.40)]
    public void Hair_at_the_side_edge_is_not_whitened(string name, int x0, int y0, int x1, int y1, double most)
    {
        (double before, double after) = BusySeparation.CropAndCutOutShares(name, x0, y0, x1, y1, WallColours.White);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: white in the box {100 * before:0.0}% of the crop, {100 * after:0.0}% of the cut-out"));
        Assert.True(before <= 0.01, $"the box holds {before:P1} white pixels in the crop");
        Assert.True(after <= most, $"{after:P1} of the box white in the cut-out");
    }

    [Fact]
    public void The_dark_wall_beside_dark_hair_at_the_side_edge_stays_cut_away()
    {
        (double before, double after) = BusySeparation.CropAndCutOutShares("voteview_020752", X0, Y0, X1, Y1, WallColours.White);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"voteview_020752: white in the box {100 * before:0.0}% of the crop, {100 * after:0.0}% of the cut-out"));
        Assert.True(before <= 0.01, $"the box holds {before:P1} white pixels in the crop");
        Assert.True(after >= 0.95, $"only {after:P1} of the box white in the cut-out");
    }

    /// <summary>The pale grey wall between the curls at the left frame of voteview_022157 (box x 0-4, y 325-335, looked
    /// at on the crop: no white there) is wall, not grey hair: it is cut away with the wall around it.</summary>
    [Fact]
    public void The_pale_grey_wall_between_curls_at_the_side_edge_is_cut_away()
    {
        (double before, double after) = BusySeparation.CropAndCutOutShares("voteview_022157", 0, 325, 5, 336, WallColours.White);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"voteview_022157: white in the box {100 * before:0.0}% of the crop, {100 * after:0.0}% of the cut-out"));
        Assert.True(before <= 0.01, $"the box holds {before:P1} white pixels in the crop");
        Assert.True(after >= 0.8, $"only {after:P1} of the box white in the cut-out");
    }

    private const int X0 = 0, Y0 = 200, X1 = 6, Y1 = 280;
}
