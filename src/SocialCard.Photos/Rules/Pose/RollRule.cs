using SocialCard.Photos.Faces;

namespace SocialCard.Photos.Rules.Pose;

/// <summary>
/// pose.roll (歪头): the eyes are level. |roll| (the eye-line angle from the two eye centres; positive when the eye on
/// the image's right is lower) is at most <c>maxDegrees</c> (ICAO: 8).
/// </summary>
public sealed class RollRule : PoseAngleRule
{
    public override string Id => "pose.roll";

    protected override string Axis => "roll";

    protected override LocalizedText NoEstimate => new("人脸引擎未给出双眼位置，未检查此项", "The face engine gave no eye positions; not checked.");

    protected override LocalizedText Passed => new("头部端正，双眼水平", "The head is upright; the eyes are level.");

    protected override double? Angle(ObservedFace face) => face.Roll;

    // Positive roll: the image-right eye is lower, so the head leans towards the image's right.
    protected override LocalizedText Failed(double angle, double max)
    {
        string sideZh = angle > 0 ? "照片右侧" : "照片左侧";
        string sideEn = angle > 0 ? "right" : "left";
        return new LocalizedText(
            $"头部向{sideZh}歪斜：请保持头部端正、双眼水平后重拍，或用自动修正摆正",
            $"The head is tilted towards the photo's {sideEn}: hold the head upright with the eyes level and retake it, or use auto-fix to straighten it.");
    }
}
