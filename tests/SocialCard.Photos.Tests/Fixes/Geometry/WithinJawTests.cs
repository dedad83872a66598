using System.Drawing;
using SocialCard.Photos.Fixes.Geometry;

namespace SocialCard.Photos.Tests.Fixes.Geometry;

/// <summary>
/// <see cref="LandmarkGeometry.WithinJaw"/> on a drawn jaw: points 0-16 on the lower half of a circle of radius 100
/// about (200, 200), from the left end (100, 200) through the chin (200, 300) to the right end (300, 200); points 17-67
/// at the centre (the test reads only the jaw).
/// </summary>
public sealed class WithinJawTests
{
    private static readonly PointF[] Jaw = Enumerable.Range(0, 68).Select(k => k <= 16
        ? new PointF(200f - (100f * MathF.Cos(MathF.PI * k / 16f)), 200f + (100f * MathF.Sin(MathF.PI * k / 16f)))
        : new PointF(200, 200)).ToArray();

    [Theory]
    [InlineData(200, 250)]
    [InlineData(120, 210)]
    [InlineData(280, 210)]
    [InlineData(200, 201)]
    public void A_point_inside_the_outline_is_within(float x, float y) => Assert.True(LandmarkGeometry.WithinJaw(Jaw, x, y, 0));

    [Theory]
    [InlineData(200, 305, 10)]
    [InlineData(305, 220, 10)]
    [InlineData(95, 200, 6)]
    public void A_point_within_the_margin_of_the_jaw_is_within(float x, float y, float margin) =>
        Assert.True(LandmarkGeometry.WithinJaw(Jaw, x, y, margin));

    [Theory]
    [InlineData(200, 315, 10)]
    [InlineData(320, 220, 10)]
    [InlineData(200, 150, 10)]
    [InlineData(200, 305, 0)]
    public void A_point_beyond_the_margin_or_above_the_jaw_line_is_not(float x, float y, float margin) =>
        Assert.False(LandmarkGeometry.WithinJaw(Jaw, x, y, margin));
}
