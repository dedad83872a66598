using System.Globalization;
using SocialCard.Photos.Tests.Fixes.Support;
using Xunit.Abstractions;

namespace SocialCard.Photos.Tests.Fixes;

/// <summary>
/// No rim of a flag stripe stays along the person's edge once the stripe itself is cut away: beside the jaw of
/// voteview_021940 and the neck of voteview_021368 the matte's soft edge reaches a pixel or a few into the red, and the
/// edge un-mixing read the wall behind those pixels as the mean of the whole flag within 12 px (red and white: pink),
/// which no mix of the skin explains, so they kept the red: a red line on white. Each box (output pixels, looked at on
/// the crop) holds the stripe's edge beside the skin and none of the clothes. A pixel is flag-tinted when it is visible
/// (darkest channel below 245) and redder than skin with as much blue as green (red at least 20 over green, blue at
/// least green less 3: skin has clearly less blue than green, the flag's red and its pink mixes do not).
/// </summary>
public sealed class WallRimTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("voteview_021940", 240, 356, 256, 372)]
    [InlineData("voteview_021368", 70, 364, 84, 384)]
    public void No_rim_of_the_stripe_stays_along_the_skin(string name, int x0, int y0, int x1, int y1)
    {
        (double before, double after) = BusySeparation.CropAndCutOutShares(name, x0, y0, x1, y1, WallColours.FlagTinted);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: flag-tinted in the box {100 * before:0.0}% of the crop, {100 * after:0.0}% of the cut-out"));
        Assert.True(before >= 0.2, $"the box holds {before:P1} flag-tinted pixels in the crop");
        Assert.True(after <= 0.01, $"{after:P1} of the box flag-tinted in the cut-out");
    }
}
