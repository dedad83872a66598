using SocialCard.Imaging.Formats.Jpeg;
using SocialCard.Imaging.Tests.TestUtilities;

namespace SocialCard.Imaging.Tests;

public sealed class ExifOrientationDecodeTests
{
    /// <summary>
    /// A 40x20 image, left half red, right half blue, stored with orientation 6 ("rotate 90 CW to display"):
    /// upright it is 20x40 with red on top.
    /// </summary>
    [Fact]
    public void Orientation_6_is_applied_on_request()
    {
        using RgbImage stored = new(40, 20);
        stored.Pixels.Clear(); // pooled memory: not zeroed
        for (int y = 0; y < 20; y++)
        {
            for (int x = 0; x < 40; x++)
            {
                Span<byte> p = stored.Row(y).Slice(x * 3, 3);
                p[0] = x < 20 ? (byte)255 : (byte)0;
                p[2] = x < 20 ? (byte)0 : (byte)255;
            }
        }

        byte[] jpeg = JpegSegments.Insert(JpegEncoder.Encode(stored, new JpegEncoderOptions { Quality = 95 }), JpegSegments.ExifApp1(6));

        using RgbImage raw = ImageDecoder.Decode(jpeg);
        Assert.Equal((40, 20), (raw.Width, raw.Height));

        using RgbImage upright = ImageDecoder.Decode(jpeg, new ImageDecodeOptions { ApplyExifOrientation = true });
        Assert.Equal((20, 40), (upright.Width, upright.Height));
        Assert.True(TestImages.PixelAt(upright, 10, 5).R > 200, "top should be red");
        Assert.True(TestImages.PixelAt(upright, 10, 35).B > 200, "bottom should be blue");
    }

    [Theory]
    [InlineData(1, 40, 20)]
    [InlineData(3, 40, 20)]
    [InlineData(8, 20, 40)]
    public void Orientation_changes_size_as_expected(int orientation, int width, int height)
    {
        using RgbImage stored = TestImages.Gradient(40, 20);
        byte[] jpeg = JpegSegments.Insert(JpegEncoder.Encode(stored), JpegSegments.ExifApp1(orientation, bigEndian: true));
        using RgbImage upright = ImageDecoder.Decode(jpeg, new ImageDecodeOptions { ApplyExifOrientation = true });
        Assert.Equal((width, height), (upright.Width, upright.Height));
    }
}
