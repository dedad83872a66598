using SocialCard.Imaging;
using SocialCard.Photos.Fixes;
using SocialCard.Photos.Fixes.Steps;
using SocialCard.Photos.Tests.Fixes.Support;

namespace SocialCard.Photos.Tests.Fixes.Steps;

public sealed class OrientationStepTests
{
    // 40x20, left half red, right half blue.
    private static byte[] Sample(ushort orientation)
    {
        using var image = new RgbImage(40, 20);
        Span<byte> p = image.Pixels;
        for (int y = 0; y < 20; y++)
        {
            for (int x = 0; x < 40; x++)
            {
                int i = ((y * 40) + x) * 3;
                (p[i], p[i + 1], p[i + 2]) = x < 20 ? ((byte)220, (byte)20, (byte)20) : ((byte)20, (byte)20, (byte)220);
            }
        }

        return ImageEdits.WithExifOrientation(ImageEdits.Jpeg(image, 95), orientation);
    }

    private static FixContext Decoded(byte[] data)
    {
        var ctx = new FixContext(data, "a.jpg", FixTestData.Suzhou, FixOptions.Default, null);
        Assert.Equal(FixStepOutcome.Applied, new DecodeStep().Apply(ctx).Outcome);
        return ctx;
    }

    [Fact]
    public void Orientation6_TurnsClockwise_LeftHalfGoesToTop()
    {
        using FixContext ctx = Decoded(Sample(6));
        FixStepResult r = new OrientationStep().Apply(ctx);
        Assert.Equal(FixStepOutcome.Applied, r.Outcome);
        Assert.Equal(20, ctx.Source!.Width);
        Assert.Equal(40, ctx.Source.Height);
        Assert.True(ctx.Source.Row(5)[30] > 150, "top should be red (the former left half)");
        Assert.True(ctx.Source.Row(35)[32] > 150, "bottom should be blue");
    }

    [Fact]
    public void Orientation3_TurnsUpsideDown()
    {
        using FixContext ctx = Decoded(Sample(3));
        Assert.Equal(FixStepOutcome.Applied, new OrientationStep().Apply(ctx).Outcome);
        Assert.Equal(40, ctx.Source!.Width);
        Assert.True(ctx.Source.Row(10)[(5 * 3) + 2] > 150, "left should now be blue");
    }

    [Fact]
    public void NoExif_Skipped_AndOriginalBytesUntouched()
    {
        byte[] data = Sample(1);
        byte[] copy = (byte[])data.Clone();
        using FixContext ctx = Decoded(data);
        Assert.Equal(FixStepOutcome.Skipped, new OrientationStep().Apply(ctx).Outcome);
        Assert.Equal(copy, data);
    }
}
