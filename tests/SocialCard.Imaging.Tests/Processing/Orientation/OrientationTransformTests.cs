using SocialCard.Imaging.Processing.Orientation;
using SocialCard.Imaging.Tests.TestUtilities;

namespace SocialCard.Imaging.Tests.Processing.Orientation;

public sealed class OrientationTransformTests
{
    /// <summary>
    /// EXIF orientation semantics written out per pixel: where stored pixel (x, y) of a W x H image lands upright.
    /// </summary>
    private static (int X, int Y) Upright(int orientation, int x, int y, int w, int h) => orientation switch
    {
        1 => (x, y),
        2 => (w - 1 - x, y),
        3 => (w - 1 - x, h - 1 - y),
        4 => (x, h - 1 - y),
        5 => (y, x),
        6 => (h - 1 - y, x),
        7 => (h - 1 - y, w - 1 - x),
        _ => (y, w - 1 - x),
    };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Every_exif_orientation_moves_each_pixel_where_the_spec_says(int orientation)
    {
        const int w = 5;
        const int h = 3;
        using RgbImage stored = TestImages.Noise(w, h, orientation);
        using RgbImage upright = OrientationTransform.ApplyExifOrientation(stored, orientation);
        bool swaps = orientation >= 5;
        Assert.Equal(swaps ? (h, w) : (w, h), (upright.Width, upright.Height));
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                (int ux, int uy) = Upright(orientation, x, y, w, h);
                Assert.Equal(TestImages.PixelAt(stored, x, y), TestImages.PixelAt(upright, ux, uy));
            }
        }
    }

    [Fact]
    public void Single_column_image_rotates()
    {
        using RgbImage column = TestImages.Noise(1, 4, 3);
        using RgbImage row = OrientationTransform.Rotate90Clockwise(column);
        Assert.Equal((4, 1), (row.Width, row.Height));
        Assert.Equal(TestImages.PixelAt(column, 0, 3), TestImages.PixelAt(row, 0, 0));
    }
}
