using SocialCard.Imaging.Formats.Jpeg;
using SocialCard.Imaging.Inspection;
using SocialCard.Imaging.Tests.TestUtilities;

namespace SocialCard.Imaging.Tests.Inspection;

public sealed class JpegInspectionTests
{
    private static byte[] SampleJpeg(int width = 48, int height = 40, int dpi = 350)
    {
        using RgbImage image = TestImages.Noise(width, height, 3);
        return JpegEncoder.Encode(image, new JpegEncoderOptions { DensityDpi = dpi, Quality = 90 });
    }

    [Fact]
    public void Truncated_scan_has_no_end_marker_and_a_warning()
    {
        byte[] jpeg = SampleJpeg();
        byte[] cut = jpeg[..(jpeg.Length * 2 / 3)];
        ContainerInfo info = ContainerInspector.Inspect(cut);
        Assert.False(info.HasEndMarker);
        Assert.Equal(48, info.Width);
        Assert.Contains(info.Warnings, w => w.Contains("EOI", StringComparison.Ordinal));
    }

    [Fact]
    public void Truncated_jpeg_decodes_with_a_decoder_warning()
    {
        byte[] jpeg = SampleJpeg(64, 64);
        byte[] cut = jpeg[..(jpeg.Length * 2 / 3)];
        using DecodedImage decoded = ImageDecoder.DecodeWithDiagnostics(cut);
        Assert.Equal(64, decoded.Image.Width);
        Assert.NotEmpty(decoded.Warnings);
    }

    [Fact]
    public void Only_missing_ffd9_is_reported_as_missing_end()
    {
        byte[] jpeg = SampleJpeg();
        ContainerInfo info = ContainerInspector.Inspect(jpeg.AsSpan(0, jpeg.Length - 2));
        Assert.False(info.HasEndMarker);
        Assert.NotEmpty(info.Warnings);
    }

    [Fact]
    public void Bytes_after_eoi_are_counted()
    {
        byte[] jpeg = SampleJpeg();
        byte[] padded = [.. jpeg, .. new byte[123]];
        ContainerInfo info = ContainerInspector.Inspect(padded);
        Assert.True(info.HasEndMarker);
        Assert.Equal(123, info.BytesAfterEnd);
        Assert.Contains(info.Warnings, w => w.Contains("123", StringComparison.Ordinal));
    }

    [Fact]
    public void Stuffed_ff00_and_restart_markers_in_the_scan_do_not_end_it()
    {
        // Hand-made stream: SOI, SOF0 1x1 grey, SOS, entropy bytes with FF00 and FFD3, EOI.
        byte[] stream =
        [
            0xFF, 0xD8,
            0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00,
            0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00,
            0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD3, 0x56, 0xFF, 0xFF, 0x00, 0x78,
            0xFF, 0xD9, 0xAA,
        ];
        ContainerInfo info = ContainerInspector.Inspect(stream);
        Assert.True(info.HasEndMarker);
        Assert.Equal(1, info.BytesAfterEnd);
        Assert.Equal(1, info.Components);
        Assert.DoesNotContain(info.Warnings, w => w.Contains("unexpected", StringComparison.Ordinal));
    }

    [Fact]
    public void Progressive_frame_is_reported()
    {
        byte[] stream =
        [
            0xFF, 0xD8,
            0xFF, 0xC2, 0x00, 0x11, 0x08, 0x00, 0x10, 0x00, 0x20, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01,
            0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00, 0x11,
            0xFF, 0xC4, 0x00, 0x02,
            0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00, 0x22,
            0xFF, 0xD9,
        ];
        ContainerInfo info = ContainerInspector.Inspect(stream);
        Assert.True(info.IsProgressive);
        Assert.Equal((32, 16, 3), (info.Width, info.Height, info.Components));
        Assert.True(info.HasEndMarker);
        Assert.Empty(info.Warnings);
    }

    [Fact]
    public void Missing_sos_is_a_warning()
    {
        byte[] stream = [0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00, 0xFF, 0xD9];
        ContainerInfo info = ContainerInspector.Inspect(stream);
        Assert.Contains(info.Warnings, w => w.Contains("SOS", StringComparison.Ordinal));
    }

    [Fact]
    public void Truncated_segment_is_a_warning()
    {
        byte[] jpeg = SampleJpeg();
        int sof = JpegSegments.Find(jpeg, 0xC0);
        ContainerInfo info = ContainerInspector.Inspect(jpeg.AsSpan(0, sof + 6));
        Assert.Contains(info.Warnings, w => w.Contains("truncated", StringComparison.OrdinalIgnoreCase));
        Assert.False(info.HasEndMarker);
    }

