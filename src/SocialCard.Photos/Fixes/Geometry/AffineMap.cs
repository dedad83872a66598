using System.Drawing;

namespace SocialCard.Photos.Fixes.Geometry;

/// <summary>
/// A 2-D affine map x' = A x + t (rotation, uniform scale, translation), used as output-pixel to source-pixel map.
/// Pixel coordinates are continuous with pixel centres at +0.5.
/// </summary>
public readonly record struct AffineMap(double A11, double A12, double A21, double A22, double Tx, double Ty)
{
    public static AffineMap Identity => new(1, 0, 0, 1, 0, 0);

    /// <summary>Maps output to source: the output point <paramref name="outAnchor"/> lands on the source point
    /// <paramref name="srcAnchor"/>, output axes are the source axes rotated by <paramref name="rollDegrees"/>, and one
    /// output pixel spans 1/<paramref name="scale"/> source pixels.</summary>
    public static AffineMap OutputToSource(PointF srcAnchor, PointF outAnchor, double scale, double rollDegrees)
    {
        double r = rollDegrees * Math.PI / 180.0;
        double c = Math.Cos(r) / scale, s = Math.Sin(r) / scale;
        // src = anchorSrc + R(roll) * (out - anchorOut) / scale
        double tx = srcAnchor.X - ((c * outAnchor.X) - (s * outAnchor.Y));
        double ty = srcAnchor.Y - ((s * outAnchor.X) + (c * outAnchor.Y));
        return new AffineMap(c, -s, s, c, tx, ty);
    }

    public PointF Apply(PointF p) => new((float)((A11 * p.X) + (A12 * p.Y) + Tx), (float)((A21 * p.X) + (A22 * p.Y) + Ty));

    public (double X, double Y) Apply(double x, double y) => ((A11 * x) + (A12 * y) + Tx, (A21 * x) + (A22 * y) + Ty);

    /// <summary>Source pixels per output pixel (the linear scale of the map).</summary>
    public double Scale => Math.Sqrt(Math.Abs((A11 * A22) - (A12 * A21)));

    public AffineMap Invert()
    {
        double det = (A11 * A22) - (A12 * A21);
        double i11 = A22 / det, i12 = -A12 / det, i21 = -A21 / det, i22 = A11 / det;
        return new AffineMap(i11, i12, i21, i22, -((i11 * Tx) + (i12 * Ty)), -((i21 * Tx) + (i22 * Ty)));
    }
}
