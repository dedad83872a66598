using SocialCard.Imaging.Processing.Resize;
using SocialCard.Imaging.Tests.TestUtilities;

namespace SocialCard.Imaging.Tests.Processing.Resize;

public sealed class ResizerTests
{
    [Theory]
    [InlineData(1200, 1478, 358, 441)]
    [InlineData(97, 61, 40, 23)]
    [InlineData(40, 23, 97, 61)]
    [InlineData(50, 50, 50, 13)]
    [InlineData(5, 3, 1, 1)]
    [InlineData(1, 1, 7, 5)]
    public void Vector_and_scalar_paths_are_identical(int sw, int sh, int dw, int dh)
    {
        using RgbImage source = TestImages.Noise(sw, sh, sw + sh);
        using RgbImage scalar = Resizer.Resize(source, dw, dh, UpscaleFilter.Bicubic, useVectors: false);
        using RgbImage vector = Resizer.Resize(source, dw, dh, UpscaleFilter.Bicubic, useVectors: true);
        Assert.True(scalar.Pixels.SequenceEqual(vector.Pixels));
    }

    [Fact]
    public void Area_downscale_by_two_is_the_block_mean()
    {
        using RgbImage source = TestImages.Noise(8, 6, 1);
        using RgbImage half = Resizer.Resize(source, 4, 3);
        for (int y = 0; y < 3; y++)
        {
            for (int x = 0; x < 4; x++)
            {
                for (int c = 0; c < 3; c++)
                {
                    int sum = source.Row(2 * y)[(2 * x * 3) + c] + source.Row(2 * y)[(((2 * x) + 1) * 3) + c]
                            + source.Row((2 * y) + 1)[(2 * x * 3) + c] + source.Row((2 * y) + 1)[(((2 * x) + 1) * 3) + c];
                    Assert.InRange(half.Row(y)[(x * 3) + c], (sum / 4.0) - 0.51, (sum / 4.0) + 0.51);
                }
            }
        }
    }

    [Fact]
    public void Fractional_area_weights_cover_partial_pixels()
    {
        // 3 -> 2: output 0 covers source [0, 1.5): weights 2/3, 1/3.
        using RgbImage source = RgbImage.FromRgb([0, 0, 0, 90, 90, 90, 255, 255, 255], 3, 1);
        using RgbImage result = Resizer.Resize(source, 2, 1);
        Assert.Equal(30, result.Pixels[0]);        // (0 * 1 + 90 * 0.5) / 1.5
        Assert.Equal(200, result.Pixels[3]);       // (90 * 0.5 + 255 * 1) / 1.5
    }

    [Theory]
    [InlineData(UpscaleFilter.Bicubic)]
    [InlineData(UpscaleFilter.Bilinear)]
    public void Solid_colour_stays_solid_both_ways(UpscaleFilter filter)
    {
        using RgbImage source = TestImages.Solid(17, 9, 10, 200, 77);
        using RgbImage up = Resizer.Resize(source, 40, 31, filter);
        using RgbImage down = Resizer.Resize(source, 5, 4, filter);
        Assert.All(Triples(up), p => Assert.Equal((10, 200, 77), p));
        Assert.All(Triples(down), p => Assert.Equal((10, 200, 77), p));
    }

    [Fact]
    public void Bilinear_upscale_of_two_pixels_interpolates_linearly()
    {
        using RgbImage source = RgbImage.FromRgb([0, 0, 0, 200, 200, 200], 2, 1);
        using RgbImage up = Resizer.Resize(source, 4, 1, UpscaleFilter.Bilinear);
        // Output centres map to source x = -0.25, 0.25, 0.75, 1.25 -> 0, 50, 150, 200.
        Assert.Equal([0, 50, 150, 200], new[] { up.Pixels[0], up.Pixels[3], up.Pixels[6], up.Pixels[9] }.Select(b => (int)b));
    }

    [Fact]
    public void Gradient_stays_monotonic_after_downscale()
    {
        using RgbImage source = TestImages.Gradient(1200, 1478);
        using RgbImage small = Resizer.Resize(source, 358, 441);
        for (int x = 1; x < 358; x++)
        {
            Assert.True(small.Row(200)[x * 3] >= small.Row(200)[(x - 1) * 3]);
        }
    }

    [Fact]
    public void Resize_to_fit_keeps_aspect()
    {
        using RgbImage source = TestImages.Gradient(1000, 500);
        using RgbImage fit = Resizer.ResizeToFit(source, 358, 441);
        Assert.Equal((358, 179), (fit.Width, fit.Height));
    }

    private static IEnumerable<(int, int, int)> Triples(RgbImage image)
    {
        byte[] p = image.Pixels.ToArray();
        for (int i = 0; i < p.Length; i += 3)
        {
            yield return (p[i], p[i + 1], p[i + 2]);
        }
    }
}
