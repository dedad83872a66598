namespace SocialCard.Imaging.Inspection;

/// <summary>
/// Reads container facts (format, size, density, components, completeness) from headers and markers only, never
/// decoding pixels. Never throws for bad input: problems are reported in <see cref="ContainerInfo.Warnings"/>.
/// </summary>
public static class ContainerInspector
{
    public static ContainerInfo Inspect(ReadOnlySpan<byte> data)
    {
        ImageFormat format = ImageFormatSniffer.Detect(data);
        return format switch
        {
            ImageFormat.Jpeg => JpegInspector.Inspect(data),
            ImageFormat.Png => PngInspector.Inspect(data),
            ImageFormat.Bmp => BmpInspector.Inspect(data),
            ImageFormat.Heic => HeifInspector.Inspect(data),
            _ => new ContainerInfo { Format = format },
        };
    }
}
