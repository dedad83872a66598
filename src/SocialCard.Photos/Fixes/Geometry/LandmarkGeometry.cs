using System.Drawing;

namespace SocialCard.Photos.Fixes.Geometry;

/// <summary>
/// Measures the fix needs from the 68 iBUG landmarks (0-16 jaw, 17-26 brows, 27-35 nose, 36-41 and 42-47 eyes,
/// 48-67 mouth). The eye centre is the mean of an eye's six points and the face width the jaw 0 to 16 distance, the
/// same definitions the checker uses (<see cref="SocialCard.Photos.Faces.ObservedFace"/>).
/// </summary>
internal static class LandmarkGeometry
{
    public static PointF Centre(IReadOnlyList<PointF> p, int from, int to)
    {
        float x = 0, y = 0;
        for (int i = from; i < to; i++)
        {
            x += p[i].X;
            y += p[i].Y;
        }

        return new PointF(x / (to - from), y / (to - from));
    }

    /// <summary>Centre of the eye on the image's left (the subject's right eye, points 36-41).</summary>
    public static PointF LeftEye(IReadOnlyList<PointF> p) => Centre(p, 36, 42);

    public static PointF RightEye(IReadOnlyList<PointF> p) => Centre(p, 42, 48);

    public static PointF EyeMid(IReadOnlyList<PointF> p)
    {
        PointF l = LeftEye(p), r = RightEye(p);
        return new PointF((l.X + r.X) / 2f, (l.Y + r.Y) / 2f);
    }

    /// <summary>Angle of the eye line in image coordinates (degrees; positive when the image-right eye is lower).</summary>
    public static double RollDegrees(IReadOnlyList<PointF> p)
    {
        PointF l = LeftEye(p), r = RightEye(p);
        return Math.Atan2(r.Y - l.Y, r.X - l.X) * 180.0 / Math.PI;
    }

    public static double FaceWidth(IReadOnlyList<PointF> p) => Distance(p[0], p[16]);

    public static double Distance(PointF a, PointF b) => Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));

    /// <summary>Whether (<paramref name="x"/>, <paramref name="y"/>) lies inside the jaw's outline (points 0-16, closed by
    /// the line from 16 to 0) or within <paramref name="margin"/> px of its points 0-16.</summary>
    public static bool WithinJaw(IReadOnlyList<PointF> p, float x, float y, float margin)
    {
        bool inside = false;
        for (int i = 0, j = 16; i <= 16; j = i++)
        {
            PointF a = p[i], b = p[j];
            if ((a.Y > y) != (b.Y > y) && x < ((b.X - a.X) * (y - a.Y) / (b.Y - a.Y)) + a.X)
            {
                inside = !inside;
            }
        }

        if (inside)
        {
            return true;
        }

        for (int i = 0; i < 16; i++)
        {
            PointF a = p[i], b = p[i + 1];
            float dx = b.X - a.X, dy = b.Y - a.Y, len2 = Math.Max(1e-6f, (dx * dx) + (dy * dy));
            float t = Math.Clamp((((x - a.X) * dx) + ((y - a.Y) * dy)) / len2, 0f, 1f);
            float ox = x - a.X - (t * dx), oy = y - a.Y - (t * dy);
            if ((ox * ox) + (oy * oy) <= margin * margin)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Mean eye opening: eyelid gap over eye width, both eyes (open ~0.25-0.35, closed &lt; ~0.12).</summary>
    public static double EyeOpenness(IReadOnlyList<PointF> p)
    {
        double right = (Distance(p[37], p[41]) + Distance(p[38], p[40])) / (2 * Math.Max(1e-3, Distance(p[36], p[39])));
        double left = (Distance(p[43], p[47]) + Distance(p[44], p[46])) / (2 * Math.Max(1e-3, Distance(p[42], p[45])));
        return (left + right) / 2;
    }

    /// <summary>
    /// Rough yaw from the nose tip's place between the jaw ends, measured along the eye line: 0 when centred,
    /// about +/-30 degrees when the tip sits a quarter of the face width off centre.
    /// </summary>
    public static double EstimateYawDegrees(IReadOnlyList<PointF> p)
    {
        PointF a = p[0], b = p[16], nose = p[30];
        double dx = b.X - a.X, dy = b.Y - a.Y;
        double len2 = Math.Max(1e-6, (dx * dx) + (dy * dy));
        double t = (((nose.X - a.X) * dx) + ((nose.Y - a.Y) * dy)) / len2;
        return Math.Asin(Math.Clamp((t - 0.5) * 2, -1, 1)) * 180.0 / Math.PI;
    }

    /// <summary>Landmarks expressed in a frame rotated by -<paramref name="rollDegrees"/> about <paramref name="pivot"/>.</summary>
    public static PointF[] Levelled(IReadOnlyList<PointF> p, PointF pivot, double rollDegrees)
    {
        double r = -rollDegrees * Math.PI / 180.0, c = Math.Cos(r), s = Math.Sin(r);
        var result = new PointF[p.Count];
        for (int i = 0; i < p.Count; i++)
        {
            double x = p[i].X - pivot.X, y = p[i].Y - pivot.Y;
            result[i] = new PointF((float)((c * x) - (s * y) + pivot.X), (float)((s * x) + (c * y) + pivot.Y));
        }

        return result;
    }
}
