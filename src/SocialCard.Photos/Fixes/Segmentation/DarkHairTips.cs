using System.Runtime.CompilerServices;
using SocialCard.Imaging;
using SocialCard.Imaging.Processing.Distance;

namespace SocialCard.Photos.Fixes.Segmentation;

/// <summary>
/// Dark hair against a dark wall that the whole-photo pass doubts: on voteview_020535 the brown-black tips of a bob
/// beside the chin hang against a dark navy wall; seen from afar the whole-photo pass reads them at 0.4-0.67, the close
/// pass at 0.6-1.0, and the smaller of the two left them half transparent (a grey smear on white). Dark colours lie
/// within the colour rules' 40 (RGB) of each other, so what tells the hair from such a wall is the hue: the hair is
/// brown (red at least green at least blue, red above blue), the navy wall and its shadow are blue or green above
/// red. Where the close pass is the surer one (by more than <see cref="Margin"/>), the whole-photo pass sees the person
/// there too (at least <see cref="Seen"/>, not a flag stripe only the close pass takes), the pixel is dark (no channel
/// above <see cref="Dark"/>) and brown, the pixel takes the close pass's probability. Where the whole-photo pass reads
/// wall and the close pass is sure (at least <see cref="Sure"/>: the black hair right of the neck of voteview_021340,
/// against a flag's red and navy, which the whole-photo pass reads at 0.0-0.1), a dark pixel of a hair's colour, grey
/// or brown (<see cref="HairAtTheFrame.HairHue"/>: near-black hair has no hue to read), takes it too. Where the
/// whole-photo pass sees the person there but the pixel is grey, it does so within <see cref="Reach"/> px of a pixel the
/// smaller pass is already sure of: the dark grey hair (27,21,21) at the hairline of voteview_021131, close pass 1.0,
/// whole-photo pass 0.36-0.56, is a hair's edge beside the solid hair; without the reach the navy between the curls
/// below the ear of voteview_029778, which the close pass also reads as person, came back as one dark column. A dark wall beside
/// dark hair that the whole-photo pass reads as more hair (voteview_020752) is one the close pass reads as wall, so it
/// stays. Runs for the cleanup before the colour rules and the edge refinement, which follow as before.
/// </summary>
internal static class DarkHairTips
{
    /// <summary>Least lead of the close pass over the whole-photo pass.</summary>
    private const float Margin = 0.05f;

    /// <summary>Least probability of the whole-photo pass at a pixel given back.</summary>
    private const float Seen = 0.25f;

    /// <summary>Least probability of the close pass that vouches for a pixel alone.</summary>
    private const float Sure = 0.9f;

    /// <summary>Brightest channel of a dark pixel (levels of 255).</summary>
    private const int Dark = 64;

    /// <summary>Farthest (px, chamfer) from the solid person that a grey pixel the whole-photo pass sees is given back.</summary>
    private const float Reach = 6;

    /// <param name="prob">The coarse person probability (the smaller of the two passes'), raised in place.</param>
    /// <param name="high">The larger of the two passes' probabilities.</param>
    /// <param name="whole">The whole-photo pass's probability at every output pixel.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Restore(RgbImage image, ReadOnlySpan<byte> valid, float[] prob, float[] high, float[] whole)
    {
        ReadOnlySpan<byte> px = image.Pixels;
        byte[] solid = new byte[prob.Length];
        for (int i = 0; i < prob.Length; i++)
        {
            solid[i] = prob[i] >= Sure ? (byte)1 : (byte)0;
        }

        // The distance to the solid person only once a pixel asks for it (most photos have no such dark grey tip).
        float[]? fromSolid = null;
        for (int i = 0; i < prob.Length; i++)
        {
            if (valid[i] == 0 || high[i] <= whole[i] + Margin || (whole[i] < Seen && high[i] < Sure))
            {
                continue;
            }

            int r = px[i * 3], g = px[(i * 3) + 1], b = px[(i * 3) + 2];
            if (Math.Max(r, Math.Max(g, b)) > Dark)
            {
                continue;
            }

            bool sure = high[i] >= Sure && HairAtTheFrame.HairHue(px, i);
            bool back = whole[i] < Seen ? sure : (r > b && HairAtTheFrame.Brown(r, g, b)) || (sure && (fromSolid ??= DistanceTransform.To(solid, 0, image.Width, image.Height))[i] <= Reach);
            if (back)
            {
                prob[i] = Math.Max(prob[i], high[i]);
            }
        }
    }
}
