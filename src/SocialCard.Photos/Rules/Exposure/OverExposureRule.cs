using SocialCard.Photos.Analysis;
using SocialCard.Photos.Profiles;

namespace SocialCard.Photos.Rules.Exposure;

/// <summary>
/// exposure.over (曝光过度): the share of face-box pixels with luma &gt;= <c>clipLevel</c> is at most
/// <c>maxClippedShare</c> (OFIQ over-exposure prevention counts pixels at or above 247).
/// </summary>
public sealed class OverExposureRule : IPhotoRule
{
    public string Id => "exposure.over";

    public RuleFinding Evaluate(PhotoContext context, SpecProfile profile)
    {
        RuleSettings settings = profile.Rule(Id);
        if (!context.HasPixels)
        {
            return RuleFinding.NoPixels(Id);
        }

        if (!settings.TryGet("clipLevel", out double level) || !settings.TryGet("maxClippedShare", out double max))
        {
            return RuleFinding.MissingThreshold(Id, "clipLevel/maxClippedShare");
        }

        double share = context.FaceStats.ShareAtOrAbove((int)level);
        string limit = $"face pixels >= {RuleFinding.Format(level, 0)}: <= {RuleFinding.Format(max * 100)}%";
        return RuleFinding.Judged(Id, settings, settings.Judge("maxClippedShare", share, max, higherIsWorse: true),
            new LocalizedText("面部没有过曝", "The face is not over-exposed."),
            new LocalizedText(
                "照片曝光过度，面部过亮、失去细节：请减弱灯光或闪光、降低曝光后重拍",
                "The photo is over-exposed and the face is blown out: reduce the light or flash, lower the exposure and retake it."),
            share, limit);
    }
}
