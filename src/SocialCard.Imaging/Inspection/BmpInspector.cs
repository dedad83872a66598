using SocialCard.Imaging.Formats.Bmp;

namespace SocialCard.Imaging.Inspection;

/// <summary>BITMAPFILEHEADER + DIB header: size, bits per pixel, pixels per metre, and whether the pixel array is complete.</summary>
internal static class BmpInspector
{
    public static ContainerInfo Inspect(ReadOnlySpan<byte> data)
    {
        var warnings = new List<string>();
        if (!BmpHeader.TryRead(data, out BmpHeader header, out string? error))
        {
            warnings.Add(error!);
            return new ContainerInfo { Format = ImageFormat.Bmp, Warnings = warnings };
        }

        long needed = header.PixelOffset + header.PixelArrayLength;
        bool complete = needed <= data.Length;
        if (!complete)
        {
            warnings.Add($"BMP 像素数据被截断（需要 {needed} 字节，实际 {data.Length} 字节） / BMP pixel data truncated ({needed} bytes needed, {data.Length} present).");
        }

        if (!header.IsSupported)
        {
            warnings.Add($"不支持的 BMP 格式（{header.BitsPerPixel} 位，压缩方式 {header.Compression}） / Unsupported BMP variant ({header.BitsPerPixel} bpp, compression {header.Compression}).");
        }

        bool hasDensity = header.XPixelsPerMetre > 0 && header.YPixelsPerMetre > 0;
        return new ContainerInfo
        {
            Format = ImageFormat.Bmp,
            Width = header.Width,
            Height = header.Height,
            Components = header.BitsPerPixel switch
            {
                32 when header.AlphaMask != 0 => 4,
                >= 16 => 3,
                _ => header.IsGrayPalette(data) ? 1 : 3,
            },
            BitsPerSample = header.BitsPerPixel switch
            {
                24 or 32 => 8,
                16 => 5,
                _ => header.BitsPerPixel,
            },
            BitsPerPixel = header.BitsPerPixel,
            DensityUnit = hasDensity ? DensityUnit.DotsPerCentimetre : DensityUnit.None,
            DensityX = hasDensity ? header.XPixelsPerMetre / 100.0 : 0,
            DensityY = hasDensity ? header.YPixelsPerMetre / 100.0 : 0,
            DensitySource = hasDensity ? DensitySource.BmpHeader : DensitySource.None,
            HasEndMarker = complete,
            BytesAfterEnd = complete ? data.Length - needed : 0,
            Warnings = warnings,
        };
    }
}
