using SocialCard.Imaging.Processing.Color;
using SocialCard.Imaging.Processing.Luminance;

namespace SocialCard.Photos.Fixes.Segmentation;

/// <summary>
/// The flag's white in shade beside the head: pale grey-lavender, near the skin in colour (within 40 in RGB) and
/// lightness, and often not smooth (folds, specks of the blue), so neither the colour rules (saturated pixels only) nor the
/// smooth grey pieces take it. But its hue is the wall's, not the skin's: its blue is at least its green + <see cref="Cool"/>,
/// where skin, ears, blonde and brown hair are warmer; and both network passes doubt it (the larger pass below
/// <see cref="SmoothWallPieces.Doubted"/>: 0.5-0.9), where they are sure of the head, the ears and the hair beside it. Such a pixel, light
/// (grey hair mixed with a blue wall is as cool and as doubted, but darker: luminance 110-135 against 140-215), is
/// wall-like for <see cref="SmoothWallPieces"/>, which judges it above the chin and outside the face at any distance from
/// the cut-out's edge (a stripe wider than the smooth pieces' band) and takes it in the same patches that reach the sure wall.
/// The white lit by the flag's red is pink-lavender (green below both red and blue by <see cref="Tint"/>), a hue no skin or
/// hair has: pale and light by its own luminance (a piece 8 px wide beside hair is darker over the square), and where the
/// sure wall within <see cref="RedReach"/> px shows the flag's red, it is wall-like whatever the passes read (they are sure of it to 0.9-1.0 beside the ear of
/// voteview_021564 and the blonde hair of voteview_022121).
/// </summary>
internal static class PaleWallPieces
{
    /// <summary>Least mean luminance (0-1) over the texture square: the white in shade, not grey hair mixed with a blue wall.</summary>
    private const float Light = 140f / 255f;

    /// <summary>Most spread of R, G, B: pale, not a saturated stripe (the colour rules' business).</summary>
    private const int Pale = 48;

    /// <summary>Least excess of blue over green: the wall's cool hue.</summary>
    private const int Cool = 4;

    /// <summary>Least excess of red and of blue over green of the flag's white lit by its red stripe: pink-lavender.
    /// Skin and warm hair have green above blue; grey hair has red near green; lips are no pale colour.</summary>
    private const int Tint = 12;

    /// <summary>Half side (px) of the square in which the sure wall must show the flag's red for the tint to be its light.</summary>
    private const int RedReach = 24;

    /// <summary>Least excess of red over green and blue of the flag's red on the sure wall.</summary>
    private const int MinRed = 50;

    /// <summary>Whether the pixel is pale, light, of a cool hue and doubted by both passes, or pale, light and tinted.</summary>
    /// <param name="rgb">Pixels of the output (R, G, B).</param>
    /// <param name="i">Pixel index.</param>
    /// <param name="high">The larger of the two passes' probabilities at the pixel.</param>
    /// <param name="luminance">Mean luminance (0-1) of the square around the pixel.</param>
    /// <param name="besideRed">Whether the sure wall near the pixel shows a flag's red (<see cref="RedWallNear"/>).</param>
    public static bool WallLike(ReadOnlySpan<byte> rgb, int i, float high, float luminance, bool besideRed) =>
        rgb[(i * 3) + 2] >= rgb[(i * 3) + 1] + Cool && ChannelSpread.At(rgb, i) <= Pale &&
        ((high < SmoothWallPieces.Doubted && luminance >= Light) ||
         (besideRed && Tinted(rgb, i) && Bt601.Luma(rgb[i * 3], rgb[(i * 3) + 1], rgb[(i * 3) + 2]) >= Light * 255f));

    /// <summary>The share of the square within <see cref="RedReach"/> px that is sure wall of a flag's red (red above
    /// green and blue by <see cref="MinRed"/> or more, of the flag's hue (<see cref="WallBetweenStrands.Red"/>); the larger pass at most
    /// <paramref name="sureWall"/>), or null where the photo shows no such red: the tint is the red's light only beside
    /// it (pastel pink hair against a plain wall keeps its tint and stays).</summary>
    public static float[]? RedWallNear(ReadOnlySpan<byte> rgb, ReadOnlySpan<byte> valid, float[] high, float sureWall, int w, int h)
    {
        int n = w * h;
        float[] red = new float[n];
        bool any = false;
        for (int i = 0; i < n; i++)
        {
            int r = rgb[i * 3], g = rgb[(i * 3) + 1], b = rgb[(i * 3) + 2];
            bool shown = valid[i] != 0 && high[i] <= sureWall && WallBetweenStrands.Red(r, g, b, MinRed);
            red[i] = shown ? 1 : 0;
            any |= shown;
        }

        if (!any)
        {
            return null;
        }

        BoxFilter.Mean(red, red, w, h, RedReach);
        return red;
    }

    /// <summary>Green below both red and blue by <see cref="Tint"/> or more: the flag's white lit by its red stripe.</summary>
    private static bool Tinted(ReadOnlySpan<byte> rgb, int i) =>
        Math.Min(rgb[i * 3], rgb[(i * 3) + 2]) >= rgb[(i * 3) + 1] + Tint;
}
