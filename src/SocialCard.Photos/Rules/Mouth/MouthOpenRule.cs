using SocialCard.Photos.Analysis;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Profiles;
using SocialCard.Photos.Rules.Face;

namespace SocialCard.Photos.Rules.Mouth;

/// <summary>
/// mouth.open (张嘴, 露齿): the mouth is closed and no teeth show. The inner-lip gap (mean of landmark pairs 61-67,
/// 62-66, 63-65) divided by the eye-to-chin distance (OFIQ MouthClosed) is at most <c>maxOpening</c>, and the visible
/// teeth (<see cref="TeethMeasure"/>: pale bright pixels inside the inner lips, per squared eye-to-chin distance) at
/// most <c>maxTeethShare</c> (when set).
/// </summary>
public sealed class MouthOpenRule : IPhotoRule
{
    public string Id => "mouth.open";

    public RuleFinding Evaluate(PhotoContext context, SpecProfile profile)
    {
        RuleSettings settings = profile.Rule(Id);
        if (FaceRequirement.Skip(Id, context, out ObservedFace face) is { } skip)
        {
            return skip;
        }

        if (!settings.TryGet("maxOpening", out double max))
        {
            return RuleFinding.MissingThreshold(Id, "maxOpening");
        }

        if (face.MouthOpenness is not { } opening)
        {
            return RuleFinding.Skip(Id, new LocalizedText("无法测量嘴部开合，未检查此项", "Mouth opening could not be measured; not checked."));
        }

        bool checkTeeth = settings.TryGet("maxTeethShare", out double maxTeeth);
        double teeth = checkTeeth ? context.TeethShare : 0;
        string limit = $"inner-lip gap / eye-to-chin <= {RuleFinding.Format(max, 3)}" + (checkTeeth ? $"; teeth <= {RuleFinding.Format(maxTeeth, 4)}" : string.Empty);
        if (checkTeeth && teeth > maxTeeth && opening <= max)
        {
            return RuleFinding.Violation(Id, settings, new LocalizedText(
                $"露出牙齿（牙齿可见面积 {RuleFinding.Format(teeth, 4)}，允许不超过 {RuleFinding.Format(maxTeeth, 4)}）：请自然闭合嘴唇、不要露齿后重拍",
                $"The teeth show (visible teeth {RuleFinding.Format(teeth, 4)}, at most {RuleFinding.Format(maxTeeth, 4)} allowed): close the lips naturally, without showing the teeth, and retake it."),
                number: teeth, limit: limit);
        }

        if (opening <= max)
        {
            return RuleFinding.Pass(Id, new LocalizedText("嘴巴自然闭合", "The mouth is closed."), number: opening, limit: limit);
        }

        return RuleFinding.Violation(Id, settings, new LocalizedText(
            $"嘴巴张开或露出牙齿（唇间开合 {RuleFinding.Format(opening, 3)}，要求不超过 {RuleFinding.Format(max, 3)}）：请自然闭合嘴唇、不要露齿后重拍",
            $"The mouth is open or the teeth show (lip gap {RuleFinding.Format(opening, 3)}, at most {RuleFinding.Format(max, 3)} allowed): close the lips naturally, without showing the teeth, and retake it."),
            number: opening, limit: limit);
    }
}
