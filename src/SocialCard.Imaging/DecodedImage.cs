namespace SocialCard.Imaging;

/// <summary>Pixels plus what the decoder noticed on the way (warnings about truncated or corrupt data).</summary>
public sealed class DecodedImage : IDisposable
{
    public DecodedImage(RgbImage image, ImageFormat format, IReadOnlyList<string> warnings, int scaleDenominator = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scaleDenominator);
        Image = image;
        Format = format;
        Warnings = warnings;
        ScaleDenominator = scaleDenominator;
    }

    public RgbImage Image { get; }

    public ImageFormat Format { get; }

    public IReadOnlyList<string> Warnings { get; }

    /// <summary>1 when decoded at full size; 2, 4 or 8 when an over-size JPEG was decoded at that fraction of each side
    /// (<see cref="ImageDecodeOptions.MaxScaledJpegPixels"/>).</summary>
    public int ScaleDenominator { get; }

    public void Dispose() => Image.Dispose();
}
