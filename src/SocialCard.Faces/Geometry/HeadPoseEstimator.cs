namespace SocialCard.Faces.Geometry;

/// <summary>
/// Yaw and pitch from six landmarks by a small weak-perspective PnP against a mean 3-D face: the 3-D points
/// (nose tip 30, chin 8, outer eye corners 36/45, mouth corners 48/54; model units, x to the image right, y up,
/// z towards the camera; the values of the widely used OpenCV head-pose example) are fitted to the image points by
/// least squares with an affine camera <c>u = M X + t</c>; the rows of M, normalised and orthogonalised, give the
/// rotation R, and its third row (the viewing direction in face coordinates, which in-plane roll leaves unchanged)
/// gives yaw = asin(-r3.x) and pitch = atan2(r3.y, r3.z). Weak perspective is adequate at ID-photo distances.
/// </summary>
internal static class HeadPoseEstimator
{
    private static readonly int[] s_landmarks = [30, 8, 36, 45, 48, 54];

    private static readonly double[] s_model =
    [
        0.0, 0.0, 0.0,
        0.0, -330.0, -65.0,
        -225.0, 170.0, -135.0,
        225.0, 170.0, -135.0,
        -150.0, -150.0, -125.0,
        150.0, -150.0, -125.0,
    ];

    /// <summary>Returns (yaw, pitch) in degrees; yaw &gt; 0: the nose points to the image's right; pitch &gt; 0: face turned down.</summary>
    public static (double Yaw, double Pitch) Estimate(ReadOnlySpan<FacePoint> landmarks)
    {
        const int n = 6;
        Span<double> xs = stackalloc double[3 * n];
        Span<double> us = stackalloc double[2 * n];
        double mx = 0, my = 0, mz = 0, mu = 0, mv = 0;
        for (int i = 0; i < n; i++)
        {
            FacePoint p = landmarks[s_landmarks[i]];
            us[2 * i] = p.X;
            us[(2 * i) + 1] = -p.Y; // image y points down; the model's y points up
            mu += us[2 * i];
            mv += us[(2 * i) + 1];
            mx += s_model[3 * i];
            my += s_model[(3 * i) + 1];
            mz += s_model[(3 * i) + 2];
        }

        mx /= n; my /= n; mz /= n; mu /= n; mv /= n;
        Span<double> a = stackalloc double[9]; // Xc Xc^T
        Span<double> bu = stackalloc double[3]; // Xc u
        Span<double> bv = stackalloc double[3];
        for (int i = 0; i < n; i++)
        {
            double x0 = s_model[3 * i] - mx, x1 = s_model[(3 * i) + 1] - my, x2 = s_model[(3 * i) + 2] - mz;
            double u = us[2 * i] - mu, v = us[(2 * i) + 1] - mv;
            ReadOnlySpan<double> xc = [x0, x1, x2];
            for (int r = 0; r < 3; r++)
            {
                for (int c = 0; c < 3; c++)
                {
                    a[(r * 3) + c] += xc[r] * xc[c];
                }

                bu[r] += xc[r] * u;
                bv[r] += xc[r] * v;
            }
        }

        Span<double> inv = stackalloc double[9];
        Invert3(a, inv);
        Span<double> r1 = stackalloc double[3];
        Span<double> r2 = stackalloc double[3];
        for (int r = 0; r < 3; r++)
        {
            r1[r] = (inv[(r * 3) + 0] * bu[0]) + (inv[(r * 3) + 1] * bu[1]) + (inv[(r * 3) + 2] * bu[2]);
            r2[r] = (inv[(r * 3) + 0] * bv[0]) + (inv[(r * 3) + 1] * bv[1]) + (inv[(r * 3) + 2] * bv[2]);
        }

        Normalise(r1);
        double dot = (r1[0] * r2[0]) + (r1[1] * r2[1]) + (r1[2] * r2[2]);
        for (int i = 0; i < 3; i++)
        {
            r2[i] -= dot * r1[i];
        }

        Normalise(r2);
        double r3x = (r1[1] * r2[2]) - (r1[2] * r2[1]);
        double r3y = (r1[2] * r2[0]) - (r1[0] * r2[2]);
        double r3z = (r1[0] * r2[1]) - (r1[1] * r2[0]);
        double yaw = Math.Asin(Math.Clamp(-r3x, -1, 1)) * 180 / Math.PI;
        double pitch = Math.Atan2(r3y, r3z) * 180 / Math.PI;
        return (yaw, pitch);
    }

    private static void Normalise(Span<double> v)
    {
        double len = Math.Sqrt((v[0] * v[0]) + (v[1] * v[1]) + (v[2] * v[2]));
        if (len > 0)
        {
            v[0] /= len;
            v[1] /= len;
            v[2] /= len;
        }
    }

    private static void Invert3(ReadOnlySpan<double> m, Span<double> inv)
    {
        double a = m[0], b = m[1], c = m[2], d = m[3], e = m[4], f = m[5], g = m[6], h = m[7], i = m[8];
        double co0 = (e * i) - (f * h), co1 = -((d * i) - (f * g)), co2 = (d * h) - (e * g);
        double det = (a * co0) + (b * co1) + (c * co2);
        double s = 1.0 / det;
        inv[0] = co0 * s;
        inv[1] = -((b * i) - (c * h)) * s;
        inv[2] = ((b * f) - (c * e)) * s;
        inv[3] = co1 * s;
        inv[4] = ((a * i) - (c * g)) * s;
        inv[5] = -((a * f) - (c * d)) * s;
        inv[6] = co2 * s;
        inv[7] = -((a * h) - (b * g)) * s;
        inv[8] = ((a * e) - (b * d)) * s;
    }
}
