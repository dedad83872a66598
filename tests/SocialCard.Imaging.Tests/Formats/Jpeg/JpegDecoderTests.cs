using SocialCard.Imaging.Formats.Jpeg;
using SocialCard.Imaging.Tests.TestUtilities;

namespace SocialCard.Imaging.Tests.Formats.Jpeg;

public sealed class JpegDecoderTests
{
    [Fact]
    public void A_corrupt_jpeg_does_not_poison_the_next_decode_on_the_thread()
    {
        using RgbImage image = TestImages.Gradient(24, 17);
        byte[] good = JpegEncoder.Encode(image);
        byte[] bad = (byte[])good.Clone();
        int dht = JpegSegments.Find(bad, 0xC4);
        bad[dht + 5] = 0xFF; // Huffman code counts now overflow: "Bogus Huffman table definition"

        Assert.Throws<InvalidImageContentException>(() => ImageDecoder.Decode(bad));
        using RgbImage again = ImageDecoder.Decode(good);
        Assert.Equal(24, again.Width);
    }

    [Fact]
    public void Decoding_a_progressive_file_does_not_change_the_next_baseline_decode()
    {
        using RgbImage image = TestImages.Noise(40, 30, 5);
        byte[] baseline = JpegEncoder.Encode(image);
        byte[] progressive = JpegEncoder.Encode(image, new JpegEncoderOptions { Progressive = true });
        byte[] fresh = RunOnNewThread(() => Pixels(baseline));
        byte[] after = RunOnNewThread(() =>
        {
            _ = Pixels(progressive);
            return Pixels(baseline);
        });
        Assert.Equal(fresh, after);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    public void Scaled_decode_gives_each_side_divided_and_rounded_up_with_the_mean_colour_kept(int denominator)
    {
        using RgbImage image = TestImages.Solid(203, 97, 180, 120, 60);
        byte[] jpeg = JpegEncoder.Encode(image, new JpegEncoderOptions { Quality = 95 });
        using RgbImage full = ImageDecoder.Decode(jpeg);

        using RgbImage scaled = JpegDecoder.DecodeScaled(jpeg, denominator, ImageDecodeOptions.Default, []);

        Assert.Equal((203 + denominator - 1) / denominator, scaled.Width);
        Assert.Equal((97 + denominator - 1) / denominator, scaled.Height);
        (byte r, byte g, byte b) = TestImages.PixelAt(scaled, scaled.Width / 2, scaled.Height / 2);
        (byte fr, byte fg, byte fb) = TestImages.PixelAt(full, full.Width / 2, full.Height / 2);
        Assert.InRange(r - fr, -2, 2);
        Assert.InRange(g - fg, -2, 2);
        Assert.InRange(b - fb, -2, 2);
        if (denominator == 1)
        {
            Assert.Equal(full.Pixels.ToArray(), scaled.Pixels.ToArray());
        }
    }

    [Fact]
    public void Scaled_decode_refuses_other_denominators_and_oversized_images()
    {
        using RgbImage image = TestImages.Gradient(64, 48);
        byte[] jpeg = JpegEncoder.Encode(image);
        Assert.Throws<ArgumentOutOfRangeException>(() => JpegDecoder.DecodeScaled(jpeg, 3, ImageDecodeOptions.Default, []));
        Assert.Throws<InvalidImageContentException>(() => JpegDecoder.DecodeScaled(jpeg, 2, new ImageDecodeOptions { MaxPixels = 1000 }, []));
    }

    [Fact]
    public void Read_size_without_decoding()
    {
        using RgbImage image = TestImages.Gradient(31, 9);
        Assert.Equal((31, 9), JpegDecoder.ReadSize(JpegEncoder.Encode(image)));
    }

    private static byte[] Pixels(byte[] jpeg)
    {
        using RgbImage decoded = ImageDecoder.Decode(jpeg);
        return decoded.Pixels.ToArray();
    }

    private static byte[] RunOnNewThread(Func<byte[]> work)
    {
        byte[] result = [];
        var thread = new Thread(() => result = work());
        thread.Start();
        thread.Join();
        return result;
    }
}
