using SocialCard.Photos.Analysis;
using SocialCard.Photos.Profiles;

namespace SocialCard.Photos.Rules.Contrast;

/// <summary>
/// contrast.low (对比度过小): the person inside the face box (background cells left out) spans a wide enough range of
/// luma: 99th minus 1st percentile &gt;= <c>minRange</c>. The box always holds skin, eyes, brows, nostrils and lips, so a
/// flat range means washed-out contrast.
/// </summary>
public sealed class LowContrastRule : IPhotoRule
{
    public string Id => "contrast.low";

    public RuleFinding Evaluate(PhotoContext context, SpecProfile profile)
    {
        RuleSettings settings = profile.Rule(Id);
        if (!context.HasPixels)
        {
            return RuleFinding.NoPixels(Id);
        }

        if (!settings.TryGet("minRange", out double min))
        {
            return RuleFinding.MissingThreshold(Id, "minRange");
        }

        ZoneStats face = context.FacePersonStats;
        int range = face.Percentile(0.99) - face.Percentile(0.01);
        string limit = $"face luma p99-p1 >= {RuleFinding.Format(min, 0)}";
        return RuleFinding.Judged(Id, settings, settings.Judge("minRange", range, min, higherIsWorse: false),
            new LocalizedText("对比度正常", "Contrast is adequate."),
            new LocalizedText(
                "照片对比度过低，画面发灰：请在正常光线下重拍，或使用自动修正调整色阶",
                "The contrast is too low and the picture looks washed out: retake it in normal light, or use auto-fix to stretch the levels."),
            range, limit);
    }
}
