using SocialCard.Imaging.Processing.Distance;

namespace SocialCard.Imaging.Tests.Processing.Distance;

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
    [Theory]
    [InlineData(2, 2, 0.5)]
    [InlineData(17, 9, 0.02)]
    [InlineData(64, 40, 0.3)]
    [InlineData(358, 31, 0.6)]
    [InlineData(9, 50, 0.0)]
    public void Row_by_row_chamfer_equals_the_reference(int width, int height, double share)
    {
        var rng = new Random(width * 1000 + height);
        byte[] mask = [.. Enumerable.Range(0, width * height).Select(_ => rng.NextDouble() < share ? (byte)1 : (byte)0)];
        int[] expected = new int[mask.Length + 5], actual = new int[mask.Length + 5];
        DistanceTransform.ChamferReference(mask, 0, width, height, expected);
        DistanceTransform.Chamfer(mask, 0, width, height, actual);
        Assert.Equal(expected, actual);
    }
}
