namespace SocialCard.Imaging.Formats.Png;

/// <summary>The IHDR fields.</summary>
internal readonly record struct PngHeader(int Width, int Height, int BitDepth, PngColorType ColorType, int Interlace)
{
    /// <summary>Samples per pixel for the colour type (palette indexes count as one sample).</summary>
    public int Channels => ColorType switch
    {
        PngColorType.Grayscale => 1,
        PngColorType.Rgb => 3,
        PngColorType.Palette => 1,
        PngColorType.GrayscaleAlpha => 2,
        PngColorType.Rgba => 4,
        _ => 0,
    };

    /// <summary>True when the bit depth is one the PNG spec allows for the colour type.</summary>
    public bool IsValidCombination => ColorType switch
    {
        PngColorType.Grayscale => BitDepth is 1 or 2 or 4 or 8 or 16,
        PngColorType.Palette => BitDepth is 1 or 2 or 4 or 8,
        PngColorType.Rgb or PngColorType.GrayscaleAlpha or PngColorType.Rgba => BitDepth is 8 or 16,
        _ => false,
    };
}
