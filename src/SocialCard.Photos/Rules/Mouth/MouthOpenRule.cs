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
    private static readonly LocalizedText Closed = new("嘴巴自然闭合", "The mouth is closed.");

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
        RuleOutcome open = settings.Judge("maxOpening", opening, max, higherIsWorse: true);
        RuleOutcome showing = checkTeeth ? settings.Judge("maxTeethShare", teeth, maxTeeth, higherIsWorse: true) : RuleOutcome.Pass;
        if (open == RuleOutcome.Pass && showing != RuleOutcome.Pass)
        {
            return RuleFinding.Judged(Id, settings, showing, Closed, new LocalizedText(
                "露出牙齿：请自然闭合嘴唇、不要露齿后重拍",
                "The teeth show: close the lips naturally, without showing the teeth, and retake it."),
                teeth, limit);
        }

        return RuleFinding.Judged(Id, settings, RuleFinding.Graver(open, showing), Closed, new LocalizedText(
            "嘴巴张开或露出牙齿：请自然闭合嘴唇、不要露齿后重拍",
            "The mouth is open or the teeth show: close the lips naturally, without showing the teeth, and retake it."),
            opening, limit);
    }
}
