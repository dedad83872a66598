namespace SocialCard.Imaging;

/// <summary>Identifies an image container from its first bytes.</summary>
public static class ImageFormatSniffer
{
    public static ImageFormat Detect(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
        {
            return ImageFormat.Jpeg;
        }

        if (data.Length >= 8 && data[..8].SequenceEqual(PngSignature))
        {
            return ImageFormat.Png;
        }

        if (data.Length >= 14 && data[0] == (byte)'B' && data[1] == (byte)'M')
        {
            return ImageFormat.Bmp;
        }

        if (data.Length >= 12 && data.Slice(4, 4).SequenceEqual("ftyp"u8) && IsHeifBrand(data.Slice(8, 4)))
        {
            return ImageFormat.Heic;
        }

        if (data.Length >= 6 && (data[..6].SequenceEqual("GIF87a"u8) || data[..6].SequenceEqual("GIF89a"u8)))
        {
            return ImageFormat.Gif;
        }

        if (data.Length >= 12 && data[..4].SequenceEqual("RIFF"u8) && data.Slice(8, 4).SequenceEqual("WEBP"u8))
        {
            return ImageFormat.Webp;
        }

        if (data.Length >= 4 && (data[..4].SequenceEqual("II*\0"u8) || data[..4].SequenceEqual("MM\0*"u8)))
        {
            return ImageFormat.Tiff;
        }

        return ImageFormat.Unknown;
    }

    // Not a u8 literal: "\x89" in a string is U+0089, which UTF-8 encodes as two bytes (C2 89).
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static bool IsHeifBrand(ReadOnlySpan<byte> brand) =>
        brand.SequenceEqual("heic"u8) || brand.SequenceEqual("heix"u8) || brand.SequenceEqual("hevc"u8) ||
        brand.SequenceEqual("heim"u8) || brand.SequenceEqual("heis"u8) || brand.SequenceEqual("mif1"u8) ||
        brand.SequenceEqual("msf1"u8) || brand.SequenceEqual("avif"u8);
}
