using SocialCard.Imaging.Formats.Jpeg;
using SocialCard.Imaging.Inspection;
using SocialCard.Imaging.Tests.TestUtilities;

namespace SocialCard.Imaging.Tests.Inspection;

public sealed class JpegQualityAndSubsamplingTests
{
    [Theory]
    [InlineData(10)]
    [InlineData(30)]
    [InlineData(50)]
    [InlineData(69)]
    [InlineData(70)]
    [InlineData(75)]
    [InlineData(90)]
    [InlineData(95)]
    public void Quality_of_a_libjpeg_file_is_recovered(int quality)
    {
        using RgbImage image = TestImages.Gradient(32, 32);
        byte[] jpeg = JpegEncoder.Encode(image, new JpegEncoderOptions { Quality = quality });
        Assert.Equal(quality, ContainerInspector.Inspect(jpeg).JpegQuality);
    }

    [Theory]
    [InlineData(ChromaSubsampling.Chroma444, ChromaSubsamplingKind.Chroma444)]
    [InlineData(ChromaSubsampling.Chroma422, ChromaSubsamplingKind.Chroma422)]
    [InlineData(ChromaSubsampling.Chroma420, ChromaSubsamplingKind.Chroma420)]
    public void Subsampling_is_read_from_the_frame_header(ChromaSubsampling written, ChromaSubsamplingKind expected)
    {
        using RgbImage image = TestImages.Gradient(32, 32);
        byte[] jpeg = JpegEncoder.Encode(image, new JpegEncoderOptions { Subsampling = written });
        Assert.Equal(expected, ContainerInspector.Inspect(jpeg).ChromaSubsampling);
    }

    [Fact]
    public void Greyscale_has_no_chroma_subsampling()
    {
        using RgbImage image = TestImages.Gradient(16, 16);
        byte[] jpeg = JpegEncoder.Encode(image, new JpegEncoderOptions { Grayscale = true });
        Assert.Equal(ChromaSubsamplingKind.None, ContainerInspector.Inspect(jpeg).ChromaSubsampling);
    }

    [Fact]
    public void Real_progressive_file_is_flagged_complete_and_decodes()
    {
        using RgbImage image = TestImages.Noise(64, 48, 9);
        byte[] jpeg = JpegEncoder.Encode(image, new JpegEncoderOptions { Progressive = true, Quality = 80 });
        ContainerInfo info = ContainerInspector.Inspect(jpeg);
        Assert.True(info.IsProgressive);
        Assert.True(info.HasEndMarker);
        Assert.Empty(info.Warnings);
        Assert.Equal(80, info.JpegQuality);
        using DecodedImage decoded = ImageDecoder.DecodeWithDiagnostics(jpeg);
        Assert.Empty(decoded.Warnings);

        // Cut in the middle of the scans: still progressive, incomplete, and the decoder says so.
        byte[] cut = jpeg.AsSpan(0, jpeg.Length * 2 / 3).ToArray();
        ContainerInfo cutInfo = ContainerInspector.Inspect(cut);
        Assert.False(cutInfo.HasEndMarker);
        Assert.NotEmpty(cutInfo.Warnings);
        using DecodedImage partial = ImageDecoder.DecodeWithDiagnostics(cut);
        Assert.NotEmpty(partial.Warnings);
    }

    [Fact]
    public void Baseline_file_is_not_progressive()
    {
        using RgbImage image = TestImages.Noise(64, 48, 9);
        Assert.False(ContainerInspector.Inspect(JpegEncoder.Encode(image)).IsProgressive);
    }

    [Fact]
    public void Devset_photos_report_a_plausible_quality()
    {
        string[] files = DevsetImages.First(20);
        Assert.NotEmpty(files);
        foreach (string file in files)
        {
            ContainerInfo info = ContainerInspector.Inspect(File.ReadAllBytes(file));
            if (info.Format == ImageFormat.Jpeg)
            {
                Assert.InRange(info.JpegQuality ?? 0, 1, 100);
            }
        }
    }
}
