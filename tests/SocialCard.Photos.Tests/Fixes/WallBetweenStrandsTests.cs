using System.Globalization;
using SocialCard.Photos.Tests.Fixes.Support;
using Xunit.Abstractions;

namespace SocialCard.Photos.Tests.Fixes;

/// <summary>
/// A flag's red seen between the strands of hair does not stay red in the cut-out. Each box (output pixels, looked at on
/// the crop at three to four times) lies on the strands; a pixel is flag-red when its red exceeds its green and blue by
/// 50 or more. The crop must show the red there, and the cut-out must not:
/// <list type="bullet">
/// <item>voteview_020106: the red stripe behind the black hair's ends by the neck, between strands the matte calls solid
/// person;</item>
/// <item>voteview_021902, the strip at the frame: the red beside the auburn hair at the right frame is in shade (its
/// excess over green and blue 60-90) and within 40 in RGB of the hair's colour;</item>
/// <item>voteview_021902, the gap: a red blob 10-25 px inside the auburn hair beside the neck (lit auburn strands count
/// as flag-red too, and stay);</item>
/// <item>voteview_021738: a red patch and a pink one (red mixed with the flag's white) 20-40 px inside the black hair by
/// the right shoulder;</item>
/// <item>voteview_021300: blonde strands over the red stripe below the ear, the red mixed into them (its green above its
/// blue: no flag's hue); the strands' pink stays, their red goes;</item>
/// <item>voteview_029379 and voteview_022121: the red mixed into the edge of blonde hair that hangs over the red
/// stripe.</item>
/// </list>
/// </summary>
public sealed class WallBetweenStrandsTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("voteview_020106", 56, 270, 80, 300, 0.05, 0.03)]
    [InlineData("voteview_021902", 307, 306, 351, 380, 0.25, 0.12)]
    [InlineData("voteview_021902", 326, 338, 350, 380, 0.5, 0.35)]
    [InlineData("voteview_021738", 296, 360, 336, 430, 0.05, 0.01)]
    [InlineData("voteview_021300", 284, 370, 304, 400, 0.5, 0.46)]
    [InlineData("voteview_029379", 338, 320, 356, 441, 0.2, 0.045)]
    [InlineData("voteview_022121", 328, 200, 346, 260, 0.25, 0.1)]
    public void A_flags_red_between_strands_takes_the_hairs_colour(string name, int x0, int y0, int x1, int y1, double leastInCrop, double mostInCutOut)
    {
        (double before, double after) = BusySeparation.CropAndCutOutShares(name, x0, y0, x1, y1, WallColours.FlagRed);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} ({x0}, {y0})-({x1}, {y1}): flag-red in the box {100 * before:0.0}% of the crop, {100 * after:0.0}% of the cut-out"));
        Assert.True(before >= leastInCrop, $"only {before:P1} of the box flag-red in the crop");
        Assert.True(after <= mostInCutOut, $"{after:P1} of the box flag-red in the cut-out");
    }
}
