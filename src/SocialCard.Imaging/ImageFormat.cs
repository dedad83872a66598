namespace SocialCard.Imaging;

/// <summary>Container formats the product recognises by their leading bytes (never by file extension).</summary>
public enum ImageFormat
{
    Unknown = 0,
    Jpeg,
    Png,
    Bmp,
    Heic,
    Gif,
    Webp,
    Tiff,
}
