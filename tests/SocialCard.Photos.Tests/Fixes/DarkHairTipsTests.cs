using System.Globalization;
using SocialCard.Imaging;
using SocialCard.Photos.Tests.Fixes.Support;
using Xunit.Abstractions;

namespace SocialCard.Photos.Tests.Fixes;

/// <summary>
/// Dark hair against a dark wall that the whole-photo pass doubts keeps its colour: the brown-black tips of the bob
/// beside the chin of voteview_020535 hang against a dark navy wall; the whole-photo pass reads them at 0.4-0.67, the
/// close pass at 0.6-1.0, and the smaller of the two left them half transparent (a grey smear on white). The box
/// (output pixels, looked at on the crop and against the reference mask) holds the hair's tips alone; a pixel counts
/// as faded when its darkest channel is more than 40 lighter in the cut-out than in the crop.
/// </summary>
public sealed class DarkHairTipsTests(ITestOutputHelper output)
{
    [Fact]
    public void Dark_hair_tips_the_close_pass_vouches_for_are_not_faded_to_grey()
    {
        (RgbImage crop, RgbImage cutOut) = BusySeparation.SeparateOriginal("voteview_020535");
        using (crop)
        using (cutOut)
        {
            double share = BusySeparation.BoxShare(crop, 270, 335, 295, 370, (x, y) => Darkest(cutOut.Row(y), x) - Darkest(crop.Row(y), x) > 40);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"voteview_020535: {100 * share:0.0}% of the hair tips box faded"));
            Assert.True(share <= 0.05, $"{share:P1} of the hair tips faded");
        }
    }

    private static int Darkest(ReadOnlySpan<byte> row, int x) => Math.Min(row[x * 3], Math.Min(row[(x * 3) + 1], row[(x * 3) + 2]));
}
