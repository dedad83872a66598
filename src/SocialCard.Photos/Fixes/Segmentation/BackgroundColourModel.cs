using SocialCard.Imaging.Processing.Statistics;

namespace SocialCard.Photos.Fixes.Segmentation;

/// <summary>
/// Colour model of a plain wall: each Lab channel is a plane c0 + c1 x + c2 y fitted by least squares to wall samples
/// (so light fall-off across the wall is modelled), refitted once without the samples farther than 2.5 robust
/// deviations (hair or shoulder pixels that slipped into the sample). <see cref="Sigma"/> is the robust spread of
/// the residuals: the wall's own texture and noise.
/// </summary>
internal sealed class BackgroundColourModel
{
    private readonly double[] _l;
    private readonly double[] _a;
    private readonly double[] _b;

    private BackgroundColourModel(double[] l, double[] a, double[] b, double sigma, int samples)
    {
        _l = l;
        _a = a;
        _b = b;
        Sigma = sigma;
        Samples = samples;
    }

    /// <summary>Weight of lightness in <see cref="Distance"/>: shadows and fall-off change L more than hue.</summary>
    public const float LightnessWeight = 0.7f;

    public double Sigma { get; }

    public int Samples { get; }

    public (float L, float A, float B) At(double x, double y) =>
        ((float)(_l[0] + (_l[1] * x) + (_l[2] * y)), (float)(_a[0] + (_a[1] * x) + (_a[2] * y)), (float)(_b[0] + (_b[1] * x) + (_b[2] * y)));

    /// <summary>Weighted Lab distance of a colour at (x, y) to the wall there.</summary>
    public float Distance(double x, double y, float l, float a, float b)
    {
        (float ml, float ma, float mb) = At(x, y);
        float dl = (l - ml) * LightnessWeight, da = a - ma, db = b - mb;
        return MathF.Sqrt((dl * dl) + (da * da) + (db * db));
    }

    /// <summary>Fits the model; samples are (x, y, L, a, b). Returns null with fewer than 12 samples.</summary>
    public static BackgroundColourModel? Fit(IReadOnlyList<(float X, float Y, float L, float A, float B)> samples)
    {
        if (samples.Count < 12)
        {
            return null;
        }

        bool[] use = new bool[samples.Count];
        Array.Fill(use, true);
        BackgroundColourModel model = FitOnce(samples, use);
        var residuals = new float[samples.Count];
        for (int i = 0; i < samples.Count; i++)
        {
            var s = samples[i];
            residuals[i] = model.Distance(s.X, s.Y, s.L, s.A, s.B);
        }

        float mad = Median(residuals);
        float cut = Math.Max(3f, 2.5f * 1.4826f * mad);
        int kept = 0;
        for (int i = 0; i < samples.Count; i++)
        {
            use[i] = residuals[i] <= cut;
            kept += use[i] ? 1 : 0;
        }

        if (kept >= 12)
        {
            model = FitOnce(samples, use);
        }

        int n = 0;
        for (int i = 0; i < samples.Count; i++)
        {
            if (use[i])
            {
                var s = samples[i];
                residuals[n++] = model.Distance(s.X, s.Y, s.L, s.A, s.B);
            }
        }

        float sigma = 1.4826f * Median(residuals.AsSpan(0, n));
        return new BackgroundColourModel(model._l, model._a, model._b, Math.Max(sigma, 1.0), kept);
    }

    private static BackgroundColourModel FitOnce(IReadOnlyList<(float X, float Y, float L, float A, float B)> samples, bool[] use)
    {
        // Normal equations of [1 x y] for three right-hand sides; coordinates centred for conditioning.
        double mx = 0, my = 0;
        int n = 0;
        for (int i = 0; i < samples.Count; i++)
        {
            if (use[i])
            {
                mx += samples[i].X;
                my += samples[i].Y;
                n++;
            }
        }

        mx /= n;
        my /= n;
        double sxx = 0, sxy = 0, syy = 0;
        var rl = new double[3];
        var ra = new double[3];
        var rb = new double[3];
        for (int i = 0; i < samples.Count; i++)
        {
            if (!use[i])
            {
                continue;
            }

            var s = samples[i];
            double x = s.X - mx, y = s.Y - my;
            sxx += x * x;
            sxy += x * y;
            syy += y * y;
            rl[0] += s.L; rl[1] += x * s.L; rl[2] += y * s.L;
            ra[0] += s.A; ra[1] += x * s.A; ra[2] += y * s.A;
            rb[0] += s.B; rb[1] += x * s.B; rb[2] += y * s.B;
        }

        // Centred: the constant decouples; solve the 2x2 for the slopes (ridge-regularised for degenerate sample sets).
        double ridge = 1e-3 * n;
        double det = ((sxx + ridge) * (syy + ridge)) - (sxy * sxy);
        double[] Solve(double[] r)
        {
            double c0 = r[0] / n;
            double c1 = (((syy + ridge) * r[1]) - (sxy * r[2])) / det;
            double c2 = (((sxx + ridge) * r[2]) - (sxy * r[1])) / det;
            return [c0 - (c1 * mx) - (c2 * my), c1, c2];
        }

        return new BackgroundColourModel(Solve(rl), Solve(ra), Solve(rb), 1, n);
    }

    /// <summary>Median of a copy (the input keeps its order).</summary>
    private static float Median(ReadOnlySpan<float> values)
    {
        if (values.IsEmpty)
        {
            return 0;
        }

        float[] copy = values.ToArray();
        return OrderStatistics.Select(copy.AsSpan(), copy.Length / 2);
    }
}
