using SocialCard.Photos.Faces;

namespace SocialCard.Photos.Rules.Pose;

/// <summary>
/// pose.yaw (侧脸, 转头): the head faces the camera. |yaw| (the face engine's estimate from the landmarks, a
/// weak-perspective fit to a mean 3-D face) is at most <c>maxDegrees</c>, after subtracting the profile's
/// <c>bias</c> (the estimate's mean on frontal photos, default 0).
/// </summary>
public sealed class YawRule : PoseAngleRule
{
    public override string Id => "pose.yaw";

    protected override string Axis => "yaw";

    protected override LocalizedText NoEstimate => new("人脸引擎未给出转头角度，未检查此项", "The face engine gave no yaw estimate; not checked.");

    protected override LocalizedText Passed => new("面部正对镜头", "The face looks straight at the camera.");

    protected override double? Angle(ObservedFace face) => face.YawDegrees;

    protected override LocalizedText Failed(double angle, double max)
    {
        string sideZh = angle > 0 ? "照片右侧" : "照片左侧";
        string sideEn = angle > 0 ? "right" : "left";
        return new LocalizedText(
            $"头部向{sideZh}转动，没有正对镜头：请正对镜头重拍",
            $"The head is turned towards the photo's {sideEn}: face the camera squarely and retake it.");
    }
}
