using SocialCard.Photos.Faces;

namespace SocialCard.Photos.Rules.Pose;

/// <summary>
/// pose.pitch (仰头, 低头): the head is level. |pitch| (the face engine's estimate; positive when the face is turned
/// down) is at most <c>maxDegrees</c>, after subtracting the profile's <c>bias</c> (the estimate's mean on frontal
/// photos: the mean 3-D face is not every face, so a level head does not measure exactly 0).
/// </summary>
public sealed class PitchRule : PoseAngleRule
{
    public override string Id => "pose.pitch";

    protected override string Axis => "pitch";

    protected override LocalizedText NoEstimate => new("人脸引擎未给出俯仰角度，未检查此项", "The face engine gave no pitch estimate; not checked.");

    protected override LocalizedText Passed => new("头部端正，未仰头或低头", "The head is level, neither raised nor lowered.");

    protected override double? Angle(ObservedFace face) => face.PitchDegrees;

    protected override LocalizedText Failed(double angle, double max) => angle > 0
        ? new LocalizedText(
            "低头过多：请抬头平视镜头重拍",
            "The head is lowered too far: raise the chin, look straight into the camera and retake it.")
        : new LocalizedText(
            "仰头过多：请收下巴平视镜头重拍",
            "The head is raised too far: lower the chin, look straight into the camera and retake it.");
}
