namespace SocialCard.Imaging.Formats.Jpeg;

/// <summary>Options for <see cref="JpegEncoder"/>. Defaults: quality 75, 4:2:0, 350 dpi (every shipped profile's density).</summary>
public sealed class JpegEncoderOptions
{
    public static readonly JpegEncoderOptions Default = new();

    /// <summary>libjpeg quality 1-100.</summary>
    public int Quality { get; init; } = 75;

    public ChromaSubsampling Subsampling { get; init; } = ChromaSubsampling.Chroma420;

    /// <summary>Density written into the JFIF APP0 in dots per inch (unit 1), 1-65535.</summary>
    public int DensityDpi { get; init; } = 350;

    /// <summary>Write a 1-component (greyscale) JPEG; colour input is converted to luma by TurboJPEG.</summary>
    public bool Grayscale { get; init; }

    /// <summary>
    /// Write a progressive JPEG (SOF2) instead of baseline. The card centres want baseline; this exists so tests and
    /// tools can produce the progressive files applicants upload.
    /// </summary>
    public bool Progressive { get; init; }

    internal void Validate()
    {
        if (Quality is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(Quality), Quality, "JPEG quality must be 1-100.");
        }

        if (DensityDpi is < 1 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(DensityDpi), DensityDpi, "JFIF density must be 1-65535 dpi.");
        }

        if (!Enum.IsDefined(Subsampling))
        {
            throw new ArgumentOutOfRangeException(nameof(Subsampling), Subsampling, "Unknown chroma subsampling.");
        }
    }
}
