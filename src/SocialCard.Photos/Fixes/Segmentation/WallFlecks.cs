using System.Runtime.CompilerServices;
using SocialCard.Imaging.Processing.Regions;

namespace SocialCard.Photos.Fixes.Segmentation;

/// <summary>
/// Flecks of the wall at the cut-out's edge smaller than the shape rule's least piece
/// (<see cref="MatteCleanup.DropThinPieces"/>): a sliver of a flag's navy or a star's white by the hair or an ear, a
/// grey piece of a star by an ear, which the matte keeps with some opacity and whose colour the un-mixing could not tell
/// from the wall's (the wall beside it is no stripe's saturated colour, so the rim test leaves it). Judged on the colour
/// the cut-out would show (the un-mixed foreground): a pixel of the soft edge with some opacity whose shown colour is
/// within <see cref="NearWall"/> (RGB distance) of a clear wall pixel within <see cref="WallReach"/> px and alike no solid
/// person pixel within <see cref="PersonReach"/> px (<see cref="MatteCleanup.Alike"/>: near in RGB, or of one
/// chromaticity at most twice as light, so grey hair is never judged wall beside a star's white) is wall-coloured.
/// Linked such pixels (8-neighbours) are a fleck and made clear when they are fewer than <see cref="MaxFleck"/>, touch
/// the clear wall (a speck inside the edge would leave a white hole) and one of them is at least <see cref="Shows"/>
/// opaque. A mixed strand the un-mixing gave the hair's colour is the person's and stays; a larger piece is the colour
/// and shape rules' business.
/// </summary>
internal static class WallFlecks
{
    /// <summary>Most RGB distance from a clear wall pixel nearby for a shown colour to be the wall's.</summary>
    private const int NearWall = 40;

    /// <summary>Half side (px) of the square in which the clear wall beside a pixel is read.</summary>
    private const int WallReach = 5;

    /// <summary>Half side (px) of the square in which the solid person beside a pixel is read.</summary>
    private const int PersonReach = 8;

    /// <summary>Fewer linked wall-coloured pixels than this are a fleck (the area of the colour rules' 7x7 patch).</summary>
    private const int MaxFleck = 49;

    /// <summary>An RGB distance beyond that of any two colours.</summary>
    private const int AnyColour = 442;

    /// <summary>A fleck has a pixel at least this opaque: fainter wall-coloured pixels of a soft edge hardly show on white
    /// and are the light tips of strands as often as the wall.</summary>
    private const float Shows = 0.5f;

    /// <param name="shown">The un-mixed foreground colours (interleaved RGB) the cut-out shows at each pixel.</param>
    /// <param name="alpha">Opacity, set to 0 on the flecks.</param>
    /// <param name="clearWall">Pixels (1) of clear wall: no opacity, and wall by the passes or a colour rule.</param>
    /// <param name="solid">Pixels (1) of the solid person: opaque with the whole square of the edge band around them.</param>
    /// <returns>How many pixels were made clear.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Drop(ReadOnlySpan<byte> shown, float[] alpha, float[] clearWall, float[] solid, int w, int h)
    {
        int n = w * h;
        bool[]? fleck = null;
        for (int i = 0; i < n; i++)
        {
            if (alpha[i] > 0f && solid[i] == 0 && Near(shown, clearWall, w, h, i, WallReach, NearWall) && MatteCleanup.FarFromCore(shown, solid, w, h, i, PersonReach, 1))
            {
                fleck ??= new bool[n];
                fleck[i] = true;
            }
        }

        if (fleck is null)
        {
            return 0;
        }

        // Each fleck: the wall-coloured pixels linked through 8-neighbours.
        int dropped = 0;
        using RegionLabels pieces = RegionLabeller.Label(new BoolMask(fleck), w, h, Connectivity.Eight);
        for (int label = 1; label <= pieces.Count; label++)
        {
            ReadOnlySpan<int> piece = pieces.Pixels(label);
            if (piece.Length >= MaxFleck)
            {
                continue;
            }

            bool shows = false, open = false;
            foreach (int i in piece)
            {
                shows |= alpha[i] >= Shows;
                open = open || Near(shown, clearWall, w, h, i, 1, AnyColour);
            }

            if (!shows || !open)
            {
                continue;
            }

            foreach (int i in piece)
            {
                alpha[i] = 0f;
            }

            dropped += piece.Length;
        }

        return dropped;
    }

    /// <summary>Whether a selected pixel within <paramref name="reach"/> px of pixel <paramref name="i"/> is of a colour
    /// within <paramref name="distance"/> (RGB) of the pixel's.</summary>
    private static bool Near(ReadOnlySpan<byte> px, float[] selected, int w, int h, int i, int reach, int distance)
    {
        int x0 = i % w, y0 = i / w, r = px[i * 3], g = px[(i * 3) + 1], b = px[(i * 3) + 2], limit = distance * distance;
        for (int y = Math.Max(0, y0 - reach); y <= Math.Min(h - 1, y0 + reach); y++)
        {
            for (int x = Math.Max(0, x0 - reach); x <= Math.Min(w - 1, x0 + reach); x++)
            {
                int j = (y * w) + x;
                if (selected[j] == 0)
                {
                    continue;
                }

                int dr = px[j * 3] - r, dg = px[(j * 3) + 1] - g, db = px[(j * 3) + 2] - b;
                if ((dr * dr) + (dg * dg) + (db * db) < limit)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
