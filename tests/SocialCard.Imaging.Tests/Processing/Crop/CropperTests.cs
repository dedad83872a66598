using SocialCard.Imaging.Processing.Crop;
using SocialCard.Imaging.Tests.TestUtilities;

namespace SocialCard.Imaging.Tests.Processing.Crop;

public sealed class CropperTests
{
    [Fact]
    public void Crop_copies_the_rectangle()
    {
        using RgbImage source = TestImages.Noise(20, 10, 4);
        using RgbImage crop = Cropper.Crop(source, 3, 2, 5, 4);
        Assert.Equal((5, 4), (crop.Width, crop.Height));
        for (int y = 0; y < 4; y++)
        {
            for (int x = 0; x < 5; x++)
            {
                Assert.Equal(TestImages.PixelAt(source, x + 3, y + 2), TestImages.PixelAt(crop, x, y));
            }
        }
    }

    [Fact]
    public void Crop_outside_throws()
    {
        using RgbImage source = TestImages.Noise(20, 10, 4);
        Assert.Throws<ArgumentOutOfRangeException>(() => Cropper.Crop(source, 16, 0, 5, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => Cropper.Crop(source, -1, 0, 5, 4));
    }

    [Fact]
    public void Crop_or_pad_fills_outside()
    {
        using RgbImage source = TestImages.Solid(4, 4, 10, 20, 30);
        using RgbImage padded = Cropper.CropOrPad(source, -2, -1, 8, 6, RgbColor.White);
        Assert.Equal((255, 255, 255), TestImages.PixelAt(padded, 0, 0));
        Assert.Equal((255, 255, 255), TestImages.PixelAt(padded, 7, 5));
        Assert.Equal((10, 20, 30), TestImages.PixelAt(padded, 2, 1));
        Assert.Equal((10, 20, 30), TestImages.PixelAt(padded, 5, 4));
        Assert.Equal((255, 255, 255), TestImages.PixelAt(padded, 6, 4));

        using RgbImage nowhere = Cropper.CropOrPad(source, 100, 100, 3, 3, RgbColor.Black);
        Assert.All(nowhere.Pixels.ToArray(), b => Assert.Equal(0, b));
    }

    [Theory]
    [InlineData(6, 10)]
    [InlineData(10, 7)]
    public void Square_by_edges_centres_the_image_and_repeats_its_edges(int width, int height)
    {
        using RgbImage source = TestImages.Noise(width, height, 5);
        using RgbImage square = Cropper.SquareByEdges(source, out int offset);
        int side = Math.Max(width, height);
        Assert.Equal((side, side), (square.Width, square.Height));
        Assert.Equal((side - Math.Min(width, height)) / 2, offset);
        bool tall = height > width;
        for (int y = 0; y < side; y++)
        {
            for (int x = 0; x < side; x++)
            {
                int sx = tall ? Math.Clamp(x - offset, 0, width - 1) : x;
                int sy = tall ? y : Math.Clamp(y - offset, 0, height - 1);
                Assert.Equal(TestImages.PixelAt(source, sx, sy), TestImages.PixelAt(square, x, y));
            }
        }
    }
}