    [Fact]
    public void Garbage_between_segments_is_a_warning()
    {
        byte[] jpeg = SampleJpeg();
        int sof = JpegSegments.Find(jpeg, 0xC0);
        byte[] broken = [.. jpeg.AsSpan(0, sof), 0x11, 0x22, 0x33, .. jpeg.AsSpan(sof)];
        ContainerInfo info = ContainerInspector.Inspect(broken);
        Assert.Contains(info.Warnings, w => w.Contains("3 unexpected bytes", StringComparison.Ordinal));
        Assert.Equal(48, info.Width);
        Assert.True(info.HasEndMarker);
    }

    [Fact]
    public void Exif_orientation_is_read_in_both_byte_orders()
    {
        byte[] jpeg = SampleJpeg();
        Assert.Equal(6, ContainerInspector.Inspect(JpegSegments.Insert(jpeg, JpegSegments.ExifApp1(6))).ExifOrientation);
        Assert.Equal(8, ContainerInspector.Inspect(JpegSegments.Insert(jpeg, JpegSegments.ExifApp1(8, bigEndian: true))).ExifOrientation);
        Assert.Equal(1, ContainerInspector.Inspect(jpeg).ExifOrientation);
    }

    [Fact]
    public void Jfif_with_unit_wins_over_exif()
    {
        byte[] jpeg = JpegSegments.Insert(SampleJpeg(dpi: 350), JpegSegments.ExifApp1(1, resolution: (72, 1)));
        ContainerInfo info = ContainerInspector.Inspect(jpeg);
        Assert.Equal(DensitySource.Jfif, info.DensitySource);
        Assert.Equal(350, info.DpiX);
    }

    [Fact]
    public void Exif_resolution_is_used_when_jfif_unit_is_zero()
    {
        byte[] jpeg = SampleJpeg();
        jpeg[13] = 0; // JFIF unit 0: aspect ratio only
        byte[] withExif = JpegSegments.Insert(jpeg, JpegSegments.ExifApp1(1, bigEndian: true, resolution: (600, 2)));
        ContainerInfo info = ContainerInspector.Inspect(withExif);
        Assert.Equal(DensitySource.Exif, info.DensitySource);
        Assert.Equal(300, info.DpiX);
        Assert.Equal(300, info.DpiY);
    }

    [Fact]
    public void Exif_centimetre_unit_converts_to_dpi()
    {
        byte[] jpeg = JpegSegments.WithoutApp0(SampleJpeg());
        byte[] withExif = JpegSegments.Insert(jpeg, JpegSegments.ExifApp1(1, resolution: (100, 1), resolutionUnit: 3), afterApp0: false);
        ContainerInfo info = ContainerInspector.Inspect(withExif);
        Assert.Equal(DensityUnit.DotsPerCentimetre, info.DensityUnit);
        Assert.Equal(254, info.DpiX!.Value, 6);
    }

    [Fact]
    public void Jfif_unit_zero_without_exif_is_an_aspect_ratio()
    {
        byte[] jpeg = SampleJpeg();
        jpeg[13] = 0;
        ContainerInfo info = ContainerInspector.Inspect(jpeg);
        Assert.Equal(DensityUnit.None, info.DensityUnit);
        Assert.Null(info.DpiX);
        Assert.Equal(DensitySource.Jfif, info.DensitySource);
    }

    [Fact]
    public void No_density_at_all()
    {
        ContainerInfo info = ContainerInspector.Inspect(JpegSegments.WithoutApp0(SampleJpeg()));
        Assert.Equal(DensitySource.None, info.DensitySource);
        Assert.Null(info.DpiX);
    }

    [Fact]
    public void Devset_photo_inspects_clean()
    {
        string file = Assert.Single(DevsetImages.First(1));
        byte[] data = File.ReadAllBytes(file);
        ContainerInfo info = ContainerInspector.Inspect(data);
        Assert.Equal(ImageFormat.Jpeg, info.Format);
        Assert.True(info.Width > 0 && info.Height > 0);
        Assert.True(info.HasEndMarker);
        using RgbImage image = ImageDecoder.Decode(data);
        Assert.Equal((info.Width, info.Height), (image.Width, image.Height));
    }
}
