using SocialCard.Imaging.Processing.Orientation;
using SocialCard.Imaging.Processing.Rotate;
using SocialCard.Imaging.Tests.TestUtilities;

namespace SocialCard.Imaging.Tests.Processing.Rotate;

public sealed class RotatorTests
{
    [Fact]
    public void Zero_degrees_is_identity()
    {
        using RgbImage source = TestImages.Noise(15, 11, 8);
        using RgbImage same = Rotator.Rotate(source, 0, 7, 5, RgbColor.White);
        Assert.True(source.Pixels.SequenceEqual(same.Pixels));
    }

    [Fact]
    public void Ninety_degrees_counter_clockwise_about_the_centre_matches_the_quarter_turn()
    {
        using RgbImage source = TestImages.Noise(9, 9, 5);
        using RgbImage rotated = Rotator.Rotate(source, 90, 4, 4, RgbColor.White);
        using RgbImage reference = OrientationTransform.Rotate90CounterClockwise(source);
        Assert.True(reference.Pixels.SequenceEqual(rotated.Pixels));
    }

    [Fact]
    public void A_dot_right_of_the_pivot_moves_up_for_positive_angles()
    {
        using RgbImage source = TestImages.Solid(21, 21, 0, 0, 0);
        source.Row(10)[15 * 3] = 255;
        using RgbImage rotated = Rotator.Rotate(source, 90, 10, 10, RgbColor.Black);
        Assert.Equal(255, rotated.Row(5)[10 * 3]);
    }

    [Fact]
    public void Corners_come_from_outside_and_get_the_fill()
    {
        using RgbImage source = TestImages.Solid(20, 20, 0, 0, 0);
        using RgbImage rotated = Rotator.Rotate(source, 45, 9.5, 9.5, RgbColor.White);
        Assert.Equal((255, 255, 255), TestImages.PixelAt(rotated, 0, 0));
        Assert.Equal((0, 0, 0), TestImages.PixelAt(rotated, 10, 10));
    }

    [Fact]
    public void Small_angle_keeps_mean_colour_in_the_middle()
    {
        using RgbImage source = TestImages.Gradient(60, 60);
        using RgbImage rotated = Rotator.Rotate(source, 3.5, 30, 30, RgbColor.White);
        (byte r, _, _) = TestImages.PixelAt(rotated, 30, 30);
        Assert.InRange(r, TestImages.PixelAt(source, 30, 30).R - 3, TestImages.PixelAt(source, 30, 30).R + 3);
    }
}
