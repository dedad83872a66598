using SocialCard.Imaging.Processing.Color;

namespace SocialCard.Imaging.Tests.Processing.Color;

/// <summary>The channel-difference row: the vector path marks exactly the pixels the scalar reference marks, on rows with
/// a tail, at the tolerance's edge and at the channels' extremes.</summary>
public sealed class ChannelDifferenceKernelTests
{
    [Theory]
    [InlineData(1, 30)]
    [InlineData(15, 4)]
    [InlineData(16, 0)]
    [InlineData(33, 24)]
    [InlineData(272, 7)]
    [InlineData(360, 764)]
    public void Vector_row_matches_the_reference(int width, int tolerance)
    {
        var rng = new Random(width + tolerance);
        (byte R, byte G, byte B) colour = ((byte)rng.Next(256), (byte)rng.Next(256), 0);
        byte[] rgb = new byte[3 * width];
        for (int x = 0; x < width; x++)
        {
            (rgb[3 * x], rgb[(3 * x) + 1], rgb[(3 * x) + 2]) = rng.Next(4) switch
            {
                0 => (colour.R, colour.G, colour.B),
                1 => ((byte)Math.Clamp(colour.R + rng.Next(-3, 4), 0, 255), (byte)Math.Clamp(colour.G + rng.Next(-3, 4), 0, 255), (byte)rng.Next(4)),
                2 => (rng.Next(2) == 0 ? (byte)0 : (byte)255, rng.Next(2) == 0 ? (byte)0 : (byte)255, (byte)255),
                _ => ((byte)rng.Next(256), (byte)rng.Next(256), (byte)rng.Next(256)),
            };
        }

        byte[] marks = new byte[width], reference = new byte[width];
        ChannelDifferenceKernel.Exceeds(rgb, colour, tolerance, marks);
        ChannelDifferenceKernel.ExceedsReference(rgb, colour, tolerance, reference);
        Assert.Equal(reference, marks);
        for (int x = 0; x < width; x++)
        {
            Assert.Equal(ChannelDifferenceKernel.Difference(rgb, x, colour) > tolerance ? 1 : 0, marks[x]);
        }
    }

    [Fact]
    public void Difference_sums_the_absolute_channel_differences()
    {
        byte[] rgb = [10, 200, 255, 0, 0, 0];
        Assert.Equal(5 + 10 + 255, ChannelDifferenceKernel.Difference(rgb, 0, (15, 190, 0)));
        Assert.Equal(765, ChannelDifferenceKernel.Difference(rgb, 1, (255, 255, 255)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChannelDifferenceKernel.Exceeds(rgb, (0, 0, 0), 4, new byte[3]));
    }
}
