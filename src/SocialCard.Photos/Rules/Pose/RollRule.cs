using SocialCard.Photos.Analysis;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Profiles;
using SocialCard.Photos.Rules.Face;

namespace SocialCard.Photos.Rules.Pose;

/// <summary>
/// pose.roll (歪头): the eyes are level. |roll| (the eye-line angle from the two eye centres; positive when the eye on
/// the image's right is lower) is at most <c>maxDegrees</c> (ICAO: 8).
/// </summary>
public sealed class RollRule : IPhotoRule
{
    public string Id => "pose.roll";

    public RuleFinding Evaluate(PhotoContext context, SpecProfile profile)
    {
        RuleSettings settings = profile.Rule(Id);
        if (FaceRequirement.Skip(Id, context, out ObservedFace face) is { } skip)
        {
            return skip;
        }

        if (!settings.TryGet("maxDegrees", out double max))
        {
            return RuleFinding.MissingThreshold(Id, "maxDegrees");
        }

        double roll = face.Roll ?? 0;
        string limit = $"|roll| <= {RuleFinding.Format(max)} deg";
        if (Math.Abs(roll) <= max)
        {
            return RuleFinding.Pass(Id, new LocalizedText("头部端正，双眼水平", "The head is upright; the eyes are level."), number: roll, limit: limit);
        }

        // Positive roll: the image-right eye is lower, so the head leans towards the image's right.
        string sideZh = roll > 0 ? "照片右侧" : "照片左侧";
        string sideEn = roll > 0 ? "right" : "left";
        return RuleFinding.Violation(Id, settings, new LocalizedText(
            $"头部向{sideZh}歪斜约 {RuleFinding.Format(Math.Abs(roll))} 度（允许不超过 {RuleFinding.Format(max)} 度）：请保持头部端正、双眼水平后重拍，或用自动修正摆正",
            $"The head is tilted about {RuleFinding.Format(Math.Abs(roll))} degrees towards the photo's {sideEn} (at most {RuleFinding.Format(max)} allowed): hold the head upright with the eyes level and retake it, or use auto-fix to straighten it."),
            number: roll, limit: limit);
    }
}
