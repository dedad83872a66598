using SocialCard.Imaging.Inspection;
using SocialCard.Imaging.Processing.Orientation;
using SocialCard.Photos.Rules;

namespace SocialCard.Photos.Fixes.Steps;

/// <summary>Turns the pixels upright as the EXIF orientation tag says (phones store sideways pixels plus a tag).</summary>
public sealed class OrientationStep : IFixStep
{
    public string Id => "fix.orientation";

    public FixStepResult Apply(FixContext ctx)
    {
        int orientation = ContainerInspector.Inspect(ctx.Data.Span).ExifOrientation;
        if (orientation is <= 1 or > 8 || ctx.Source is null)
        {
            return FixStepResult.Skipped(Id, new LocalizedText("无需旋转（EXIF 方向正常）", "No rotation needed (EXIF orientation normal)"), "EXIF orientation", 1);
        }

        ctx.ExifOrientation = orientation;
        ctx.Source = OrientationTransform.ApplyExifOrientation(ctx.Source, orientation);
        return FixStepResult.Applied(Id, new LocalizedText($"已按 EXIF 方向 {orientation} 摆正图像", $"Turned upright per EXIF orientation {orientation}"), "EXIF orientation", orientation, 1);
    }
}
