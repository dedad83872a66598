using SocialCard.Imaging.Formats.Heic;
using SocialCard.Imaging.Inspection;
using SocialCard.Imaging.Native;
using SocialCard.Imaging.Tests.TestUtilities;

namespace SocialCard.Imaging.Tests.Formats.Heic;

public sealed class HeicTests
{
    [Fact]
    public void Encode_inspect_and_decode_round_trip_when_an_encoder_exists()
    {
        if (!HeicEncoder.IsAvailable())
        {
            // No HEVC encoder plugin on this machine: the error path and sniffer tests below still run.
            Assert.False(HeifLibrary.IsAvailable && HeicEncoder.IsAvailable());
            return;
        }

        using RgbImage source = TestImages.Gradient(64, 48);
        byte[] heic = HeicEncoder.Encode(source, quality: 90);
        Assert.Equal(ImageFormat.Heic, ImageFormatSniffer.Detect(heic));

        ContainerInfo info = ContainerInspector.Inspect(heic);
        Assert.Equal(ImageFormat.Heic, info.Format);
        Assert.Equal((64, 48), (info.Width, info.Height));
        Assert.Equal(3, info.Components);
        Assert.True(info.HasEndMarker);
        Assert.Empty(info.Warnings);

        using DecodedImage decoded = ImageDecoder.DecodeWithDiagnostics(heic);
        Assert.Equal(ImageFormat.Heic, decoded.Format);
        Assert.Equal((64, 48), (decoded.Image.Width, decoded.Image.Height));
        double error = 0;
        for (int i = 0; i < source.Pixels.Length; i++)
        {
            error += Math.Abs(source.Pixels[i] - decoded.Image.Pixels[i]);
        }

        Assert.True(error / source.Pixels.Length < 6, $"mean abs error {error / source.Pixels.Length}");
    }

    [Fact]
    public void Heic_over_the_pixel_limit_is_refused()
    {
        if (!HeicEncoder.IsAvailable())
        {
            return;
        }

        using RgbImage source = TestImages.Gradient(64, 64);
        byte[] heic = HeicEncoder.Encode(source, quality: 50);
        Assert.Throws<InvalidImageContentException>(() => ImageDecoder.Decode(heic, new ImageDecodeOptions { MaxPixels = 4095 }));
    }

    [Fact]
    public void Truncated_heic_is_refused_or_flagged_never_crashes()
    {
        if (!HeicEncoder.IsAvailable())
        {
            return;
        }

        using RgbImage source = TestImages.Gradient(32, 32);
        byte[] heic = HeicEncoder.Encode(source, quality: 50);
        foreach (int length in new[] { 12, 40, heic.Length / 3, heic.Length / 2, heic.Length - 10 })
        {
            byte[] cut = heic.AsSpan(0, length).ToArray();
            Assert.False(ContainerInspector.Inspect(cut).HasEndMarker);
            try
            {
                using DecodedImage decoded = ImageDecoder.DecodeWithDiagnostics(cut);
            }
            catch (InvalidImageContentException)
            {
                // expected for most cut points
            }
        }
    }

    [Fact]
    public void Garbage_with_a_heic_brand_is_an_invalid_image()
    {
        byte[] fake = [0, 0, 0, 24, .. "ftypheic"u8, 0, 0, 0, 0, .. "mif1heic"u8, .. new byte[64]];
        Assert.Equal(ImageFormat.Heic, ImageFormatSniffer.Detect(fake));
        if (HeifLibrary.IsAvailable)
        {
            var ex = Assert.Throws<InvalidImageContentException>(() => ImageDecoder.Decode(fake));
            Assert.Contains("HEIC", ex.Message, StringComparison.Ordinal);
        }

        ContainerInfo info = ContainerInspector.Inspect(fake);
        Assert.Equal(ImageFormat.Heic, info.Format);
        Assert.NotEmpty(info.Warnings);
    }

    [Fact]
    public void Missing_library_message_names_the_debian_package()
    {
        string message = HeifLibrary.MissingMessage("libheif.so.1");
        Assert.Contains("apt-get install libheif1", message, StringComparison.Ordinal);
        Assert.Contains("libheif.so.1", message, StringComparison.Ordinal);
    }
}
