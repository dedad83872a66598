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

    /// <summary>A flag's stripe red, lit: red 140 or more and at least twice the green, green and blue 100 or less.</summary>
    public static bool StripeRed(int r, int g, int b) => r >= 140 && g <= 100 && b <= 100 && r >= 2 * g;

    /// <summary>A flag's blue: blue above red by 40 and above green by 20 or more.</summary>
    public static bool FlagBlue(int r, int g, int b) => b >= r + 40 && b >= g + 20;

    /// <summary>Saturated: spread of R, G, B at least 90 (the colour rules' bound for a flag's stripe).</summary>
    public static bool Saturated(int r, int g, int b) => ChannelSpread.Of(r, g, b) >= 90;

    /// <summary>A flag's white in shade: pale (spread of R, G, B at most 48), light (luminance 140 or more) and cool
    /// (blue at least green + 4).</summary>
    public static bool PaleAndCool(int r, int g, int b) => b >= g + 4 && Pale(r, g, b);

    /// <summary>A flag's white lit by its red: pale, light and pink-lavender (green below red and blue by 12 or more).</summary>
    public static bool PaleAndTinted(int r, int g, int b) => Math.Min(r, b) >= g + 12 && Pale(r, g, b);

    /// <summary>Not white on the cut-out (a channel below 245) and of a wall's cool hue (blue at least red - 5).</summary>
    public static bool WallTinted(int r, int g, int b) => !White(r, g, b) && b >= r - 5;

    /// <summary>Not white on the cut-out and of a flag's pink or red hue (red above green by 20, blue at least green - 3).</summary>
    public static bool FlagTinted(int r, int g, int b) => !White(r, g, b) && r - g >= 20 && b >= g - 3;

    /// <summary>A flag's stripe grey: spread of R, G, B at most 25, every channel 80-150.</summary>
    public static bool StripeGrey(int r, int g, int b) => ChannelSpread.Of(r, g, b) <= 25 && Math.Min(r, Math.Min(g, b)) >= 80 && Math.Max(r, Math.Max(g, b)) <= 150;

    /// <summary>A light grey: spread of R, G, B at most 24, luminance 120-235.</summary>
    public static bool LightGrey(int r, int g, int b)
    {
        double luma = Bt601.Luma((byte)r, (byte)g, (byte)b);
        return ChannelSpread.Of(r, g, b) <= 24 && luma >= 120 && luma <= 235;
    }

    /// <summary>White on the cut-out: every channel 245 or more.</summary>
    public static bool White(int r, int g, int b) => Math.Min(r, Math.Min(g, b)) >= 245;

    private static bool Pale(int r, int g, int b) => ChannelSpread.Of(r, g, b) <= 48 && Bt601.Luma((byte)r, (byte)g, (byte)b) >= 140;
}
