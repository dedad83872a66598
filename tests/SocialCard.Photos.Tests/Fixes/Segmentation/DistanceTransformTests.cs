using SocialCard.Photos.Fixes.Segmentation;

namespace SocialCard.Photos.Tests.Fixes.Segmentation;

/// <summary>The chamfer distance in integer units decides "within the ring" exactly as the distance in pixels does.</summary>
public sealed class DistanceTransformTests
{
    [Theory]
    [InlineData(2.0)]
    [InlineData(2.5)]
    [InlineData(3.3333333333333335)]
    [InlineData(4.1)]
    [InlineData(7.0)]
    public void Chamfer_limit_agrees_with_the_distance_in_pixels(double ring)
    {
        int limit = DistanceTransform.ChamferLimit(ring);
        for (int d = 0; d < 200; d++)
        {
            Assert.True(d <= limit == d / 3f <= ring, $"chamfer {d} (distance {d / 3f}) against ring {ring}, limit {limit}");
        }
    }

    [Fact]
    public void Chamfer_units_are_three_times_the_pixel_distance()
    {
        // One target pixel in the middle of a 5x5 mask: straight steps cost 3, diagonal ones 4.
        byte[] mask = new byte[25];
        mask[12] = 1;
        int[] chamfer = new int[25];
        DistanceTransform.Chamfer(mask, 0, 5, 5, chamfer);
        float[] pixels = DistanceTransform.To(mask, 0, 5, 5);
        Assert.Equal([0, 3, 6, 4, 8], new[] { chamfer[12], chamfer[13], chamfer[14], chamfer[18], chamfer[24] });
        Assert.Equal(chamfer.Select(d => d / 3f), pixels);
    }
}
