namespace SocialCard.Imaging;

/// <summary>Options for <see cref="ImageDecoder"/>.</summary>
public sealed class ImageDecodeOptions
{
    public static readonly ImageDecodeOptions Default = new();

    /// <summary>Images over this many pixels are refused before any pixel memory is allocated (decompression bombs), unless
    /// <see cref="MaxScaledJpegPixels"/> lets a JPEG be decoded at a reduced size instead.</summary>
    public long MaxPixels { get; init; } = 40_000_000;

    /// <summary>
    /// A JPEG whose header declares more than <see cref="MaxPixels"/> but at most this many pixels is decoded straight
    /// to 1/2, 1/4 or 1/8 of each side (DCT scaling, the least reduction that fits within <see cref="MaxPixels"/>)
    /// instead of being refused; the full-size pixels are never allocated. 0 (the default) refuses it like any other
    /// format.
    /// </summary>
    public long MaxScaledJpegPixels { get; init; }

    /// <summary>Rotate/flip the pixels as the EXIF orientation tag says.</summary>
    public bool ApplyExifOrientation { get; init; }

    /// <summary>
    /// The JPEG DCT scale (1, 2, 4 or 8) a <paramref name="width"/> x <paramref name="height"/> JPEG is decoded at
    /// under these options; throws when it may not be decoded at all.
    /// </summary>
    internal int JpegDenominator(int width, int height)
    {
        if (width <= 0 || height <= 0 || (long)width * height <= MaxPixels || (long)width * height > MaxScaledJpegPixels)
        {
            EnsureWithinPixelLimit(width, height);
            return 1;
        }

        for (int denominator = 2; denominator <= 8; denominator *= 2)
        {
            if (ScaledPixels(width, height, denominator) <= MaxPixels)
            {
                return denominator;
            }
        }

        EnsureWithinPixelLimit(width, height);
        return 1;
    }

    /// <summary>Pixels of a <paramref name="width"/> x <paramref name="height"/> image decoded at 1/<paramref name="denominator"/>.</summary>
    internal static long ScaledPixels(int width, int height, int denominator) =>
        (long)((width + denominator - 1) / denominator) * ((height + denominator - 1) / denominator);

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
