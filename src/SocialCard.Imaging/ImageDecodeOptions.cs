namespace SocialCard.Imaging;

/// <summary>Options for <see cref="ImageDecoder"/>.</summary>
public sealed class ImageDecodeOptions
{
    public static readonly ImageDecodeOptions Default = new();

    /// <summary>Images over this many pixels are refused before any pixel memory is allocated (decompression bombs).</summary>
    public long MaxPixels { get; init; } = 40_000_000;

    /// <summary>Rotate/flip the pixels as the EXIF orientation tag says.</summary>
    public bool ApplyExifOrientation { get; init; }

    internal void EnsureWithinPixelLimit(int width, int height)
    {
        if (width <= 0 || height <= 0)
        {
            throw new InvalidImageContentException($"图像尺寸无效（{width}x{height}） / Invalid image size {width}x{height}.");
        }

        if ((long)width * height > MaxPixels)
        {
            string limit = MaxPixels >= 1_000_000 ? $"{MaxPixels / 1_000_000.0:0.#} MP" : $"{MaxPixels} px";
            throw new InvalidImageContentException(
                $"图像过大（{width}x{height}，超过 {limit} 上限），请缩小后重新上传 / " +
                $"Image too large ({width}x{height}, over the {limit} limit); resize it and upload again.");
        }
    }
}
