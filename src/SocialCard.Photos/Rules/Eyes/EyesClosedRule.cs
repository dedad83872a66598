using SocialCard.Photos.Analysis;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Profiles;
using SocialCard.Photos.Rules.Face;

namespace SocialCard.Photos.Rules.Eyes;

/// <summary>
/// eyes.closed (闭眼): both eyes are open. Each eye's opening (mean lid distance of landmark pairs 37-41 and 38-40, or
/// 43-47 and 44-46) divided by the eye-to-chin distance (OFIQ EyesOpen) is at least <c>minOpenness</c>; the less open
/// eye is judged, so one closed eye fails too.
/// </summary>
public sealed class EyesClosedRule : IPhotoRule
{
    public string Id => "eyes.closed";

    public RuleFinding Evaluate(PhotoContext context, SpecProfile profile)
    {
        RuleSettings settings = profile.Rule(Id);
        if (FaceRequirement.Skip(Id, context, out ObservedFace face) is { } skip)
        {
            return skip;
        }

        if (!settings.TryGet("minOpenness", out double min))
        {
            return RuleFinding.MissingThreshold(Id, "minOpenness");
        }

        if (face.LeftEyeOpenness is not { } left || face.RightEyeOpenness is not { } right)
        {
            return RuleFinding.Skip(Id, new LocalizedText("无法测量眼睛睁开程度，未检查此项", "Eye opening could not be measured; not checked."));
        }

        double open = Math.Min(left, right);
        string limit = $"eye opening / eye-to-chin >= {RuleFinding.Format(min, 3)}";
        bool both = Math.Max(left, right) < min;
        return RuleFinding.Judged(Id, settings, settings.Judge("minOpenness", open, min, higherIsWorse: false),
            new LocalizedText("双眼睁开", "Both eyes are open."),
            new LocalizedText(
                $"{(both ? "双眼" : "一只眼睛")}闭合或半闭：请自然睁大双眼、平视镜头后重拍",
                $"{(both ? "Both eyes are" : "One eye is")} closed or half closed: keep both eyes naturally open, look into the camera and retake it."),
            open, limit);
    }
}
