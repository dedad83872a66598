using SocialCard.Imaging.Formats.Png;
using SocialCard.Imaging.Inspection;
using SocialCard.Imaging.Tests.TestUtilities;

namespace SocialCard.Imaging.Tests.Formats.Png;

public sealed class PngDecoderTests
{
    private const int W = 13;
    private const int H = 11;

    public static TheoryData<int, int, bool> ColourTypesAndDepths()
    {
        var data = new TheoryData<int, int, bool>();
        (int Type, int Depth)[] combos =
        [
            (0, 1), (0, 2), (0, 4), (0, 8), (0, 16),
            (2, 8), (2, 16),
            (3, 1), (3, 2), (3, 4), (3, 8),
            (4, 8), (4, 16),
            (6, 8), (6, 16),
        ];
        foreach ((int type, int depth) in combos)
        {
            data.Add(type, depth, false);
            data.Add(type, depth, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ColourTypesAndDepths))]
    public void Decodes_every_colour_type_and_bit_depth(int colorType, int bitDepth, bool interlaced)
    {
        var random = new Random((colorType * 100) + bitDepth);
        int channels = colorType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, _ => 4 };
        int max = (1 << bitDepth) - 1;
        int paletteSize = colorType == 3 ? 1 << bitDepth : 0;
        int[] samples = new int[W * H * channels];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = colorType == 3 ? random.Next(paletteSize) : random.Next(max + 1);
        }

        byte[]? palette = null;
        byte[]? trns = null;
        if (colorType == 3)
        {
            palette = new byte[paletteSize * 3];
            random.NextBytes(palette);
            trns = new byte[Math.Max(1, paletteSize / 2)];
            random.NextBytes(trns);
        }

        var writer = new PngTestWriter
        {
            Width = W, Height = H, ColorType = colorType, BitDepth = bitDepth, Samples = samples,
            Palette = palette, Transparency = trns, Interlaced = interlaced, IdatChunkSize = 37,
        };
        byte[] png = writer.Write();

        using DecodedImage decoded = ImageDecoder.DecodeWithDiagnostics(png);
        Assert.Equal(ImageFormat.Png, decoded.Format);
        Assert.Empty(decoded.Warnings);
        Assert.Equal((W, H), (decoded.Image.Width, decoded.Image.Height));
        int tolerance = bitDepth == 16 ? 1 : 0;
        for (int y = 0; y < H; y++)
        {
            for (int x = 0; x < W; x++)
            {
                (int er, int eg, int eb) = Expected(colorType, bitDepth, samples, ((y * W) + x) * channels, palette, trns);
                (byte r, byte g, byte b) = TestImages.PixelAt(decoded.Image, x, y);
                Assert.True(
                    Math.Abs(r - er) <= tolerance && Math.Abs(g - eg) <= tolerance && Math.Abs(b - eb) <= tolerance,
                    $"pixel {x},{y}: got {r},{g},{b} expected {er},{eg},{eb}");
            }
        }

        ContainerInfo info = ContainerInspector.Inspect(png);
        Assert.Equal((W, H, bitDepth, interlaced), (info.Width, info.Height, info.BitsPerSample, info.IsProgressive));
        Assert.True(info.HasEndMarker);
        Assert.Empty(info.Warnings);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Each_filter_type_alone_round_trips(int filter)
    {
        using RgbImage source = TestImages.Noise(17, 9, filter);
        int[] samples = source.Pixels.ToArray().Select(b => (int)b).ToArray();
        byte[] png = new PngTestWriter { Width = 17, Height = 9, ColorType = 2, BitDepth = 8, Samples = samples, Filter = filter }.Write();
        using RgbImage decoded = ImageDecoder.Decode(png);
        Assert.True(source.Pixels.SequenceEqual(decoded.Pixels));
    }

    [Fact]
    public void Grey_trns_value_becomes_white()
    {
        int[] samples = [0, 100, 200, 100];
        byte[] png = new PngTestWriter { Width = 2, Height = 2, ColorType = 0, BitDepth = 8, Samples = samples, Transparency = [0, 100] }.Write();
        using RgbImage decoded = ImageDecoder.Decode(png);
        Assert.Equal((byte)255, TestImages.PixelAt(decoded, 1, 0).R);
        Assert.Equal((byte)0, TestImages.PixelAt(decoded, 0, 0).R);
        Assert.Equal((byte)200, TestImages.PixelAt(decoded, 0, 1).R);
    }

    [Fact]
    public void Crc_error_is_a_warning_not_a_failure()
    {
        using RgbImage source = TestImages.Gradient(8, 8);
        byte[] png = new PngTestWriter { Width = 8, Height = 8, ColorType = 2, BitDepth = 8, Samples = source.Pixels.ToArray().Select(b => (int)b).ToArray() }.Write();
        png[29] ^= 0xFF; // last byte of the IHDR CRC (8 signature + 8 header + 13 data = 29)
        using DecodedImage decoded = ImageDecoder.DecodeWithDiagnostics(png);
        Assert.Contains(decoded.Warnings, w => w.Contains("CRC", StringComparison.Ordinal));
        Assert.True(source.Pixels.SequenceEqual(decoded.Image.Pixels));
        Assert.Contains(ContainerInspector.Inspect(png).Warnings, w => w.Contains("IHDR", StringComparison.Ordinal));
    }

    [Fact]
    public void Truncated_png_decodes_partially_with_warnings()
    {
        using RgbImage source = TestImages.Noise(64, 64, 1);
        byte[] png = new PngTestWriter { Width = 64, Height = 64, ColorType = 2, BitDepth = 8, Samples = source.Pixels.ToArray().Select(b => (int)b).ToArray(), IdatChunkSize = 512 }.Write();
        byte[] cut = png.AsSpan(0, png.Length / 2).ToArray();
        using DecodedImage decoded = ImageDecoder.DecodeWithDiagnostics(cut);
        Assert.Contains(decoded.Warnings, w => w.Contains("IEND", StringComparison.Ordinal));
        Assert.Contains(decoded.Warnings, w => w.Contains("truncated", StringComparison.Ordinal));
        Assert.True(source.Row(0).SequenceEqual(decoded.Image.Row(0)));

        ContainerInfo info = ContainerInspector.Inspect(cut);
        Assert.False(info.HasEndMarker);
        Assert.Equal(64, info.Width);
    }

    [Fact]
    public void Phys_gives_density_and_trailing_bytes_are_counted()
    {
        // 350 dpi = 13780 pixels per metre (13779.5).
        byte[] png = new PngTestWriter { Width = 1, Height = 1, ColorType = 0, BitDepth = 8, Samples = [7], Physical = (13780, 13780, 1) }.Write();
        ContainerInfo info = ContainerInspector.Inspect([.. png, 1, 2, 3]);
        Assert.Equal(DensitySource.PngPhys, info.DensitySource);
        Assert.Equal(350.0, info.DpiX!.Value, 0);
        Assert.Equal(3, info.BytesAfterEnd);
        Assert.Equal(1, info.Components);
    }

    [Fact]
    public void Missing_idat_is_refused()
    {
        using var file = new MemoryStream();
        file.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        PngTestWriter.WriteChunk(file, "IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
        PngTestWriter.WriteChunk(file, "IEND", []);
        Assert.Throws<InvalidImageContentException>(() => ImageDecoder.Decode(file.ToArray()));
        Assert.Contains(ContainerInspector.Inspect(file.ToArray()).Warnings, w => w.Contains("IDAT", StringComparison.Ordinal));
    }

    [Fact]
    public void Crc_table_matches_the_bitwise_reference()
    {
        byte[] data = new byte[1000];
        new Random(5).NextBytes(data);
        Assert.Equal(TestCrc32.Compute(data), PngCrc32.Compute(data));
        Assert.Equal(0xCBF43926u, PngCrc32.Compute("123456789"u8));
    }

    private static (int R, int G, int B) Expected(int colorType, int depth, int[] s, int i, byte[]? palette, byte[]? trns)
    {
        double max = (1 << depth) - 1;
        int To8(int v) => (int)Math.Round(v * 255.0 / max);
        int Over(double c, double a) => (int)Math.Round((c * a) + (255 * (1 - a)));
        switch (colorType)
        {
            case 0:
                return (To8(s[i]), To8(s[i]), To8(s[i]));
            case 2:
                return (To8(s[i]), To8(s[i + 1]), To8(s[i + 2]));
            case 3:
                {
                    int index = s[i];
                    double a = index < trns!.Length ? trns[index] / 255.0 : 1;
                    return (Over(palette![index * 3], a), Over(palette[(index * 3) + 1], a), Over(palette[(index * 3) + 2], a));
                }

            case 4:
                {
                    double a = s[i + 1] / max;
                    double g = s[i] * 255.0 / max;
                    return (Over(g, a), Over(g, a), Over(g, a));
                }

            default:
                {
                    double a = s[i + 3] / max;
                    return (Over(s[i] * 255.0 / max, a), Over(s[i + 1] * 255.0 / max, a), Over(s[i + 2] * 255.0 / max, a));
                }
        }
    }
}
