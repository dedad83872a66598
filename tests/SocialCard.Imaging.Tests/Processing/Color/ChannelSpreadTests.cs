using SocialCard.Imaging.Processing.Color;

namespace SocialCard.Imaging.Tests.Processing.Color;

/// <summary>The spread of a pixel's channels (max - min of R, G, B).</summary>
public sealed class ChannelSpreadTests
{
    [Theory]
    [InlineData(0, 0, 0, 0)]
    [InlineData(128, 128, 128, 0)]
    [InlineData(255, 0, 0, 255)]
    [InlineData(200, 40, 50, 160)]
    [InlineData(30, 90, 60, 60)]
    [InlineData(10, 20, 250, 240)]
    public void Is_the_largest_channel_less_the_smallest(int r, int g, int b, int spread)
    {
        Assert.Equal(spread, ChannelSpread.Of(r, g, b));
        Assert.Equal(spread, ChannelSpread.At([9, 9, 9, (byte)r, (byte)g, (byte)b], 1));
    }
}
