using SocialCard.Imaging.Formats.Jpeg;
using SocialCard.Imaging.Tests.TestUtilities;

namespace SocialCard.Imaging.Tests;

public sealed class ImageFormatSnifferTests
{
    [Fact]
    public void Detects_by_content_only()
    {
        using RgbImage image = TestImages.Gradient(4, 4);
        byte[] jpeg = JpegEncoder.Encode(image);
        byte[] png = new PngTestWriter { Width = 1, Height = 1, ColorType = 0, BitDepth = 8, Samples = [1] }.Write();
        byte[] bmp = BmpTestWriter.Write24(image, false);

        Assert.Equal(ImageFormat.Jpeg, ImageFormatSniffer.Detect(jpeg));
        Assert.Equal(ImageFormat.Png, ImageFormatSniffer.Detect(png));
        Assert.Equal(ImageFormat.Bmp, ImageFormatSniffer.Detect(bmp));
        Assert.Equal(ImageFormat.Heic, ImageFormatSniffer.Detect([0, 0, 0, 24, .. "ftypheic"u8, 0, 0, 0, 0]));
        Assert.Equal(ImageFormat.Gif, ImageFormatSniffer.Detect("GIF89a\0\0"u8));
        Assert.Equal(ImageFormat.Webp, ImageFormatSniffer.Detect("RIFF\0\0\0\0WEBPVP8 "u8));
        Assert.Equal(ImageFormat.Tiff, ImageFormatSniffer.Detect("II*\0\0\0\0\0"u8));
        Assert.Equal(ImageFormat.Unknown, ImageFormatSniffer.Detect("%PDF-1.4"u8));
        Assert.Equal(ImageFormat.Unknown, ImageFormatSniffer.Detect([]));
    }

    [Fact]
    public void Png_bytes_saved_as_jpg_are_still_png()
    {
        // The file name never matters: the decoder picks the codec from the bytes.
        byte[] png = new PngTestWriter { Width = 2, Height = 1, ColorType = 2, BitDepth = 8, Samples = [255, 0, 0, 0, 0, 255] }.Write();
        string path = Path.Combine(Path.GetTempPath(), $"sc-sniff-{Guid.NewGuid():N}.jpg");
        File.WriteAllBytes(path, png);
        try
        {
            using DecodedImage decoded = ImageDecoder.DecodeWithDiagnostics(File.ReadAllBytes(path));
            Assert.Equal(ImageFormat.Png, decoded.Format);
            Assert.Equal((255, 0, 0), ((int)decoded.Image.Pixels[0], (int)decoded.Image.Pixels[1], (int)decoded.Image.Pixels[2]));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Unknown_and_unsupported_formats_are_refused_with_the_domain_exception()
    {
        Assert.Throws<InvalidImageContentException>(() => ImageDecoder.Decode("hello world, not an image"u8));
        Assert.Throws<InvalidImageContentException>(() => ImageDecoder.Decode("GIF89a\x01\0\x01\0\0\0\0"u8));
    }
}
