using SocialCard.Imaging.Formats.Jpeg;
using SocialCard.Imaging.Inspection;
using SocialCard.Imaging.Tests.TestUtilities;

namespace SocialCard.Imaging.Tests.Formats.Jpeg;

public sealed class JpegEncoderTests
{
    [Fact]
    public void Encode_then_inspect_gives_350_dpi_baseline_three_components()
    {
        using RgbImage image = TestImages.Gradient(358, 441);
        byte[] jpeg = JpegEncoder.Encode(image, new JpegEncoderOptions { Quality = 75, DensityDpi = 350 });

        ContainerInfo info = ContainerInspector.Inspect(jpeg);
        Assert.Equal(ImageFormat.Jpeg, info.Format);
        Assert.Equal(358, info.Width);
        Assert.Equal(441, info.Height);
        Assert.Equal(3, info.Components);
        Assert.Equal(8, info.BitsPerSample);
        Assert.Equal(24, info.BitsPerPixel);
        Assert.False(info.IsProgressive);
        Assert.Equal(DensityUnit.DotsPerInch, info.DensityUnit);
        Assert.Equal(DensitySource.Jfif, info.DensitySource);
        Assert.Equal(350, info.DensityX);
        Assert.Equal(350, info.DensityY);
        Assert.Equal(350, info.DpiX);
        Assert.True(info.HasEndMarker);
        Assert.Equal(0, info.BytesAfterEnd);
        Assert.Empty(info.Warnings);

        // The JFIF bytes themselves: unit 1, 350 = 0x015E.
        Assert.Equal([0xFF, 0xE0, 0x00, 0x10], jpeg[2..6]);
        Assert.Equal(1, jpeg[13]);
        Assert.Equal([0x01, 0x5E, 0x01, 0x5E], jpeg[14..18]);

        // Baseline: SOF0 present.
        Assert.True(JpegSegments.Find(jpeg, 0xC0) > 0);
    }

    [Fact]
    public void Grayscale_option_writes_one_component()
    {
        using RgbImage image = TestImages.Gradient(64, 48);
        byte[] jpeg = JpegEncoder.Encode(image, new JpegEncoderOptions { Grayscale = true, DensityDpi = 300 });

        ContainerInfo info = ContainerInspector.Inspect(jpeg);
        Assert.Equal(1, info.Components);
        Assert.Equal(8, info.BitsPerPixel);
        Assert.Equal(300, info.DpiX);

        using RgbImage decoded = ImageDecoder.Decode(jpeg);
        (byte r, byte g, byte b) = TestImages.PixelAt(decoded, 30, 20);
        Assert.Equal(r, g);
        Assert.Equal(g, b);
    }

    [Fact]
    public void EncodeGray_plane_writes_one_component()
    {
        byte[] plane = new byte[40 * 30];
        for (int i = 0; i < plane.Length; i++)
        {
            plane[i] = (byte)(i % 40 * 6);
        }

        byte[] jpeg = JpegEncoder.EncodeGray(plane, 40, 30);
        ContainerInfo info = ContainerInspector.Inspect(jpeg);
        Assert.Equal(1, info.Components);
        Assert.Equal((40, 30), (info.Width, info.Height));

        using RgbImage decoded = ImageDecoder.Decode(jpeg);
        Assert.InRange(TestImages.PixelAt(decoded, 20, 10).R, 120 - 6, 120 + 6);
    }

    [Theory]
    [InlineData(ChromaSubsampling.Chroma444)]
    [InlineData(ChromaSubsampling.Chroma422)]
    [InlineData(ChromaSubsampling.Chroma420)]
    public void Subsampling_is_written_into_the_frame_header(ChromaSubsampling subsampling)
    {
        using RgbImage image = TestImages.Gradient(32, 32);
        byte[] jpeg = JpegEncoder.Encode(image, new JpegEncoderOptions { Subsampling = subsampling });
        int sof = JpegSegments.Find(jpeg, 0xC0);

        // First component (Y) sampling factors byte: H in high nibble, V in low nibble.
        byte yFactors = jpeg[sof + 11];
        byte expected = subsampling switch
        {
            ChromaSubsampling.Chroma444 => 0x11,
            ChromaSubsampling.Chroma422 => 0x21,
            _ => 0x22,
        };
        Assert.Equal(expected, yFactors);
    }

