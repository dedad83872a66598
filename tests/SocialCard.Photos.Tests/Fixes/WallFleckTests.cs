using System.Globalization;
using SocialCard.Photos.Tests.Fixes.Support;
using Xunit.Abstractions;

namespace SocialCard.Photos.Tests.Fixes;

/// <summary>
/// No fleck of a flag smaller than the shape rule's least piece stays at the edge: beside the ear of voteview_021916 a
/// sliver of the star's white and the navy, beside the ear of voteview_020729 a grey piece of a star, by the ear's top of
/// voteview_021721 a sliver of the navy, each a few pixels of the soft edge whose un-mixed colour stayed the wall's.
/// Each box (output pixels, looked at on the crop) holds the fleck and the ear's or the hair's edge beside it. A pixel is
/// wall-tinted when it is visible (darkest channel below 245) and at least as blue as red less 5 (skin and hair are
/// clearly redder than blue; the flag's navy, the star's white and their grey mixes are not).
/// </summary>
public sealed class WallFleckTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("voteview_021916", 274, 150, 283, 162, 0.25)]
    [InlineData("voteview_020729", 294, 242, 300, 248, 0.08)]
    [InlineData("voteview_021721", 84, 145, 90, 152, 0.15)]
    public void No_fleck_of_the_flag_stays_by_the_ear(string name, int x0, int y0, int x1, int y1, double most)
    {
        (double before, double after) = BusySeparation.CropAndCutOutShares(name, x0, y0, x1, y1, WallColours.WallTinted);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: wall-tinted in the box {100 * before:0.0}% of the crop, {100 * after:0.0}% of the cut-out"));
        Assert.True(before >= 0.2, $"the box holds {before:P1} wall-tinted pixels in the crop");
        Assert.True(after <= most, $"{after:P1} of the box wall-tinted in the cut-out");
    }
}
