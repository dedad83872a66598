using SocialCard.Photos.Analysis;
using SocialCard.Photos.Profiles;

namespace SocialCard.Photos.Rules.Sharpness;

/// <summary>
/// sharpness.blur (图像模糊): the face's fine-scale detail relative to its coarse detail (<see cref="SharpnessMeasure"/>)
/// is at least <c>minSharpness</c>. Contrast-free, so a dim or flat but sharp face is not called blurred.
/// </summary>
public sealed class BlurRule : IPhotoRule
{
    public string Id => "sharpness.blur";

    public RuleFinding Evaluate(PhotoContext context, SpecProfile profile)
    {
        RuleSettings settings = profile.Rule(Id);
        if (!context.HasPixels)
        {
            return RuleFinding.NoPixels(Id);
        }

        if (!settings.TryGet("minSharpness", out double min))
        {
            return RuleFinding.MissingThreshold(Id, "minSharpness");
        }

        double sharpness = context.Sharpness;
        string limit = $">= {RuleFinding.Format(min, 3)}";
        return RuleFinding.Judged(Id, settings, settings.Judge("minSharpness", sharpness, min, higherIsWorse: false),
            new LocalizedText("人像清晰", "The face is sharp."),
            new LocalizedText(
                "人像模糊：请对焦后重拍，拍摄时保持相机和人物静止，不要放大小尺寸照片",
                "The face is blurred: focus and retake, keep camera and person still, and do not upscale a small photo."),
            sharpness, limit);
    }
}
