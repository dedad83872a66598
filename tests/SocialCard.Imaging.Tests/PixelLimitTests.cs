using SocialCard.Imaging.Formats.Jpeg;
using SocialCard.Imaging.Tests.TestUtilities;

namespace SocialCard.Imaging.Tests;

/// <summary>Decompression bombs: a header that claims a huge image is refused before pixel memory is allocated.</summary>
public sealed class PixelLimitTests
{
    [Fact]
    public void Png_header_claiming_60000_square_is_refused()
    {
        byte[] png = new PngTestWriter { Width = 1, Height = 1, ColorType = 2, BitDepth = 8, Samples = [1, 2, 3], HeaderSize = (60000, 60000) }.Write();
        long before = GC.GetAllocatedBytesForCurrentThread();
        var ex = Assert.Throws<InvalidImageContentException>(() => ImageDecoder.Decode(png));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Contains("60000x60000", ex.Message, StringComparison.Ordinal);
        Assert.True(allocated < 1_000_000, $"allocated {allocated} bytes before refusing");
    }

    [Fact]
    public void Jpeg_sof_claiming_65000_square_is_refused()
    {
        using RgbImage image = TestImages.Gradient(16, 16);
        byte[] jpeg = JpegSegments.WithFrameSize(JpegEncoder.Encode(image), 65000, 65000);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var ex = Assert.Throws<InvalidImageContentException>(() => ImageDecoder.Decode(jpeg));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1_000_000);
        Assert.Contains("65000x65000", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bmp_header_claiming_huge_size_is_refused()
    {
        using RgbImage image = TestImages.Gradient(4, 4);
        byte[] bmp = BmpTestWriter.Write24(image, false);
        BitConverter.TryWriteBytes(bmp.AsSpan(18), 50000);
        BitConverter.TryWriteBytes(bmp.AsSpan(22), 50000);
        Assert.Throws<InvalidImageContentException>(() => ImageDecoder.Decode(bmp));
    }

    [Fact]
    public void Limit_is_configurable()
    {
        using RgbImage image = TestImages.Gradient(100, 100);
        byte[] jpeg = JpegEncoder.Encode(image);
        Assert.Throws<InvalidImageContentException>(() => ImageDecoder.Decode(jpeg, new ImageDecodeOptions { MaxPixels = 9_999 }));
        using RgbImage ok = ImageDecoder.Decode(jpeg, new ImageDecodeOptions { MaxPixels = 10_000 });
        Assert.Equal(100, ok.Width);
    }

    [Fact]
    public void Deflate_bomb_inside_a_small_png_does_not_inflate_past_the_header_size()
    {
        // 64x64 grey claims 4160 raw bytes; the IDAT inflates to 50 MB of zeros. Only what the header needs is read.
        byte[] zeros = new byte[50_000_000];
        byte[] idat = PngTestWriter.Compress(zeros);
        using var file = new MemoryStream();
        file.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        PngTestWriter.WriteChunk(file, "IHDR", [0, 0, 0, 64, 0, 0, 0, 64, 8, 0, 0, 0, 0]);
        PngTestWriter.WriteChunk(file, "IDAT", idat);
        PngTestWriter.WriteChunk(file, "IEND", []);
        byte[] png = file.ToArray();
        long before = GC.GetAllocatedBytesForCurrentThread();
        using RgbImage decoded = ImageDecoder.Decode(png);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 5_000_000);
        Assert.Equal(0, decoded.Pixels[0]);
    }
}
