namespace SocialCard.Imaging.Formats.Png;

internal enum PngColorType
{
    Grayscale = 0,
    Rgb = 2,
    Palette = 3,
    GrayscaleAlpha = 4,
    Rgba = 6,
}
