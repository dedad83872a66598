using System.Globalization;
using SocialCard.Imaging;
using SocialCard.Photos.Analysis;
using SocialCard.Photos.Fixes.Geometry;
using SocialCard.Photos.Rules;

namespace SocialCard.Photos.Fixes.Steps;

/// <summary>
/// Mild sharpening only when the face is slightly soft. Focus is the checker's contrast-free measure
/// (<see cref="SharpnessMeasure"/>) on the face at output scale, against the profile's required focus: below
/// <see cref="FixOptions.RepairableSharpnessRatio"/> of it the photo is refused as blurred beyond repair; below
/// <see cref="FixOptions.SoftSharpnessRatio"/> times it an unsharp mask
/// (3x3 blur, amount 0.7) is applied to the person layer; otherwise nothing is done.
/// </summary>
public sealed class SharpenStep : IFixStep
{
    private const float Amount = 0.7f;

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
        if (before < floor)
        {
            return ctx.Refuse(Id, "sharpness.blur", new LocalizedText(
                $"照片严重模糊（清晰度 {F(before)}，可修复下限 {F(floor)}），无法修复，请重新拍摄",
                $"Photo too blurred to repair (focus {F(before)}, repairable from {F(floor)}); retake it"), "face focus", before);
        }

        if (before >= soft)
        {
            return FixStepResult.Skipped(Id, new LocalizedText($"清晰度正常（{F(before)}）", $"Sharp enough (focus {F(before)})"), "face focus", before);
        }

        UnsharpMask(ctx.Foreground, Amount);
        ctx.Compose();
        double after = Measure(ctx.Output, zone);
        return FixStepResult.Applied(Id, new LocalizedText($"轻度锐化：清晰度 {F(before)}→{F(after)}", $"Mild sharpening: focus {F(before)} -> {F(after)}"), "face focus", before, after);
    }

    internal static double Measure(RgbImage image, PixelRect zone) => SharpnessMeasure.Measure(LumaPlane.From(image), zone);

    /// <summary>The checker's face box for these landmarks (<see cref="FaceRegion.FromFace"/>), so both measure the same pixels.</summary>
    private static PixelRect FocusZone(FixContext ctx)
    {
        var eyes = LandmarkGeometry.EyeMid(ctx.OutputLandmarks!);
        double width = LandmarkGeometry.FaceWidth(ctx.OutputLandmarks!);
        return FaceRegion.FromFace(eyes.X, eyes.Y, width, ctx.Output!.Width, ctx.Output.Height).Box;
    }

    private static void UnsharpMask(RgbImage image, float amount)
    {
        int w = image.Width, h = image.Height;
        Span<byte> px = image.Pixels;
        byte[] copy = px.ToArray();
        for (int y = 1; y < h - 1; y++)
        {
            for (int x = 1; x < w - 1; x++)
            {
                for (int c = 0; c < 3; c++)
                {
                    int i = (((y * w) + x) * 3) + c;
                    int sum = 0;
                    for (int dy = -1; dy <= 1; dy++)
                    {
                        int row = i + (dy * w * 3);
                        sum += copy[row - 3] + copy[row] + copy[row + 3];
                    }

                    float blur = sum / 9f;
                    px[i] = (byte)Math.Clamp(copy[i] + (amount * (copy[i] - blur)) + 0.5f, 0, 255);
                }
            }
        }
    }

    private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
