namespace SocialCard.Imaging.Inspection;

/// <summary>Facts about an image file read from its headers and markers, without decoding pixels.</summary>
public sealed record ContainerInfo
{
    public required ImageFormat Format { get; init; }

    public int Width { get; init; }

    public int Height { get; init; }

    /// <summary>Colour components: 1 greyscale, 3 colour, 4 CMYK/RGBA.</summary>
    public int Components { get; init; }

    /// <summary>Bits per sample (JPEG SOF precision, PNG bit depth; for palette images the index size).</summary>
    public int BitsPerSample { get; init; }

    /// <summary>Bits per stored pixel: 24 for 8-bit RGB, 8 for an 8-bit palette or greyscale image.</summary>
    public int BitsPerPixel { get; init; }

    /// <summary>JPEG: progressive (SOF2/6/10/14) rather than baseline/extended sequential; PNG: Adam7 interlaced.</summary>
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

    /// <summary>
    /// The container is complete: JPEG end-of-image marker (FFD9) after the scan, PNG IEND chunk, BMP pixel array
    /// fully present, HEIF boxes all complete.
    /// </summary>
    public bool HasEndMarker { get; init; }

    /// <summary>Bytes after the end-of-image marker (0 when none or not applicable).</summary>
    public long BytesAfterEnd { get; init; }

    /// <summary>EXIF orientation 1-8, or 1 when absent.</summary>
    public int ExifOrientation { get; init; } = 1;

    /// <summary>
    /// JPEG: the IJG/libjpeg quality (1-100) whose luminance quantisation table is closest to the file's, or null
    /// when there is no readable DQT. See <c>JpegQualityEstimator</c>.
    /// </summary>
    public int? JpegQuality { get; init; }

    /// <summary>JPEG: chroma subsampling read from the frame header (None for greyscale or non-JPEG).</summary>
    public ChromaSubsamplingKind ChromaSubsampling { get; init; }

    /// <summary>Structural problems found while walking the container (truncated segment, bad marker, CRC error).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
