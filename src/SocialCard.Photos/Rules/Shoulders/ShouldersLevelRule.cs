using SocialCard.Photos.Analysis;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Profiles;
using SocialCard.Photos.Rules.Face;

namespace SocialCard.Photos.Rules.Shoulders;

/// <summary>
/// shoulders.level (双肩不平): the shoulder line (<see cref="ShoulderLine"/>) tilts at most <c>maxTiltDegrees</c>. Read on
/// the person segmentation the check already runs for the cut-out rule (each side's upper edge between neck and arm,
/// fitted robustly, the two sides' heights compared at matched distances from the face axis); without the network, on
/// the clothing's upper edge against the background. Skipped when the shoulders cannot be told apart (hair over them,
/// a tight crop, light clothing lost in a white background).
/// </summary>
public sealed class ShouldersLevelRule : IPhotoRule
{
    public string Id => "shoulders.level";

    public RuleFinding Evaluate(PhotoContext context, SpecProfile profile)
    {
        RuleSettings settings = profile.Rule(Id);
        if (FaceRequirement.Skip(Id, context, out ObservedFace _) is { } skip)
        {
            return skip;
        }

        if (!settings.TryGet("maxTiltDegrees", out double max))
        {
            return RuleFinding.MissingThreshold(Id, "maxTiltDegrees");
        }

        if (context.Shoulders is not { } line)
        {
            return RuleFinding.Skip(Id, new LocalizedText("双肩轮廓与背景无法区分，未检查此项", "The shoulders cannot be told from the background; not checked."));
        }

        double tilt = line.TiltDegrees;
        string limit = $"|tilt| <= {RuleFinding.Format(max)} deg";
        string lowZh = tilt > 0 ? "右" : "左";
        string lowEn = tilt > 0 ? "right" : "left";
        return RuleFinding.Judged(Id, settings, settings.Judge("maxTiltDegrees", Math.Abs(tilt), max, higherIsWorse: true),
            new LocalizedText("双肩基本水平", "The shoulders are level."),
            new LocalizedText(
                $"双肩不平，照片{lowZh}侧肩膀偏低：请坐正、双肩放松保持水平后重拍",
                $"The shoulders are not level: the one on the photo's {lowEn} is lower. Sit upright with both shoulders relaxed and level, and retake it."),
            tilt, limit);
    }
}
