using SocialCard.Imaging.Formats.Bmp;
using SocialCard.Imaging.Formats.Heic;
using SocialCard.Imaging.Formats.Jpeg;
using SocialCard.Imaging.Formats.Png;
using SocialCard.Imaging.Inspection;
using SocialCard.Imaging.Processing.Orientation;

namespace SocialCard.Imaging;

/// <summary>
/// Decodes any supported container (JPEG, PNG, BMP, HEIC) to RGB, choosing the codec by content, never by file name.
/// Bad input gives <see cref="InvalidImageContentException"/>; a missing native codec gives
/// <see cref="Native.NativeLibraryMissingException"/>.
/// </summary>
public static class ImageDecoder
{
    public static RgbImage Decode(ReadOnlySpan<byte> data, ImageDecodeOptions? options = null)
    {
        DecodedImage decoded = DecodeWithDiagnostics(data, options);
        return decoded.Image;
    }

    public static DecodedImage DecodeWithDiagnostics(ReadOnlySpan<byte> data, ImageDecodeOptions? options = null)
    {
        options ??= ImageDecodeOptions.Default;
        ImageFormat format = ImageFormatSniffer.Detect(data);
        var warnings = new List<string>();
        int denominator = 1;
        RgbImage image = format switch
        {
            ImageFormat.Jpeg => JpegDecoder.Decode(data, options, warnings, out denominator),
            ImageFormat.Png => PngDecoder.Decode(data, options, warnings),
            ImageFormat.Bmp => BmpDecoder.Decode(data, options, warnings),
            ImageFormat.Heic => HeicDecoder.Decode(data, options, warnings),
            ImageFormat.Unknown => throw new InvalidImageContentException("无法识别的文件格式，不是图片 / Unrecognised file format: not an image."),
            _ => throw new InvalidImageContentException($"不支持的图片格式 {format} / Unsupported image format {format}."),
        };

        if (options.ApplyExifOrientation && format == ImageFormat.Jpeg)
        {
            int orientation = JpegInspector.ReadExifOrientation(data);
            if (orientation != 1)
            {
                RgbImage upright = OrientationTransform.ApplyExifOrientation(image, orientation);
                image.Dispose();
                image = upright;
            }
        }

        return new DecodedImage(image, format, warnings, denominator);
    }
}
