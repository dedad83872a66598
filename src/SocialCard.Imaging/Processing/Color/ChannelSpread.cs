namespace SocialCard.Imaging.Processing.Color;

/// <summary>The spread of a pixel's channels, max - min of R, G and B: 0 for any grey, up to 255 for a pure primary. A
/// cheap chroma in RGB (a black-and-white photo's pixels read near 0; a flag's stripes 90 and more).</summary>
public static class ChannelSpread
{
    /// <summary>max(R, G, B) - min(R, G, B).</summary>
    public static int Of(int r, int g, int b) => Math.Max(r, Math.Max(g, b)) - Math.Min(r, Math.Min(g, b));

    /// <summary>The spread of pixel <paramref name="index"/> of packed RGB bytes.</summary>
    public static int At(ReadOnlySpan<byte> rgb, int index) => Of(rgb[index * 3], rgb[(index * 3) + 1], rgb[(index * 3) + 2]);
}
