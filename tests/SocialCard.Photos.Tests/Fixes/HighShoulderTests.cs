using System.Drawing;
using SocialCard.Photos.Fixes.Segmentation;

namespace SocialCard.Photos.Tests.Fixes;

/// <summary>
/// The raised shoulder's outline read from the whole-photo pass's sure runs, on drawn column tops: a smooth slope that
/// meets the photo's side counts, a jump (the head's edge) ends it, a slope narrower than a quarter of the face does not
/// count, and landmarks with no face width never fail.
/// </summary>
public class HighShoulderTests
{
    private const int W = 100, H = 200;

    private static List<PointF> Landmarks(float faceLeft, float faceRight, float eyeY)
    {
        var points = new List<PointF>();
        for (int k = 0; k < 68; k++)
        {
            points.Add(new PointF(50, 120));
        }

        points[0] = new PointF(faceLeft, 100);
        points[16] = new PointF(faceRight, 100);
        for (int k = 36; k <= 47; k++)
        {
            points[k] = new PointF(50, eyeY);
        }

        return points;
    }

    [Fact]
    public void A_smooth_slope_from_the_side_below_the_eyes_is_a_shoulder_and_the_head_ends_it()
    {
        int[] top = new int[W];
        for (int x = 0; x < W; x++)
        {
            top[x] = x < 30 ? 150 - x : 20; // a shoulder rising 1 px per column from the left side, then the head
        }

        int[] from = HighShoulder.FromTheSides(top, H, Landmarks(30, 70, 90));

        Assert.Equal(150, from[0]);
        Assert.Equal(121, from[29]);
        Assert.True(from[30] >= 121, "the head's run is not taken above the slope's last top");
        Assert.Equal(H, from[W - 1]);
    }

    [Fact]
    public void A_slope_narrower_than_a_quarter_of_the_face_is_not_a_shoulder()
    {
        int[] top = new int[W];
        for (int x = 0; x < W; x++)
        {
            top[x] = x < 5 ? 150 : 20;
        }

        int[] from = HighShoulder.FromTheSides(top, H, Landmarks(30, 70, 90));

        Assert.All(from, v => Assert.Equal(H, v));
    }

    [Fact]
    public void Landmarks_with_no_face_width_and_no_run_at_the_sides_never_fail()
    {
        int[] top = new int[W];
        Array.Fill(top, H);

        int[] from = HighShoulder.FromTheSides(top, H, Landmarks(50, 50, 90));

        Assert.All(from, v => Assert.Equal(H, v));
    }
}
