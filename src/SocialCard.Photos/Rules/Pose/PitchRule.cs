using SocialCard.Photos.Analysis;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Profiles;
using SocialCard.Photos.Rules.Face;

namespace SocialCard.Photos.Rules.Pose;

/// <summary>
/// pose.pitch (仰头, 低头): the head is level. |pitch| (the face engine's estimate; positive when the face is turned
/// down) is at most <c>maxDegrees</c>, after subtracting the profile's <c>bias</c> (the estimate's mean on frontal
/// photos: the mean 3-D face is not every face, so a level head does not measure exactly 0).
/// </summary>
public sealed class PitchRule : IPhotoRule
{
    public string Id => "pose.pitch";

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

        if (face.PitchDegrees is not { } raw)
        {
            return RuleFinding.Skip(Id, new LocalizedText("人脸引擎未给出俯仰角度，未检查此项", "The face engine gave no pitch estimate; not checked."));
        }

        double pitch = raw - (settings.TryGet("bias", out double bias) ? bias : 0);
        string limit = $"|pitch| <= {RuleFinding.Format(max)} deg";
        if (Math.Abs(pitch) <= max)
        {
            return RuleFinding.Pass(Id, new LocalizedText("头部端正，未仰头或低头", "The head is level, neither raised nor lowered."), number: pitch, limit: limit);
        }

        return RuleFinding.Violation(Id, settings, pitch > 0
            ? new LocalizedText(
                $"低头约 {RuleFinding.Format(pitch)} 度（允许不超过 {RuleFinding.Format(max)} 度）：请抬头平视镜头重拍",
                $"The head is lowered by about {RuleFinding.Format(pitch)} degrees (at most {RuleFinding.Format(max)} allowed): raise the chin, look straight into the camera and retake it.")
            : new LocalizedText(
                $"仰头约 {RuleFinding.Format(-pitch)} 度（允许不超过 {RuleFinding.Format(max)} 度）：请收下巴平视镜头重拍",
                $"The head is raised by about {RuleFinding.Format(-pitch)} degrees (at most {RuleFinding.Format(max)} allowed): lower the chin, look straight into the camera and retake it."),
            number: pitch, limit: limit);
    }
}
