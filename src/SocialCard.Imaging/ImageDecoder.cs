using SocialCard.Imaging.Formats.Jpeg;

namespace SocialCard.Imaging;

/// <summary>Decodes any supported container to RGB, choosing the codec by content.</summary>
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
        RgbImage image = format switch
        {
            ImageFormat.Jpeg => JpegDecoder.Decode(data, options, warnings),
            ImageFormat.Unknown => throw new InvalidImageContentException("无法识别的文件格式，不是图片 / Unrecognised file format: not an image."),
            _ => throw new InvalidImageContentException($"不支持的图片格式 {format} / Unsupported image format {format}."),
        };
        return new DecodedImage(image, format, warnings);
    }
}