    [Fact]
    public void Higher_quality_gives_larger_file_and_smaller_error()
    {
        using RgbImage image = TestImages.Noise(64, 64, 7);
        byte[] low = JpegEncoder.Encode(image, new JpegEncoderOptions { Quality = 20 });
        byte[] high = JpegEncoder.Encode(image, new JpegEncoderOptions { Quality = 95 });
        Assert.True(high.Length > low.Length);
        using RgbImage dl = ImageDecoder.Decode(low);
        using RgbImage dh = ImageDecoder.Decode(high);
        Assert.True(MeanAbsError(image, dh) < MeanAbsError(image, dl));
    }

    [Fact]
    public void Round_trip_of_a_smooth_image_is_close()
    {
        using RgbImage image = TestImages.Gradient(100, 80);
        byte[] jpeg = JpegEncoder.Encode(image, new JpegEncoderOptions { Quality = 95, Subsampling = ChromaSubsampling.Chroma444 });
        using RgbImage decoded = ImageDecoder.Decode(jpeg);
        Assert.True(MeanAbsError(image, decoded) < 1.5);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void Quality_out_of_range_is_rejected(int quality)
    {
        using RgbImage image = TestImages.Gradient(8, 8);
        Assert.Throws<ArgumentOutOfRangeException>(() => JpegEncoder.Encode(image, new JpegEncoderOptions { Quality = quality }));
    }

    [Fact]
    public void App0_is_inserted_when_missing()
    {
        using RgbImage image = TestImages.Gradient(16, 16);
        byte[] jpeg = JpegSegments.WithoutApp0(JpegEncoder.Encode(image));
        Assert.NotEqual(0xE0, jpeg[3]);
        byte[] patched = JpegEncoder.WithDensity(jpeg, 200);
        ContainerInfo info = ContainerInspector.Inspect(patched);
        Assert.Equal(200, info.DpiX);
        Assert.Equal(DensitySource.Jfif, info.DensitySource);
        Assert.Empty(info.Warnings);
    }

    [Fact]
    public void Encoder_is_safe_from_many_threads()
    {
        using RgbImage image = TestImages.Gradient(64, 64);
        byte[] reference = JpegEncoder.Encode(image);
        var results = new byte[16][];
        Parallel.For(0, results.Length, i => results[i] = JpegEncoder.Encode(image));
        Assert.All(results, r => Assert.Equal(reference, r));
    }

    [Fact]
    public void Progressive_encode_does_not_leak_into_the_next_baseline_encode_on_the_thread()
    {
        using RgbImage image = TestImages.Gradient(100, 80);
        var baseline = new JpegEncoderOptions { Quality = 95, Subsampling = ChromaSubsampling.Chroma444 };
        byte[] fresh = RunOnNewThread(() => JpegEncoder.Encode(image, baseline));
        byte[] after = RunOnNewThread(() =>
        {
            _ = JpegEncoder.Encode(image, new JpegEncoderOptions { Progressive = true, Quality = 80 });
            return JpegEncoder.Encode(image, baseline);
        });
        Assert.Equal(fresh, after);
        Assert.False(ContainerInspector.Inspect(after).IsProgressive);
    }

    private static byte[] RunOnNewThread(Func<byte[]> encode)
    {
        byte[] result = [];
        var thread = new Thread(() => result = encode());
        thread.Start();
        thread.Join();
        return result;
    }

    private static double MeanAbsError(RgbImage a, RgbImage b)
    {
        Span<byte> pa = a.Pixels;
        Span<byte> pb = b.Pixels;
        long sum = 0;
        for (int i = 0; i < pa.Length; i++)
        {
            sum += Math.Abs(pa[i] - pb[i]);
        }

        return (double)sum / pa.Length;
    }
}
