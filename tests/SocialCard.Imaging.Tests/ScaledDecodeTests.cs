using SocialCard.Imaging.Formats.Jpeg;
using SocialCard.Imaging.Tests.TestUtilities;

namespace SocialCard.Imaging.Tests;

/// <summary>
/// An over-size JPEG is decoded straight to 1/2, 1/4 or 1/8 of each side when the options allow it: the full-size
/// pixels are never allocated, and every other over-size image is still refused from its header.
/// </summary>
public sealed class ScaledDecodeTests
{
    private static readonly ImageDecodeOptions TwoMegapixels = new() { MaxPixels = 2_000_000, MaxScaledJpegPixels = 10_000_000 };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_over_size_jpeg_decodes_at_the_least_reduction_that_fits(bool progressive)
    {
        byte[] jpeg = Jpeg(3000, 2000, progressive);

        long before = GC.GetAllocatedBytesForCurrentThread();
        using DecodedImage decoded = ImageDecoder.DecodeWithDiagnostics(jpeg, TwoMegapixels);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(2, decoded.ScaleDenominator);
        Assert.Equal((1500, 1000), (decoded.Image.Width, decoded.Image.Height));
        Assert.True(allocated < 3000L * 2000 * 3 / 2, $"allocated {allocated} bytes for a 1500x1000 decode of a 3000x2000 JPEG");
    }

    [Fact]
    public void The_reduction_grows_with_the_overshoot()
    {
        byte[] jpeg = Jpeg(3000, 2000, progressive: false);

        using DecodedImage quarter = ImageDecoder.DecodeWithDiagnostics(jpeg, new ImageDecodeOptions { MaxPixels = 400_000, MaxScaledJpegPixels = 10_000_000 });
        using DecodedImage eighth = ImageDecoder.DecodeWithDiagnostics(jpeg, new ImageDecodeOptions { MaxPixels = 100_000, MaxScaledJpegPixels = 10_000_000 });
        using DecodedImage full = ImageDecoder.DecodeWithDiagnostics(jpeg, new ImageDecodeOptions { MaxPixels = 6_000_000, MaxScaledJpegPixels = 10_000_000 });

        Assert.Equal((4, 750, 500), (quarter.ScaleDenominator, quarter.Image.Width, quarter.Image.Height));
        Assert.Equal((8, 375, 250), (eighth.ScaleDenominator, eighth.Image.Width, eighth.Image.Height));
        Assert.Equal((1, 3000, 2000), (full.ScaleDenominator, full.Image.Width, full.Image.Height));
    }

    [Fact]
    public void Without_a_scaled_allowance_or_beyond_it_the_jpeg_is_refused()
    {
        byte[] jpeg = Jpeg(3000, 2000, progressive: false);

        Assert.Throws<InvalidImageContentException>(() => ImageDecoder.Decode(jpeg, new ImageDecodeOptions { MaxPixels = 2_000_000 }));
        Assert.Throws<InvalidImageContentException>(() => ImageDecoder.Decode(jpeg, new ImageDecodeOptions { MaxPixels = 2_000_000, MaxScaledJpegPixels = 5_999_999 }));
        Assert.Throws<InvalidImageContentException>(() => ImageDecoder.Decode(jpeg, new ImageDecodeOptions { MaxPixels = 50_000, MaxScaledJpegPixels = 10_000_000 }));
    }

    [Fact]
    public void A_lying_jpeg_header_beyond_the_scaled_allowance_is_refused_before_any_pixel_memory()
    {
        using RgbImage image = TestImages.Gradient(16, 16);
        byte[] jpeg = JpegSegments.WithFrameSize(JpegEncoder.Encode(image), 20000, 20000);

        long before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Throws<InvalidImageContentException>(() => ImageDecoder.Decode(jpeg, new ImageDecodeOptions { MaxPixels = 25_000_000, MaxScaledJpegPixels = 100_000_000 }));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1_000_000);
    }

    [Fact]
    public void Other_formats_are_never_decoded_scaled()
    {
        using RgbImage image = TestImages.Gradient(3000, 2000);
        byte[] bmp = BmpTestWriter.Write24(image, false);

        Assert.Throws<InvalidImageContentException>(() => ImageDecoder.Decode(bmp, TwoMegapixels));
    }

    private static byte[] Jpeg(int width, int height, bool progressive)
    {
        using RgbImage image = TestImages.Gradient(width, height);
        return JpegEncoder.Encode(image, new JpegEncoderOptions { Quality = 85, Progressive = progressive });
    }
}
