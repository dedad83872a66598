using SocialCard.Imaging.Processing.Color;
using SocialCard.Imaging.Processing.Luminance;

namespace SocialCard.Photos.Tests.Fixes.Support;

/// <summary>What counts as a wall's colour in a box of a busy-dev crop or cut-out (R, G, B of one pixel).</summary>
internal static class WallColours
{
    /// <summary>A flag's red: red above green and blue by 50 or more (lit auburn strands count too).</summary>
    public static bool FlagRed(int r, int g, int b) => r - Math.Max(g, b) >= 50;

    /// <summary>A flag's red of the flag's hue: besides, green not above blue (auburn strands have green above blue).</summary>
    public static bool FlagHuedRed(int r, int g, int b) => FlagRed(r, g, b) && g <= b + 4;

    /// <summary>A flag's white in shade: pale (spread of R, G, B at most 48), light (luminance 140 or more) and cool
    /// (blue at least green + 4).</summary>
    public static bool PaleAndCool(int r, int g, int b) => b >= g + 4 && Pale(r, g, b);

    /// <summary>A flag's white lit by its red: pale, light and pink-lavender (green below red and blue by 12 or more).</summary>
    public static bool PaleAndTinted(int r, int g, int b) => Math.Min(r, b) >= g + 12 && Pale(r, g, b);

    private static bool Pale(int r, int g, int b) => ChannelSpread.Of(r, g, b) <= 48 && Bt601.Luma((byte)r, (byte)g, (byte)b) >= 140;
}
