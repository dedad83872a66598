using System.Globalization;
using System.Runtime.CompilerServices;
using SocialCard.Imaging;
using SocialCard.Imaging.Processing.Luminance;
using SocialCard.Photos.Analysis;
using SocialCard.Photos.Fixes.Geometry;
using SocialCard.Photos.Rules;

namespace SocialCard.Photos.Fixes.Steps;

/// <summary>
/// Mild sharpening only when the face is slightly soft. Focus is the checker's contrast-free measure
/// (<see cref="SharpnessMeasure"/>) on the face at output scale, against the profile's required focus: below
/// <see cref="FixOptions.RepairableSharpnessRatio"/> of it the photo is refused as blurred beyond repair; below
/// <see cref="FixOptions.SoftSharpnessRatio"/> times it an unsharp mask is applied to the person layer, mildest first
/// (3x3 box, amount 0.7), then stronger (5x5 box, amount 0.8 and 1.2) until the focus clears the requirement with a
/// margin (<see cref="Margin"/>: the JPEG and the checker's own face box cost a little); if even the strongest leaves
/// the face below the requirement, the photo is refused as blurred beyond repair (no halo-ridden over-sharpening).
/// Otherwise nothing is done. "Slightly soft" is told from "blurred" one octave down: the same focus measure on the
/// output reduced 2x (<see cref="MinCoarseFocus"/>). Softness from resampling or a touch of defocus lives only at the
/// finest scale and is repairable; a real blur (devset sharpness.blur photos: 0.33-0.41 there, compliant photos
/// 0.50-0.73) is still there one octave down, and an unsharp mask would only fake fine detail on it.
/// </summary>
public sealed class SharpenStep : IFixStep
{
    /// <summary>Focus the sharpened face must reach, as a multiple of the required focus.</summary>
    public const double Margin = 1.08;

    /// <summary>Focus the face must have at half the output scale to count as repairable (see the class summary).</summary>
    public const double MinCoarseFocus = 0.45;

    private static readonly (int Radius, float Amount)[] s_passes = [(1, 0.7f), (2, 0.8f), (2, 1.2f)];

    public string Id => "fix.sharpen";

    public FixStepResult Apply(FixContext ctx)
    {
        if (ctx.Output is null || ctx.Foreground is null || ctx.OutputLandmarks is null)
        {
            return FixStepResult.Skipped(Id, new LocalizedText("无人像层", "No person layer"));
        }

        PixelRect zone = FocusZone(ctx);
        double required = ctx.Profile.Rule("sharpness.blur").TryGet("minSharpness", out double m) ? m : ctx.Options.DefaultMinSharpness;
        double floor = required * ctx.Options.RepairableSharpnessRatio, soft = required * ctx.Options.SoftSharpnessRatio;
        double before = Measure(ctx.Output, zone);
        if (before >= soft)
        {
            return FixStepResult.Skipped(Id, new LocalizedText($"清晰度正常（{F(before)}）", $"Sharp enough (focus {F(before)})"), "face focus", before);
        }

        double coarse = CoarseFocus(ctx.Output, zone);
        if (coarse < MinCoarseFocus)
        {
            return ctx.Refuse(Id, "sharpness.blur", new LocalizedText(
                $"照片模糊（清晰度 {F(before)}，缩小一半后 {F(coarse)}，可修复下限 {F(MinCoarseFocus)}），无法修复，请重新拍摄",
                $"Photo blurred beyond repair (focus {F(before)}, {F(coarse)} at half scale, repairable from {F(MinCoarseFocus)}); retake it"), "face focus", before);
        }

        if (before < floor)
        {
            return ctx.Refuse(Id, "sharpness.blur", new LocalizedText(
                $"照片严重模糊（清晰度 {F(before)}，可修复下限 {F(floor)}），无法修复，请重新拍摄",
                $"Photo too blurred to repair (focus {F(before)}, repairable from {F(floor)}); retake it"), "face focus", before);
        }

        using RgbImage original = ctx.Foreground.Clone();
        double after = before;
        foreach ((int radius, float amount) in s_passes)
        {
            original.Pixels.CopyTo(ctx.Foreground.Pixels);
            UnsharpMask(ctx.Foreground, radius, amount);
            ctx.Compose();
            after = Measure(ctx.Output, zone);
            if (after >= required * Margin)
            {
                break;
            }
        }

        if (after < required * Margin)
        {
            return ctx.Refuse(Id, "sharpness.blur", new LocalizedText(
                $"照片模糊（清晰度 {F(before)}，锐化后 {F(after)}，要求 {F(required)}），无法修复，请重新拍摄",
                $"Photo too blurred to repair (focus {F(before)}, {F(after)} after sharpening, {F(required)} required); retake it"), "face focus", before);
        }

        return FixStepResult.Applied(Id, new LocalizedText($"轻度锐化：清晰度 {F(before)}→{F(after)}", $"Mild sharpening: focus {F(before)} -> {F(after)}"), "face focus", before, after);
    }

