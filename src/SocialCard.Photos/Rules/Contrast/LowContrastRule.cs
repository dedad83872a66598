using SocialCard.Photos.Analysis;
using SocialCard.Photos.Profiles;

namespace SocialCard.Photos.Rules.Contrast;

/// <summary>
/// contrast.low (对比度过小): the person inside the face box (background cells left out) spans a wide enough range of
/// luma for its own level: the Michelson contrast between its darkest and brightest features, (p99 - p1) / (p99 + p1) of
/// the luma, is at least <c>minContrast</c>. The box always holds skin, eyes, brows, nostrils and lips; a washed-out
/// picture lifts the darkest of them towards the skin. Relative to the face's own level rather than in luma levels, so
/// a dark-skinned face in soft light (a narrow range low on the scale) or a pale face is not read as low contrast, and
/// a uniform change of exposure leaves it nearly where it was.
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

        if (!settings.TryGet("minContrast", out double min))
        {
            return RuleFinding.MissingThreshold(Id, "minContrast");
        }

        ZoneStats face = context.FacePersonStats;
        int dark = face.Percentile(0.01), bright = face.Percentile(0.99);
        double contrast = bright + dark == 0 ? 0 : (bright - dark) / (double)(bright + dark);
        string limit = $"face luma (p99-p1)/(p99+p1) >= {RuleFinding.Format(min, 2)}";
        return RuleFinding.Judged(Id, settings, settings.Judge("minContrast", contrast, min, higherIsWorse: false),
            new LocalizedText("对比度正常", "Contrast is adequate."),
            new LocalizedText(
                "照片对比度过低，画面发灰：请在正常光线下重拍，或使用自动修正调整色阶",
                "The contrast is too low and the picture looks washed out: retake it in normal light, or use auto-fix to stretch the levels."),
            contrast, limit);
    }
}
