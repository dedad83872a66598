using SocialCard.Photos.Analysis;
using SocialCard.Photos.Profiles;

namespace SocialCard.Photos.Rules.Exposure;

/// <summary>
/// exposure.under (昏暗灯光下拍摄，脸部不清): the face got enough light. Two readings of the light the photo recorded on
/// the face, each independent of the skin tone, and the photo is under-exposed only when both say so:
/// <list type="bullet">
/// <item>the lit parts of the face: the 99th percentile of the skin-zone luma (highlights on forehead, nose and
/// cheeks) is at least <c>minFaceHighlight</c>; dark skin in good light still has bright highlights, a face in dim light
/// has none;</item>
/// <item>the whites of the eyes (<see cref="EyeZones.EyeWhite"/>, with landmarks): the 90th percentile of the luma
/// inside the eye openings is at least <c>minEyeWhite</c>. The sclera is nearly as light on every person, so it reads
/// the light level without the skin's own lightness (the darkest-skinned devset person's skin highlight is 113, 10
/// above the limit, while the whites of the eyes read 100 against 82 at most for a dim face).</item>
/// </list>
/// Either reading passing passes the photo (a dim face has dim skin highlights and dim eye whites); the photo waits
/// for a look when the better reading is within its review band. OFIQ (ISO/IEC 29794-5) "under-exposure prevention"
/// counts very dark face pixels instead, which a dark skin tone in good light also produces.
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
        RuleOutcome standing = settings.Judge("minFaceHighlight", highlight, min, higherIsWorse: false);
        string limit = $"face highlight (p99 luma) >= {RuleFinding.Format(min)}";
        if (standing != RuleOutcome.Pass && settings.TryGet("minEyeWhite", out double minEyeWhite) && context.EyeZones is { EyeWhite: > 0 } eyes)
        {
            RuleOutcome whites = settings.Judge("minEyeWhite", eyes.EyeWhite, minEyeWhite, higherIsWorse: false);
            standing = (RuleOutcome)Math.Min((int)standing, (int)whites);
            limit += $", or whites of the eyes (p90 luma) >= {RuleFinding.Format(minEyeWhite)} (reads {eyes.EyeWhite})";
        }

        return RuleFinding.Judged(Id, settings, standing,
            new LocalizedText("面部亮度正常", "The face is bright enough."),
            new LocalizedText(
                "照片曝光不足，脸部太暗：请在光线充足、均匀的环境下重拍，或使用自动修正提亮",
                "The photo is under-exposed and the face too dark: retake it in bright, even light, or use auto-fix to brighten it."),
            highlight, limit);
    }
}
