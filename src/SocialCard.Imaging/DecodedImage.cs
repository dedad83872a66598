namespace SocialCard.Imaging;

/// <summary>Pixels plus what the decoder noticed on the way (warnings about truncated or corrupt data).</summary>
public sealed class DecodedImage : IDisposable
{
    public DecodedImage(RgbImage image, ImageFormat format, IReadOnlyList<string> warnings)
    {
        Image = image;
        Format = format;
        Warnings = warnings;
    }

    public RgbImage Image { get; }

    public ImageFormat Format { get; }

    public IReadOnlyList<string> Warnings { get; }

    public void Dispose() => Image.Dispose();
}
