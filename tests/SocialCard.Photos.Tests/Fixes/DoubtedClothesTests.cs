using System.Globalization;
using SocialCard.Imaging;
using SocialCard.Photos.Tests.Fixes.Support;
using Xunit.Abstractions;

namespace SocialCard.Photos.Tests.Fixes;

/// <summary>
/// Clothes the close network pass doubts while the whole-photo pass vouches for them keep their colour: the light-blue
/// jacket on the left shoulder of voteview_020106 (pale blotches where the close pass read 0.4-0.6) and the dark jacket
/// on the right shoulder of voteview_021733 (a white hole by the frame), the dark pinstriped jacket on the left shoulder
/// of voteview_029356 against a dark blue wall (white blotches: the wall holds a few pixels of the jacket's colour in
/// its shadows, so the colour counts as the clothes' by its share, not by its mere presence), and the navy jacket on the
/// right shoulder of voteview_021720 against the navy canton of a flag (the close pass reads it at 0.25-0.45, the whole
/// photo's sure wall shows its colour, so no colour rule gives it back; the whole-photo pass is sure of it up to the
/// jacket's top edge, an outline well below the chin: the whole shoulder came out white), and the black jacket's right
/// shoulder of voteview_029375, raised beside the jaw against a blue wall (the close pass reads it as wall, the whole-photo
/// pass is sure of it up to a flat top about 90 px above the chin: the whole shoulder came out white). Each box (output pixels, looked at on the
/// crop) holds the jacket alone; a pixel counts as faded when its darkest channel is more than 40 lighter in the
/// cut-out than in the crop (mixed with the white background).
/// </summary>
public sealed class DoubtedClothesTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("voteview_020106", 0, 375, 60, 441)]
    [InlineData("voteview_021733", 310, 415, 345, 441)]
    [InlineData("voteview_029356", 10, 395, 110, 441)]
    [InlineData("voteview_021720", 262, 425, 340, 441)]
    [InlineData("voteview_029375", 290, 320, 358, 441)]
    public void A_jacket_one_pass_vouches_for_is_not_faded_to_white(string name, int x0, int y0, int x1, int y1)
    {
        (RgbImage crop, RgbImage cutOut) = BusySeparation.SeparateOriginal(name);
        using (crop)
        using (cutOut)
        {
            double share = BusySeparation.BoxShare(crop, x0, y0, x1, y1, (x, y) => BusySeparation.Faded(crop, cutOut, x, y));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {100 * share:0.0}% of the jacket box faded"));
            Assert.True(share <= 0.05, $"{share:P1} of the jacket faded to white");
        }
    }
}
