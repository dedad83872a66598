using System.Globalization;
using SocialCard.Imaging;
using SocialCard.Photos.Tests.Fixes.Support;
using Xunit.Abstractions;

namespace SocialCard.Photos.Tests.Fixes;

/// <summary>
/// A shoulder beside a flag of the jacket's own colour keeps its jacket: on voteview_021720 the navy suit's right
/// shoulder lies against the flag's navy canton, the close network pass reads the jacket at 0.25-0.45 (and the flag
/// above it at 0) while the whole-photo pass is sure of the jacket (0.9 or more) up to its top edge, a smooth slope
/// from the collar to the frame well below the chin. No colour rule can give the jacket back (the whole photo's sure
/// wall shows its navy), so the shoulder came out whitened beside the collar. The box (output pixels, looked at on the
/// crop) holds the jacket under that edge and none of the flag; a pixel counts as faded when its darkest channel is
/// more than 40 lighter in the cut-out than in the crop (mixed with the white background).
/// </summary>
public sealed class ShoulderOutlineTests(ITestOutputHelper output)
{
    [Fact]
    public void A_shoulder_against_a_flag_of_the_jackets_colour_is_not_whitened()
    {
        const string name = "voteview_021720";
        (RgbImage crop, RgbImage cutOut) = BusySeparation.SeparateOriginal(name);
        using (crop)
        using (cutOut)
        {
            double share = BusySeparation.BoxShare(crop, 262, 425, 340, 441, (x, y) => Darkest(cutOut.Row(y), x) - Darkest(crop.Row(y), x) > 40);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {100 * share:0.0}% of the jacket box faded"));
            Assert.True(share <= 0.05, $"{share:P1} of the jacket faded to white");
        }
    }

    private static int Darkest(ReadOnlySpan<byte> row, int x) => Math.Min(row[x * 3], Math.Min(row[(x * 3) + 1], row[(x * 3) + 2]));
}
