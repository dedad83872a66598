namespace SocialCard.Imaging.Inspection;

/// <summary>Facts about an image file read from its headers and markers, without decoding pixels.</summary>
public sealed record ContainerInfo
{
    public required ImageFormat Format { get; init; }

    public int Width { get; init; }

    public int Height { get; init; }

    /// <summary>Colour components: 1 greyscale, 3 colour, 4 CMYK/RGBA.</summary>
    public int Components { get; init; }

    public int BitsPerSample { get; init; }

    /// <summary>JPEG: progressive (SOF2) rather than baseline/extended sequential.</summary>
    public bool IsProgressive { get; init; }

    public DensityUnit DensityUnit { get; init; }

    public double DensityX { get; init; }

    public double DensityY { get; init; }

    /// <summary>Where the density came from (JFIF APP0, EXIF, PNG pHYs, BMP header) or none.</summary>
    public DensitySource DensitySource { get; init; }

    /// <summary>Horizontal density in dots per inch when the unit is known, else null.</summary>
    public double? DpiX => DensityUnit switch
    {
        DensityUnit.DotsPerInch => DensityX,
        DensityUnit.DotsPerCentimetre => DensityX * 2.54,
        _ => null,
    };

    public double? DpiY => DensityUnit switch
    {
        DensityUnit.DotsPerInch => DensityY,
        DensityUnit.DotsPerCentimetre => DensityY * 2.54,
        _ => null,
    };

    /// <summary>JPEG: the end-of-image marker is present.</summary>
    public bool HasEndMarker { get; init; }

    /// <summary>Bytes after the end-of-image marker (0 when none or not applicable).</summary>
    public long BytesAfterEnd { get; init; }

    /// <summary>EXIF orientation 1-8, or 1 when absent.</summary>
    public int ExifOrientation { get; init; } = 1;

    /// <summary>Structural problems found while walking the container (truncated segment, bad marker, CRC error).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
