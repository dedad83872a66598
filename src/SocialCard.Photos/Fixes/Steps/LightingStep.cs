using System.Globalization;
using SocialCard.Imaging;
using SocialCard.Imaging.Processing.Luminance;
using SocialCard.Photos.Analysis;
using SocialCard.Photos.Fixes.Geometry;
using SocialCard.Photos.Rules;

namespace SocialCard.Photos.Fixes.Steps;

/// <summary>
/// Evens out side lighting on the face (one half bright, the other in shadow), as a photo studio would by dodging
/// the dark side. Measure: the checker's own <see cref="IlluminationBalance"/> on the composited output, against the
/// profile's <c>lighting.uneven.minBalance</c>. Correction: for every distance d from the eye-line midpoint the log
/// ratio r(d) of the mean person luma of the two mirrored columns over the eye-to-mouth band is measured (person
/// pixels only, so white background in a column does not count), smoothed, and removed in part: the darker column
/// gets exp(+k r/2), the brighter exp(-k r/2), with k chosen so the balance lands at <see cref="TargetBalance"/> and
/// each gain within [1/<see cref="MaxGain"/>, <see cref="MaxGain"/>]. Beyond half a face width the last gain is
/// held (the shoulders and hair share the side light); the gain field depends on x only and acts on the person layer,
/// which is then composited on white again.
/// </summary>
public sealed class LightingStep : IFixStep
{
    /// <summary>Balance the correction aims at (comfortably above the checker's limit, below perfect symmetry).</summary>
    public const double TargetBalance = 0.9;

    /// <summary>Largest brightening / darkening factor of one column.</summary>
    public const double MaxGain = 1.9;

    public string Id => "fix.lighting";

    public FixStepResult Apply(FixContext ctx)
    {
        if (ctx.Output is null || ctx.Foreground is null || ctx.OutputLandmarks is null || ctx.Alpha is null)
        {
            return FixStepResult.Skipped(Id, new LocalizedText("无人像层", "No person layer"));
        }

        RgbImage fg = ctx.Foreground;
        int w = fg.Width, h = fg.Height;
        var eyes = LandmarkGeometry.EyeMid(ctx.OutputLandmarks);
        double faceWidth = LandmarkGeometry.FaceWidth(ctx.OutputLandmarks);
        FaceRegion region = FaceRegion.FromFace(eyes.X, eyes.Y, faceWidth, w, h);
        double before = IlluminationBalance.Measure(LumaPlane.From(ctx.Output), region).Balance;
        double limit = ctx.Profile.Rule("lighting.uneven").TryGet("minBalance", out double m) ? m : 0.75;
        double trigger = Math.Min(TargetBalance, limit + 0.06);
        if (before >= trigger)
        {
            return FixStepResult.Skipped(Id, new LocalizedText($"面部光照均匀（亮度比 {F(before)}）", $"Face evenly lit (balance {F(before)})"), "balance", before);
        }

        float[] logGain = GainField(fg, ctx.Alpha, region, before);
        if (logGain.Length == 0)
        {
            return FixStepResult.Skipped(Id, new LocalizedText($"无法测量两侧脸部亮度（亮度比 {F(before)}）", $"Face sides could not be measured (balance {F(before)})"), "balance", before);
        }

        Span<byte> px = fg.Pixels;
        Span<ushort> gain = stackalloc ushort[w];
        for (int x = 0; x < w; x++)
        {
            gain[x] = (ushort)Math.Round(Math.Exp(logGain[x]) * 256);
        }

        for (int y = 0; y < h; y++)
        {
            Span<byte> row = px.Slice(y * w * 3, w * 3);
            for (int x = 0; x < w; x++)
            {
                int g = gain[x], p = x * 3;
                row[p] = (byte)Math.Min(255, ((row[p] * g) + 128) >> 8);
                row[p + 1] = (byte)Math.Min(255, ((row[p + 1] * g) + 128) >> 8);
                row[p + 2] = (byte)Math.Min(255, ((row[p + 2] * g) + 128) >> 8);
            }
        }

        ctx.Compose();
        double after = IlluminationBalance.Measure(LumaPlane.From(ctx.Output), region).Balance;
        return FixStepResult.Applied(Id, new LocalizedText(
            $"已均衡面部光照：亮度比 {F(before)}→{F(after)}", $"Side lighting evened out: balance {F(before)} -> {F(after)}"), "balance", before, after);
    }

    /// <summary>Per-column log gain (empty when too few mirrored column pairs hold person pixels).</summary>
    internal static float[] GainField(RgbImage fg, float[] alpha, FaceRegion region, double balance)
    {
        int w = fg.Width, h = fg.Height;
        double fw = region.FaceWidth;
        int cx = (int)Math.Round(region.CentreX);
        int y0 = Math.Clamp((int)Math.Round(region.EyeY), 0, h - 1);
        int y1 = Math.Clamp((int)Math.Round(region.EyeY + (0.45 * fw)), y0 + 1, h);
        int dMax = Math.Min((int)(0.5 * fw), Math.Min(cx, w - 1 - cx));
        if (dMax < 8)
        {
            return [];
        }

        // Mean person luma per column over the band.
        var mean = new double[w];
        var ok = new bool[w];
        ReadOnlySpan<byte> px = fg.Pixels;
        int minCount = Math.Max(4, (y1 - y0) / 2);
        for (int x = Math.Max(0, cx - dMax); x <= Math.Min(w - 1, cx + dMax); x++)
        {
            double sum = 0;
            int n = 0;
            for (int y = y0; y < y1; y++)
            {
                int i = (y * w) + x;
                if (alpha[i] < 0.95f)
                {
                    continue;
                }

                int p = i * 3;
                sum += Bt601.Luma(px[p], px[p + 1], px[p + 2]);
                n++;
            }

            ok[x] = n >= minCount;
            mean[x] = n > 0 ? sum / n : 0;
        }

        // r(d) = log(left / right); missing pairs take the previous value.
        var r = new double[dMax + 1];
        int valid = 0;
        double last = 0;
        for (int d = 1; d <= dMax; d++)
        {
            int l = cx - d, rt = cx + d;
            if (ok[l] && ok[rt])
            {
                last = Math.Log((mean[l] + 1) / (mean[rt] + 1));
                valid++;
            }

            r[d] = last;
        }

        if (valid < dMax / 2)
        {
            return [];
        }

        // Smooth over +/- 4% of the face width, and fade in from the centre line (no step at d = 0).
        int radius = Math.Max(1, (int)(0.04 * fw));
        var smooth = new double[dMax + 1];
        for (int d = 1; d <= dMax; d++)
        {
            double s = 0;
            int n = 0;
            for (int k = Math.Max(1, d - radius); k <= Math.Min(dMax, d + radius); k++)
            {
                s += r[k];
                n++;
            }

            smooth[d] = s / n * Math.Min(1.0, d / (0.1 * fw));
        }

        // Remove the share k of the imbalance that brings the balance to the target.
        double now = -Math.Log(Math.Max(1e-3, balance));
        double goal = -Math.Log(TargetBalance);
        double share = Math.Clamp(1 - (goal / Math.Max(1e-6, now)), 0, 1);
        double cap = Math.Log(MaxGain);
        var logGain = new float[w];
        for (int x = 0; x < w; x++)
        {
            int d = Math.Min(Math.Abs(x - cx), dMax);
            double half = Math.Clamp(share * smooth[d] / 2, -cap, cap);
            // Left of the centre: log gain -r/2 (a brighter left side is darkened); right: +r/2.
            logGain[x] = (float)(x < cx ? -half : half);
        }

        return logGain;
    }

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
