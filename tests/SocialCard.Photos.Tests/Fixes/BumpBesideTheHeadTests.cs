using System.Globalization;
using SocialCard.Imaging.Processing.Color;
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
        (double before, double after) = BusySeparation.CropAndCutOutShares(name, 55, 228, 70, 246, IsGrey);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: grey in the box {100 * before:0.0}% of the crop, {100 * after:0.0}% of the cut-out"));
        Assert.True(before >= 0.5, $"the box holds {before:P1} grey in the crop");
        Assert.True(after <= before / 5, $"{after:P1} grey left in the cut-out");
    }

    private static bool IsGrey(int r, int g, int b)
    {
        double luma = Bt601.Luma((byte)r, (byte)g, (byte)b);
        return ChannelSpread.Of(r, g, b) <= 24 && luma >= 120 && luma <= 235;
    }
}
