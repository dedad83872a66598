using SocialCard.Photos.Analysis;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Profiles;
using SocialCard.Photos.Rules.Face;

namespace SocialCard.Photos.Rules.Pose;

/// <summary>
/// pose.yaw (侧脸, 转头): the head faces the camera. |yaw| (the face engine's estimate from the landmarks, a
/// weak-perspective fit to a mean 3-D face) is at most <c>maxDegrees</c>, after subtracting the profile's
/// <c>bias</c> (the estimate's mean on frontal photos, default 0).
/// </summary>
public sealed class YawRule : IPhotoRule
{
    public string Id => "pose.yaw";

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

        if (face.YawDegrees is not { } raw)
        {
            return RuleFinding.Skip(Id, new LocalizedText("人脸引擎未给出转头角度，未检查此项", "The face engine gave no yaw estimate; not checked."));
        }

        double yaw = raw - (settings.TryGet("bias", out double bias) ? bias : 0);
        string limit = $"|yaw| <= {RuleFinding.Format(max)} deg";
        if (Math.Abs(yaw) <= max)
        {
            return RuleFinding.Pass(Id, new LocalizedText("面部正对镜头", "The face looks straight at the camera."), number: yaw, limit: limit);
        }

        string sideZh = yaw > 0 ? "照片右侧" : "照片左侧";
        string sideEn = yaw > 0 ? "right" : "left";
        return RuleFinding.Violation(Id, settings, new LocalizedText(
            $"头部向{sideZh}转动了约 {RuleFinding.Format(Math.Abs(yaw))} 度（允许不超过 {RuleFinding.Format(max)} 度）：请正对镜头重拍",
            $"The head is turned about {RuleFinding.Format(Math.Abs(yaw))} degrees towards the photo's {sideEn} (at most {RuleFinding.Format(max)} allowed): face the camera squarely and retake it."),
            number: yaw, limit: limit);
    }
}
