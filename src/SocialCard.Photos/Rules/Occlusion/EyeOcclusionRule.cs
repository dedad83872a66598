using SocialCard.Photos.Analysis;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Profiles;
using SocialCard.Photos.Rules.Face;

namespace SocialCard.Photos.Rules.Occlusion;

/// <summary>
/// occlusion.eyes (头发遮挡眼睛, 有色眼镜): nothing dark covers the eyes. In each eye's lens zone
/// (<see cref="EyeZones"/>), outside the eye opening, the share of pixels darker than half the light on the person's own
/// skin beside that eye (the face's median skin luma, lowered to that side's cheek where a side light darkens it) is at
/// most <c>maxOccludedShare</c> (tinted lenses and locks of hair make the zone dark; skin around a bare eye, in any skin
/// tone or side light, and clear lenses do not).
/// </summary>
public sealed class EyeOcclusionRule : IPhotoRule
{
    public string Id => "occlusion.eyes";

    public RuleFinding Evaluate(PhotoContext context, SpecProfile profile)
    {
        RuleSettings settings = profile.Rule(Id);
        if (FaceRequirement.Skip(Id, context, out ObservedFace _) is { } skip)
        {
            return skip;
        }

        if (!settings.TryGet("maxOccludedShare", out double max))
        {
            return RuleFinding.MissingThreshold(Id, "maxOccludedShare");
        }

        if (context.EyeZones is not { } zones)
        {
            return RuleFinding.Skip(Id, new LocalizedText("无法定位眼部区域，未检查此项", "The eye zones could not be located; not checked."));
        }

        double share = zones.OccludedShare;
        string limit = $"dark share around each eye <= {RuleFinding.Format(max * 100)}%";
        return RuleFinding.Judged(Id, settings, settings.Judge("maxOccludedShare", share, max, higherIsWorse: true),
            new LocalizedText("眼睛未被遮挡", "The eyes are not covered."),
            new LocalizedText(
                "眼睛被头发或有色镜片遮挡：请将头发梳离眉眼、摘下有色眼镜后重拍",
                "The eyes are covered by hair or tinted lenses: keep the hair off the eyebrows and eyes, take off tinted glasses, and retake it."),
            share, limit);
    }
}
