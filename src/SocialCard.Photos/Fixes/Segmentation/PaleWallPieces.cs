using SocialCard.Imaging.Processing.Color;

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
/// </summary>
internal static class PaleWallPieces
{
    /// <summary>Least mean luminance (0-1) over the texture square: the white in shade, not grey hair mixed with a blue wall.</summary>
    private const float Light = 140f / 255f;

    /// <summary>Most spread of R, G, B: pale, not a saturated stripe (the colour rules' business).</summary>
    private const int Pale = 48;

    /// <summary>Least excess of blue over green: the wall's cool hue.</summary>
    private const int Cool = 4;

    /// <summary>Whether the pixel is pale, light, of a cool hue and doubted by both passes.</summary>
    /// <param name="rgb">Pixels of the output (R, G, B).</param>
    /// <param name="i">Pixel index.</param>
    /// <param name="high">The larger of the two passes' probabilities at the pixel.</param>
    /// <param name="luminance">Mean luminance (0-1) of the square around the pixel.</param>
    public static bool WallLike(ReadOnlySpan<byte> rgb, int i, float high, float luminance) =>
        high < SmoothWallPieces.Doubted && luminance >= Light && rgb[(i * 3) + 2] >= rgb[(i * 3) + 1] + Cool && ChannelSpread.At(rgb, i) <= Pale;
}
