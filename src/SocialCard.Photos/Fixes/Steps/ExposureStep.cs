using System.Globalization;
using SocialCard.Imaging;
using SocialCard.Imaging.Processing.Luminance;
using SocialCard.Photos.Fixes.Geometry;
using SocialCard.Photos.Rules;

namespace SocialCard.Photos.Fixes.Steps;

/// <summary>
/// Corrects exposure and contrast measured on the face skin: a gamma curve moves the mean face luma into
/// [<see cref="MinMean"/>, <see cref="MaxMean"/>], then a linear stretch about the mean widens a face whose 1st-99th
/// percentile luma range is under <see cref="MinRange"/>. Curves keep 255 at 255, so white stays white; they act on the
/// person layer, which is then composited again.
/// </summary>
public sealed class ExposureStep : IFixStep
{
    public const double MinMean = 85;
    public const double MaxMean = 190;
    public const double TargetMean = 125;
    public const double MinRange = 95;
    public const double MaxStretch = 1.8;

    public string Id => "fix.exposure";

    public FixStepResult Apply(FixContext ctx)
    {
        if (ctx.Foreground is null || ctx.OutputLandmarks is null)
        {
            return FixStepResult.Skipped(Id, new LocalizedText("无人像层", "No person layer"));
        }

        RgbImage fg = ctx.Foreground;
        FaceZone zone = FaceZone.Whole(ctx.OutputLandmarks, fg.Width, fg.Height);
        FaceZone skin = FaceZone.Skin(ctx.OutputLandmarks, fg.Width, fg.Height);
        double mean = MeanLuma(fg, skin);
        (double p1, double p99) = Percentiles(fg, zone);
        double range = p99 - p1;
        bool fixMean = mean < MinMean || mean > MaxMean;
        bool fixRange = range < MinRange;
        if (!fixMean && !fixRange)
        {
            return FixStepResult.Skipped(Id, new LocalizedText(
                $"曝光与对比度正常（脸部亮度 {F(mean)}，范围 {F(range)}）", $"Exposure and contrast fine (face luma {F(mean)}, range {F(range)})"), "face luma", mean);
        }

        var lut = new byte[256];
        double gamma = fixMean ? Math.Log(TargetMean / 255.0) / Math.Log(Math.Clamp(mean, 5, 250) / 255.0) : 1;
        double newMean = 255 * Math.Pow(mean / 255.0, gamma);
        double stretch = 1;
        if (fixRange)
        {
            double g1 = 255 * Math.Pow(p1 / 255.0, gamma), g99 = 255 * Math.Pow(p99 / 255.0, gamma);
            stretch = Math.Min(MaxStretch, (MinRange + 10) / Math.Max(1, g99 - g1));
        }

        for (int v = 0; v < 256; v++)
        {
            double g = 255 * Math.Pow(v / 255.0, gamma);
            g = newMean + ((g - newMean) * stretch);
            lut[v] = (byte)Math.Clamp(Math.Round(g), 0, 255);
        }

        Span<byte> px = fg.Pixels;
        for (int i = 0; i < px.Length; i++)
        {
            px[i] = lut[px[i]];
        }

        ctx.Compose();
        double after = MeanLuma(fg, skin);
        return FixStepResult.Applied(Id, new LocalizedText(
            $"已调整曝光/对比度：脸部亮度 {F(mean)}→{F(after)}，伽马 {F(gamma)}，对比度 x{F(stretch)}",
            $"Exposure/contrast corrected: face luma {F(mean)} -> {F(after)}, gamma {F(gamma)}, contrast x{F(stretch)}"), "face luma", mean, after);
    }

    internal static double MeanLuma(RgbImage image, FaceZone zone)
    {
        ReadOnlySpan<byte> px = image.Pixels;
        double sum = 0;
        int n = 0;
        for (int y = zone.Y0; y < zone.Y1; y++)
        {
            for (int x = zone.X0; x < zone.X1; x++)
            {
                int i = ((y * image.Width) + x) * 3;
                sum += Bt601.Luma(px[i], px[i + 1], px[i + 2]);
                n++;
            }
        }

        return n == 0 ? 0 : sum / n;
    }

    private static (double P1, double P99) Percentiles(RgbImage image, FaceZone zone)
    {
        Span<int> hist = stackalloc int[256];
        ReadOnlySpan<byte> px = image.Pixels;
        int n = 0;
        for (int y = zone.Y0; y < zone.Y1; y++)
        {
            for (int x = zone.X0; x < zone.X1; x++)
            {
                int i = ((y * image.Width) + x) * 3;
                hist[(int)Bt601.Luma(px[i], px[i + 1], px[i + 2])]++;
                n++;
            }
        }

        int lo = -1, hi = 255, acc = 0;
        for (int v = 0; v < 256; v++)
        {
            acc += hist[v];
            if (lo < 0 && acc >= n * 0.01)
            {
                lo = v;
            }

            if (acc >= n * 0.99)
            {
                hi = v;
                break;
            }
        }

        return (Math.Max(0, lo), hi);
    }

    private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
