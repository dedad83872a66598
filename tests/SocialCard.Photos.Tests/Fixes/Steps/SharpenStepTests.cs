using SocialCard.Imaging;
using SocialCard.Photos.Fixes.Steps;

namespace SocialCard.Photos.Tests.Fixes.Steps;

/// <summary>The unsharp mask's running window sums give every pixel exactly what the direct (2r+1)^2 sum gives.</summary>
public sealed class SharpenStepTests
{
    [Theory]
    [InlineData(1, 0.7f, 37, 23)]
    [InlineData(2, 0.8f, 41, 30)]
    [InlineData(2, 1.2f, 5, 9)]
    [InlineData(2, 1.2f, 4, 9)]
    [InlineData(1, 0.7f, 3, 3)]
    public void UnsharpMask_equals_the_direct_window_sum(int radius, float amount, int width, int height)
    {
        var random = new Random((radius * 1000) + (width * 31) + height);
        using var image = new RgbImage(width, height);
        random.NextBytes(image.Pixels);
        using RgbImage expected = image.Clone();
        DirectUnsharpMask(expected, radius, amount);

        SharpenStep.UnsharpMask(image, radius, amount);

        Assert.True(expected.Pixels.SequenceEqual(image.Pixels));
    }

    /// <summary>The reference: every window summed pixel by pixel.</summary>
    private static void DirectUnsharpMask(RgbImage image, int radius, float amount)
    {
        int w = image.Width, h = image.Height, stride = w * 3;
        Span<byte> px = image.Pixels;
        byte[] copy = px.ToArray();
        float norm = 1f / ((2 * radius) + 1) / ((2 * radius) + 1);
        for (int y = radius; y < h - radius; y++)
        {
            for (int x = radius; x < w - radius; x++)
            {
                for (int c = 0; c < 3; c++)
                {
                    int i = (y * stride) + (x * 3) + c;
                    int sum = 0;
                    for (int dy = -radius; dy <= radius; dy++)
                    {
                        for (int dx = -radius; dx <= radius; dx++)
                        {
                            sum += copy[i + (dy * stride) + (dx * 3)];
                        }
                    }

                    px[i] = (byte)Math.Clamp(copy[i] + (amount * (copy[i] - (sum * norm))) + 0.5f, 0, 255);
                }
            }
        }
    }
}
