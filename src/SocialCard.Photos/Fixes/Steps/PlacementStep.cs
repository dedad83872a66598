using System.Drawing;
using System.Globalization;
using SocialCard.Faces;
using SocialCard.Photos.Analysis;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Fixes.Geometry;
using SocialCard.Photos.Rules;

namespace SocialCard.Photos.Fixes.Steps;

/// <summary>
/// Checks where the head top landed once the person is on white, with the checker's own measure
/// (<see cref="HairTopMeasure"/>: first row above the brows that differs from the background). The crop step had to
/// guess the head top in the source, against a wall of unknown colour; fine, light or fly-away hair can make that guess
/// differ from what is left once the wall is white. When the measured top is outside the profile's band (with a 2 px
/// margin), the crop is planned again from the measured head height and the background step runs again (once), unless
/// the measured head is implausibly low (hair lost against the wall). The new crop is held to what the original shows
/// as the first one was (<see cref="ShoulderCheckStep"/>: a smaller face reaches further down the original), then the
/// background step runs again as the fix's own did, with the same network for its close pass.
/// </summary>
public sealed class PlacementStep(SelfieSegmenter? segmenter = null) : IFixStep
{
    private const double Margin = 2;

    /// <summary>Smallest plausible height of the head top above the eye line, in face widths.</summary>
    private const double MinHeadAboveEyes = 0.55;

    private readonly CropStep _crop = new();
    private readonly ShoulderCheckStep _shoulders = new();
    private readonly BackgroundStep _background = new(segmenter);

    public string Id => "fix.placement";

    public FixStepResult Apply(FixContext ctx)
    {
        if (ctx.Output is null || ctx.OutputLandmarks is null || ctx.Map is not { } map || ctx.Face is null)
        {
            return FixStepResult.Skipped(Id, new LocalizedText("无人像", "No person"));
        }

        double min = ctx.Profile.Geometry.HairTopMin, max = ctx.Profile.Geometry.HairTopMax;
        int? top = MeasureHairTop(ctx);
        if (max <= 0 || top is null || (top >= min + Margin && top <= max - Margin))
        {
            return FixStepResult.Skipped(Id, new LocalizedText($"头顶位置正确（距上边 {F(top)} 像素）", $"Head top in place ({F(top)} px from the top)"), "hair top (px)", top);
        }

        double eyeY = LandmarkGeometry.EyeMid(ctx.OutputLandmarks).Y;
        double faceWidth = LandmarkGeometry.FaceWidth(ctx.OutputLandmarks);
        if (eyeY - top.Value < MinHeadAboveEyes * faceWidth)
        {
            // The head top sits at least ~0.6 face widths above the eye line; a "top" nearer the eyes means the hair was
            // lost against the wall (dark hair on a dark mottled backdrop), not that the head is small: keep the plan.
            return FixStepResult.Skipped(Id, new LocalizedText(
                $"测得头顶（距上边 {F(top)} 像素）离眼睛过近，疑为头发与背景难以分离，保留原裁剪",
                $"Measured head top ({F(top)} px from the top) implausibly close to the eyes (hair lost against the wall?); crop kept"), "hair top (px)", top);
        }

        ctx.HairAboveEyes = (eyeY - top.Value) * map.Scale;
        FixStepResult crop = _crop.Apply(ctx);
        if (crop.Outcome == FixStepOutcome.Failed)
        {
            return crop;
        }

        FixStepResult shoulders = _shoulders.Apply(ctx);
        if (shoulders.Outcome == FixStepOutcome.Failed)
        {
            return shoulders;
        }

        FixStepResult background = _background.Apply(ctx);
        if (background.Outcome == FixStepOutcome.Failed)
        {
            return background;
        }

        int? after = MeasureHairTop(ctx);
        return FixStepResult.Applied(Id, new LocalizedText(
            $"按实际头顶重新裁剪：头顶距上边 {F(top)}→{F(after)} 像素", $"Re-cropped on the measured head top: {F(top)} -> {F(after)} px from the top"),
            "hair top (px)", top, after);
    }

    /// <summary>The checker's head-top row on the composited output (background pure white).</summary>
    internal static int? MeasureHairTop(FixContext ctx)
    {
        var face = new ObservedFace { Box = RectangleF.Empty, Landmarks = ctx.OutputLandmarks! };
        return HairTopMeasure.Find(ctx.Output!, (255, 255, 255), face);
    }

    private static string F(double? v) => v is { } x ? x.ToString("0", CultureInfo.InvariantCulture) : "?";
}
