using System.Drawing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SocialCard.Imaging;
using SocialCard.Imaging.Processing.Color;
using SocialCard.Photos.Fixes.Geometry;

namespace SocialCard.Photos.Fixes.Segmentation;

/// <summary>
/// Texture, not colour: beside the head, a piece of the wall the matte keeps may be of the person's own colour (the pale
/// grey stripe of a flag, its white in the head's shadow, beside grey hair), so no colour rule can take it. But a flag out
/// of focus is smooth where hair has strands. After the edge refinement, above the chin and outside the face (between the
/// jaw's outer landmarks below the brows), a visible pixel within <see cref="Reach"/> / 2 px of the cut-out's edge is
/// wall-like when its luminance hardly varies around it (standard deviation over a 5x5 square at most
/// <see cref="Smooth"/> levels), it is light and grey (mean luminance at least <see cref="Light"/>, spread of R, G, B at
/// most <see cref="Neutral"/>: dark hair in shadow and blonde hair are smooth too) and one network pass doubts it (coarse
/// probability below <see cref="Doubted"/>); so is a pale pixel of the wall's cool hue both passes doubt, at any distance
/// from the edge (<see cref="PaleWallPieces"/>: the flag's white in shade, not smooth). Such pixels in patches (most of a 7x7 square, as for the wall colours) are
/// wall where the patch reaches the wall: linked (8-neighbours) to a pixel that touches one of no opacity and sees the
/// sure wall (the larger pass at most <see cref="SureWall"/>) within <see cref="WallReach"/> px.
/// </summary>
internal static class SmoothWallPieces
{
    /// <summary>Most luminance standard deviation (levels of 255) over the 5x5 square of a smooth pixel: hair with its
    /// strands reads 3-9, a flag's stripe out of focus 0-2.</summary>
    private const float Smooth = 2.5f;

    /// <summary>Least mean luminance (0-1) over the square: dark hair in shadow is smooth too.</summary>
    private const float Light = 80f / 255f;

    /// <summary>Most spread of R, G, B of a grey pixel: skin and blonde or brown hair are more coloured.</summary>
    private const int Neutral = 20;

    /// <summary>Half side of the square the texture is read over.</summary>
    private const int TextureRadius = 2;

    /// <summary>Largest probability of the larger pass at a pixel of the sure wall.</summary>
    private const float SureWall = 0.1f;

    /// <summary>Half side of the square (px) in which a piece's rim must see the sure wall.</summary>
    private const int WallReach = 8;

    /// <summary>Columns (px) along each side of the output that are not judged.</summary>
    private const int Frame = 2 * TextureRadius;

    /// <summary>Coarse probability below which a pass doubts a pixel (read on the smaller of the two passes here: one of
    /// them doubts; on the larger in <see cref="PaleWallPieces"/>: both doubt).</summary>
    internal const float Doubted = 0.9f;

    /// <summary>Twice the distance (px at output scale) from the matte's edge within which a pixel is judged.</summary>
    private const int Reach = 24;

    /// <param name="guide">Luminance of the output (0-1), the edge refinement's guide.</param>
    /// <param name="prob">The coarse person probability after the cleanup (the smaller of the two passes').</param>
    /// <param name="high">The larger of the two passes' probabilities (the sure wall is where even it is low).</param>
    /// <param name="alpha">Opacity after the edge refinement, changed in place.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Drop(RgbImage image, ReadOnlySpan<byte> valid, float[] guide, float[] prob, float[] high, float[] alpha, IReadOnlyList<PointF> landmarks)
    {
        int w = image.Width, h = image.Height, n = w * h;
        float[] mean = new float[n], square = new float[n], visible = new float[n], near = new float[n];
        for (int i = 0; i < n; i++)
        {
            square[i] = guide[i] * guide[i];
            visible[i] = alpha[i] > 0 ? 1 : 0;
        }

        BoxFilter.Mean(guide, mean, w, h, TextureRadius);
        BoxFilter.Mean(square, square, w, h, TextureRadius);
        BoxFilter.Mean(visible, near, w, h, Reach / 2);

        // The face itself (between the jaw's outer landmarks, from the brows to the chin) is never judged: smooth skin.
        float chin = landmarks[8].Y, left = Math.Min(landmarks[0].X, landmarks[16].X), right = Math.Max(landmarks[0].X, landmarks[16].X);
        float brows = Math.Min(landmarks[19].Y, landmarks[24].Y);
        float smooth = Smooth / 255f;
        ReadOnlySpan<byte> px = image.Pixels;
        float[]? red = PaleWallPieces.RedWallNear(px, valid, high, SureWall, w, h);
        float[] marked = new float[n];
        bool any = false;
        for (int y = 0; y < Math.Min(h, (int)chin); y++)
        {
            // Not along the photo's sides either: there the matte's edge is the frame's, not the wall's.
            for (int x = Frame; x < w - Frame; x++)
            {
                int i = (y * w) + x;
                if (visible[i] == 0 || valid[i] == 0 || (y >= brows && x > left && x < right))
                {
                    continue;
                }

                float variance = square[i] - (mean[i] * mean[i]);
                if ((near[i] < 0.999f && variance <= smooth * smooth && prob[i] < Doubted && mean[i] >= Light && ChannelSpread.At(px, i) <= Neutral)
                    || PaleWallPieces.WallLike(px, i, high[i], mean[i], red is not null && red[i] > 0))
                {
                    marked[i] = 1;
                    any = true;
                }
            }
        }

        if (!any)
        {
            return;
        }

        float[] patch = MatteCleanup.Patches(marked, w, h), wall = visible;
        for (int i = 0; i < n; i++)
        {
            wall[i] = valid[i] != 0 && high[i] <= SureWall ? 1 : 0;
        }

        BoxFilter.Mean(wall, wall, w, h, WallReach);
        var piece = new bool[n];
        for (int i = 0; i < n; i++)
        {
            piece[i] = marked[i] != 0 && patch[i] > 0;
        }

        // Only pieces that reach the wall (a pixel of no opacity next to them, the sure wall a few pixels away) go: not the
        // hair at the photo's side, where the matte ends but neither pass calls the wall.
        var seeds = new List<int>();
        for (int i = 0; i < n; i++)
        {
            if (piece[i] && wall[i] > 0 && MatteCleanup.Touches(alpha, valid, w, h, i))
            {
                seeds.Add(i);
            }
        }

        bool[] gone = MatteCleanup.Grow(piece, w, h, CollectionsMarshal.AsSpan(seeds));
        for (int i = 0; i < n; i++)
        {
            if (gone[i])
            {
                alpha[i] = 0;
            }
        }
    }
}
