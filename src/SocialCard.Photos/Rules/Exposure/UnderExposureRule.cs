using SocialCard.Photos.Analysis;
using SocialCard.Photos.Profiles;

namespace SocialCard.Photos.Rules.Exposure;

/// <summary>
/// exposure.under (昏暗灯光下拍摄，脸部不清): the lit parts of the face get bright. The 99th percentile of the skin-zone
/// luma (highlights on forehead, nose and cheeks) is at least <c>minFaceHighlight</c>. Judging the highlights rather
/// than the mean keeps dark skin in good light (low mean, bright highlights) apart from a face in dim light (nothing
/// on it gets bright).
/// </summary>
public sealed class UnderExposureRule : IPhotoRule
{
    public string Id => "exposure.under";

    public RuleFinding Evaluate(PhotoContext context, SpecProfile profile)
    {
        RuleSettings settings = profile.Rule(Id);
        if (!context.HasPixels)
        {
            return RuleFinding.NoPixels(Id);
        }

        if (!settings.TryGet("minFaceHighlight", out double min))
        {
            return RuleFinding.MissingThreshold(Id, "minFaceHighlight");
        }

        double highlight = context.SkinStats.Percentile(0.99);
        string limit = $"face highlight (p99 luma) >= {RuleFinding.Format(min)}";
        return RuleFinding.Judged(Id, settings, settings.Judge("minFaceHighlight", highlight, min, higherIsWorse: false),
            new LocalizedText("面部亮度正常", "The face is bright enough."),
            new LocalizedText(
                "照片曝光不足，脸部太暗：请在光线充足、均匀的环境下重拍，或使用自动修正提亮",
                "The photo is under-exposed and the face too dark: retake it in bright, even light, or use auto-fix to brighten it."),
            highlight, limit);
    }
}
