using SocialCard.Imaging.Inspection;
using SocialCard.Imaging.Tests.TestUtilities;

namespace SocialCard.Imaging.Tests.Formats.Bmp;

public sealed class BmpDecoderTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Decodes_24_bit_both_row_orders(bool topDown)
    {
        using RgbImage source = TestImages.Noise(13, 7, 11); // 13*3 = 39: rows need padding
        byte[] bmp = BmpTestWriter.Write24(source, topDown);
        using DecodedImage decoded = ImageDecoder.DecodeWithDiagnostics(bmp);
        Assert.Equal(ImageFormat.Bmp, decoded.Format);
        Assert.Empty(decoded.Warnings);
        Assert.True(source.Pixels.SequenceEqual(decoded.Image.Pixels));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Decodes_32_bit(bool topDown)
    {
        using RgbImage source = TestImages.Noise(9, 5, 12);
        using RgbImage decoded = ImageDecoder.Decode(BmpTestWriter.Write32(source, topDown));
        Assert.True(source.Pixels.SequenceEqual(decoded.Pixels));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Decodes_8_bit_palette(bool topDown)
    {
        const int w = 7;
        const int h = 5;
        byte[] palette = new byte[256 * 3];
        new Random(3).NextBytes(palette);
        byte[] indexes = new byte[w * h];
        new Random(4).NextBytes(indexes);
        using RgbImage decoded = ImageDecoder.Decode(BmpTestWriter.Write8(w, h, indexes, palette, topDown));
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                int i = indexes[(y * w) + x];
                Assert.Equal((palette[i * 3], palette[(i * 3) + 1], palette[(i * 3) + 2]), TestImages.PixelAt(decoded, x, y));
            }
        }
    }

    [Fact]
    public void Inspector_reads_size_bits_and_density()
    {
        using RgbImage source = TestImages.Gradient(20, 10);
        ContainerInfo info = ContainerInspector.Inspect(BmpTestWriter.Write24(source, false, pixelsPerMetre: 13780));
        Assert.Equal((ImageFormat.Bmp, 20, 10, 3, 24), (info.Format, info.Width, info.Height, info.Components, info.BitsPerPixel));
        Assert.Equal(DensitySource.BmpHeader, info.DensitySource);
        Assert.Equal(350.0, info.DpiX!.Value, 0);
        Assert.True(info.HasEndMarker);
        Assert.Empty(info.Warnings);
    }

    [Fact]
    public void Grey_palette_inspects_as_one_component()
    {
        byte[] palette = new byte[256 * 3];
        for (int i = 0; i < 256; i++)
        {
            palette[i * 3] = palette[(i * 3) + 1] = palette[(i * 3) + 2] = (byte)i;
        }

        ContainerInfo info = ContainerInspector.Inspect(BmpTestWriter.Write8(4, 4, new byte[16], palette, false));
        Assert.Equal((1, 8), (info.Components, info.BitsPerPixel));
    }

    [Fact]
    public void Truncated_pixels_decode_partially_with_a_warning()
    {
        using RgbImage source = TestImages.Noise(10, 10, 2);
        byte[] bmp = BmpTestWriter.Write24(source, topDown: true);
        byte[] cut = bmp.AsSpan(0, bmp.Length - 40).ToArray();
        using DecodedImage decoded = ImageDecoder.DecodeWithDiagnostics(cut);
        Assert.Single(decoded.Warnings);
        Assert.True(source.Row(0).SequenceEqual(decoded.Image.Row(0)));
        Assert.False(ContainerInspector.Inspect(cut).HasEndMarker);
    }
}
