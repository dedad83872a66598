using System.Buffers.Binary;
using System.IO.Compression;
using SocialCard.Imaging;
using SocialCard.Imaging.Formats.Jpeg;
using SocialCard.Platform.Batches;

namespace SocialCard.Platform.Tests.Batches;

/// <summary>
/// The pixel budget read from the header: a JPEG over 25 MP is let through to be checked from pixels decoded scaled
/// (up to 100 MP), any other format over 25 MP and a JPEG over 100 MP are refused with the limit that applies.
/// </summary>
public sealed class OverSizePhotoIntakeTests
{
    private const string Unit = "3205001234";

    [Fact]
    public void A_36_megapixel_jpeg_is_accepted_for_a_scaled_check()
    {
        byte[] jpeg = Jpeg(6000, 6000);
        byte[] zip = new TestZip().Add(Unit + "/3205000001.jpg", jpeg, level: CompressionLevel.NoCompression).Build();

        BatchIntakeResult result = new UnitPackageIntake().Read(zip, Unit);

        Assert.Empty(result.Refusals);
        Assert.Equal(jpeg, Assert.Single(result.Accepted).Bytes);
    }

    [Fact]
    public void A_jpeg_header_over_100_megapixels_is_refused_naming_that_limit()
    {
        byte[] jpeg = WithFrameSize(Jpeg(64, 64), 11000, 11000);
        byte[] zip = new TestZip().Add(Unit + "/3205000001.jpg", jpeg).Build();

        BatchIntakeResult result = new UnitPackageIntake().Read(zip, Unit);

        Assert.Empty(result.Accepted);
        BatchRefusal refusal = Assert.Single(result.EntryRefusals);
        Assert.Equal(BatchRefusalCode.TooManyPixels, refusal.Code);
        Assert.Contains("上限100 MP", refusal.MessageZh, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lower_jpeg_allowance_refuses_what_the_default_accepts()
    {
        byte[] zip = new TestZip().Add(Unit + "/3205000001.jpg", Jpeg(6000, 6000), level: CompressionLevel.NoCompression).Build();

        BatchIntakeResult result = new UnitPackageIntake(new UnitPackageLimits { MaxScaledJpegPixels = 0 }).Read(zip, Unit);

        Assert.Empty(result.Accepted);
        Assert.Contains("上限25 MP", Assert.Single(result.EntryRefusals).MessageZh, StringComparison.Ordinal);
    }

    private static byte[] Jpeg(int width, int height)
    {
        using var image = new RgbImage(width, height);
        image.Pixels.Fill(200);
        return JpegEncoder.Encode(image, new JpegEncoderOptions { Quality = 75 });
    }

    /// <summary>The JPEG with its baseline frame header (SOF0) claiming another size.</summary>
    private static byte[] WithFrameSize(byte[] jpeg, int width, int height)
    {
        byte[] copy = [.. jpeg];
        for (int i = 2; i + 9 < copy.Length; i++)
        {
            if (copy[i] == 0xFF && copy[i + 1] == 0xC0)
            {
                BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(i + 5), (ushort)height);
                BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(i + 7), (ushort)width);
                return copy;
            }
        }

        throw new InvalidOperationException("No SOF0 marker.");
    }
}
