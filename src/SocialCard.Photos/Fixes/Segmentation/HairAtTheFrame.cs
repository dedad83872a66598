using System.Runtime.CompilerServices;
using SocialCard.Imaging;
using SocialCard.Imaging.Processing.Color;

namespace SocialCard.Photos.Fixes.Segmentation;

/// <summary>
/// Hair that reaches the output's side edge: the close network pass runs on the output widened to a square by repeating
/// its edge columns, so beside the side edges it sees the hair smeared into flat streaks and doubts it (on
/// voteview_029317, 021764 and 021340 means of 0.70, 0.35 and 0.22 over hair the whole-photo pass is sure of), and the
/// smaller of the two passes whitened the hair there. Trusting the whole-photo pass near the edge gives back the wall it
/// misreads as hair (the dark red-brown wall beside the dark hair of voteview_020752, a flag's white and red stripes by
/// the hair of 022121). What tells the hair is texture and hue: within <see cref="Band"/> px of a side edge, where the
/// whole-photo pass is sure (at least <see cref="Sure"/>) and the close pass doubts, a pixel takes the whole-photo pass's
/// probability when its colour is a hair's (near grey, or red at least green at least blue with green a fifth of the way
/// from blue to red or more: not a flag's red, blue or white tinted blue, not foliage), of a colour the sure wall within
/// <see cref="WallReach"/> px (<see cref="GreyWallReach"/> for a near-grey pixel) does not show
/// (<see cref="MatteCleanup.NearSureWall"/>), and at least
/// <see cref="Share"/> of the pixels of its 7x7 square (clipped at the frame) are such doubted, hair-coloured pixels with strands: the luminance's fine detail
/// (its difference from the 3x3 mean, root mean square over a 7x7 square) at least <see cref="Strands"/> levels. Hair
/// reads 2.8-3.1 at the median there, the dark wall of voteview_020752 0.3, a pale wall out of focus 0.6-0.8. Runs for the
/// cleanup before the colour rules and the edge refinement, which follow as before.
/// </summary>
internal static class HairAtTheFrame
{
    /// <summary>Width (px at output scale) of the band along each side edge that is judged.</summary>
    private const int Band = 32;

    /// <summary>Least probability of the whole-photo pass at a pixel it is sure of.</summary>
    private const float Sure = 0.9f;

    /// <summary>Least fine detail (levels of 255, root mean square of the luminance less its 3x3 mean over a 7x7
    /// square) of a pixel with strands.</summary>
    private const float Strands = 2f;

    /// <summary>Least share of pixels with strands among the 7x7 square around a pixel given back.</summary>
    private const float Share = 0.3f;

    /// <summary>Most spread of R, G, B of a near-grey pixel (grey, white or black hair).</summary>
    private const int Neutral = 12;

    /// <summary>Half side of the square (px) in which no pixel of the sure wall may show the pixel's colour.</summary>
    private const int WallReach = 12;

    /// <summary>Half side of the square (px) searched for the sure wall's colour where the pixel is near grey: a grey has
    /// no hue to tell hair from wall, and beside the frame the whole-photo pass misreads a strip of the wall (0.2-0.5 on
    /// voteview_022157's left, above and below the pale grey wall between its curls), so the nearest sure wall lies
    /// farther off than <see cref="WallReach"/>.</summary>
    private const int GreyWallReach = 24;

    /// <summary>Half side of the square the pixels with strands are counted over, and of the one the detail is read over.</summary>
    private const int Square = 3;

    /// <param name="guide">Luminance of the output (0-1).</param>
    /// <param name="prob">The coarse person probability (the smaller of the two passes'), raised in place.</param>
    /// <param name="high">The larger of the two passes' probabilities (the sure wall is where even it is low).</param>
    /// <param name="whole">The whole-photo pass's probability at every output pixel.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Restore(RgbImage image, ReadOnlySpan<byte> valid, float[] guide, float[] prob, float[] high, float[] whole)
    {
        int w = image.Width, h = image.Height, n = w * h;
        ReadOnlySpan<byte> px = image.Pixels;
        bool[]? doubted = null;
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                int i = (y * w) + x;
                if ((x >= Band && x < w - Band) || valid[i] == 0 || whole[i] < Sure || prob[i] >= whole[i] || !HairHue(px, i))
                {
                    continue;
                }

                (doubted ??= new bool[n])[i] = true;
            }
        }

        if (doubted is null)
        {
            return;
        }

        float[] detail = new float[n];
        BoxFilter.Mean(guide, detail, w, h, 1);
        for (int i = 0; i < n; i++)
        {
            float d = (guide[i] - detail[i]) * 255f;
            detail[i] = d * d;
        }

        BoxFilter.Mean(detail, detail, w, h, Square);
        float[] strands = new float[n];
        for (int i = 0; i < n; i++)
        {
            strands[i] = doubted[i] && detail[i] >= Strands * Strands ? 1 : 0;
        }

        BoxFilter.Mean(strands, strands, w, h, Square);
        for (int i = 0; i < n; i++)
        {
            int reach = ChannelSpread.At(px, i) < Neutral ? GreyWallReach : WallReach;
            if (doubted[i] && strands[i] >= Share && !MatteCleanup.NearSureWall(px, valid, high, w, h, i, reach))
            {
                prob[i] = whole[i];
            }
        }
    }

    /// <summary>A hair's colour: near grey, or red at least green at least blue with green a fifth of the way from blue
    /// to red or more (brown, auburn, blonde; not a flag's red, where green is blue's, nor its blue or a bluish white).</summary>
    public static bool HairHue(ReadOnlySpan<byte> px, int i)
    {
        int r = px[i * 3], g = px[(i * 3) + 1], b = px[(i * 3) + 2];
        return ChannelSpread.At(px, i) < Neutral || Brown(r, g, b);
    }

    /// <summary>Red at least green at least blue with green a fifth of the way from blue to red or more (brown, auburn,
    /// blonde or grey; not a flag's red).</summary>
    public static bool Brown(int r, int g, int b) => r >= g && g >= b && (g - b) * 5 >= r - b;
}