    internal static double Measure(RgbImage image, PixelRect zone) => SharpnessMeasure.Measure(LumaPlane.From(image), zone);

    /// <summary>The focus measure on the image reduced 2x (2x2 means), over the same face box.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static double CoarseFocus(RgbImage image, PixelRect zone)
    {
        int w = image.Width / 2, h = image.Height / 2;
        using var half = new RgbImage(w, h);
        ReadOnlySpan<byte> s = image.Pixels;
        Span<byte> d = half.Pixels;
        int stride = image.Width * 3;
        for (int y = 0; y < h; y++)
        {
            int r0 = 2 * y * stride, r1 = r0 + stride;
            for (int x = 0; x < w; x++)
            {
                int o = 6 * x, di = ((y * w) + x) * 3;
                for (int c = 0; c < 3; c++)
                {
                    d[di + c] = (byte)((s[r0 + o + c] + s[r0 + o + 3 + c] + s[r1 + o + c] + s[r1 + o + 3 + c] + 2) >> 2);
                }
            }
        }

        var halfZone = PixelRect.FromEdges(zone.X / 2.0, zone.Y / 2.0, (zone.X + zone.Width) / 2.0, (zone.Y + zone.Height) / 2.0, w, h);
        return Measure(half, halfZone);
    }

    /// <summary>The checker's face box for these landmarks (<see cref="FaceRegion.FromFace"/>), so both measure the same pixels.</summary>
    private static PixelRect FocusZone(FixContext ctx)
    {
        var eyes = LandmarkGeometry.EyeMid(ctx.OutputLandmarks!);
        double width = LandmarkGeometry.FaceWidth(ctx.OutputLandmarks!);
        return FaceRegion.FromFace(eyes.X, eyes.Y, width, ctx.Output!.Width, ctx.Output.Height).Box;
    }

    /// <summary>I + amount (I - box(I)), box of (2r+1)^2 pixels, borders left as they are. The window sums are exact
    /// integers: per row the (2r+1)-row column sums are kept running (a row added, a row dropped), and each pixel adds
    /// its 2r+1 column sums.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void UnsharpMask(RgbImage image, int radius, float amount)
    {
        int w = image.Width, h = image.Height, stride = w * 3;
        if (h <= 2 * radius || w <= 2 * radius)
        {
            return;
        }

        Span<byte> px = image.Pixels;
        byte[] copy = px.ToArray();
        int[] column = new int[stride];
        for (int y = 0; y <= 2 * radius; y++)
        {
            ReadOnlySpan<byte> row = copy.AsSpan(y * stride, stride);
            for (int j = 0; j < stride; j++)
            {
                column[j] += row[j];
            }
        }

        float norm = 1f / ((2 * radius) + 1) / ((2 * radius) + 1);
        for (int y = radius; y < h - radius; y++)
        {
            if (y > radius)
            {
                ReadOnlySpan<byte> add = copy.AsSpan((y + radius) * stride, stride), drop = copy.AsSpan((y - radius - 1) * stride, stride);
                for (int j = 0; j < stride; j++)
                {
                    column[j] += add[j] - drop[j];
                }
            }

            int rowStart = y * stride;
            for (int j = radius * 3; j < (w - radius) * 3; j++)
            {
                int sum = 0;
                for (int dx = -radius; dx <= radius; dx++)
                {
                    sum += column[j + (dx * 3)];
                }

                int i = rowStart + j;
                px[i] = (byte)Math.Clamp(copy[i] + (amount * (copy[i] - (sum * norm))) + 0.5f, 0, 255);
            }
        }
    }

    private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
