using System.Globalization;
using SocialCard.Imaging;
using SocialCard.Photos.Tests.Fixes.Support;
using Xunit.Abstractions;

namespace SocialCard.Photos.Tests.Fixes;

/// <summary>
/// Dark hair against a dark wall that the whole-photo pass doubts keeps its colour: the brown-black tips of the bob
/// beside the chin of voteview_020535 hang against a dark navy wall; the whole-photo pass reads them at 0.4-0.67, the
/// close pass at 0.6-1.0, and the smaller of the two left them half transparent (a grey smear on white). The black
/// hair right of the neck of voteview_021340, against a flag's red and navy, the whole-photo pass reads as wall (0.0-0.1)
/// and the close pass is sure of (1.0): the smaller of the two cut it away from the glasses' height to the chin. The dark
/// grey hair (27,21,21) at the left hairline of voteview_021131 the close pass reads at 1.0 and the whole-photo pass at
/// 0.36-0.56: grey, not brown, it was left half transparent (73 % of its box faded in the build before). Each box
/// (output pixels, looked at on the crop and against the reference mask) holds the hair alone; a pixel counts as faded
/// when its darkest channel is more than 40 lighter in the cut-out than in the crop.
/// </summary>
public sealed class DarkHairTipsTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("voteview_020535", 270, 335, 295, 370)]
    [InlineData("voteview_021340", 288, 225, 314, 290)]
    [InlineData("voteview_021131", 74, 156, 81, 173)]
    public void Dark_hair_the_close_pass_vouches_for_is_not_faded(string name, int x0, int y0, int x1, int y1)
    {
        (RgbImage crop, RgbImage cutOut) = BusySeparation.SeparateOriginal(name);
        using (crop)
        using (cutOut)
        {
            double share = BusySeparation.BoxShare(crop, x0, y0, x1, y1, (x, y) => BusySeparation.Faded(crop, cutOut, x, y));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {100 * share:0.0}% of the hair box faded"));
            Assert.True(share <= 0.05, $"{share:P1} of the hair faded");
        }
    }
}
