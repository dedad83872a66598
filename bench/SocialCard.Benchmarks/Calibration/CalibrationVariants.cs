using SocialCard.Imaging;
using SocialCard.Imaging.Formats.Jpeg;
using SocialCard.Imaging.Processing.Resize;

namespace SocialCard.Benchmarks.Calibration;

/// <summary>
/// The changes a measure must shrug off (its repeatability): the same photo re-encoded at JPEG quality 75, rescaled by
/// -10% and +10%, and re-detected by the detector cascade instead of the probe. Index 0 is the photo as stored.
/// </summary>
internal static class CalibrationVariants
{
    public static readonly string[] Names = ["stored", "jpeg75", "scale0.9", "scale1.1", "cascade"];

    /// <summary>Index of the variant that changes the face engine instead of the bytes.</summary>
    public const int Cascade = 4;

    /// <summary>The bytes of variant <paramref name="index"/> (null when the photo cannot be decoded).</summary>
    public static byte[]? Bytes(byte[] stored, int index)
    {
        if (index is 0 or Cascade)
        {
            return stored;
        }

        RgbImage image;
        try
        {
            image = ImageDecoder.Decode(stored);
        }
        catch (InvalidImageContentException)
        {
            return null;
        }

        using (image)
        {
            if (index == 1)
            {
                return JpegEncoder.Encode(image, new JpegEncoderOptions { Quality = 75 });
            }

            double scale = index == 2 ? 0.9 : 1.1;
            using RgbImage resized = Resizer.Resize(image, (int)Math.Round(image.Width * scale), (int)Math.Round(image.Height * scale));
            return JpegEncoder.Encode(resized, new JpegEncoderOptions { Quality = 95, Subsampling = ChromaSubsampling.Chroma444 });
        }
    }
}
