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
