using SocialCard.Photos.Analysis;
using SocialCard.Photos.Profiles;

namespace SocialCard.Photos.Rules.Lighting;

/// <summary>
/// lighting.glare (人像反光, 眼镜反光): specular highlights on the skin or on glasses. The share of skin-zone pixels with
/// luma &gt;= <c>specularLevel</c> is at most <c>maxSpecularShare</c>; when a face with landmarks is known, the share of
/// such pixels in the lens zones around the eyes (<see cref="EyeZones"/>, where glasses reflect) is also at most
/// <c>maxEyeSpecularShare</c> (the small catchlight of a bare eye stays well below it).
/// </summary>
public sealed class GlareRule : IPhotoRule
{
    public string Id => "lighting.glare";

    public RuleFinding Evaluate(PhotoContext context, SpecProfile profile)
    {
        RuleSettings settings = profile.Rule(Id);
        if (!context.HasPixels)
        {
            return RuleFinding.NoPixels(Id);
        }

        if (!settings.TryGet("specularLevel", out double level) || !settings.TryGet("maxSpecularShare", out double max))
        {
            return RuleFinding.MissingThreshold(Id, "specularLevel/maxSpecularShare");
        }

        double share = context.SkinStats.ShareAtOrAbove((int)level);
        double? eyeShare = settings.TryGet("maxEyeSpecularShare", out double maxEye) && context.EyeZones is { } zones
            ? zones.SpecularShare(context.Luma, (int)level)
            : null;
        string limit = $"skin pixels >= {RuleFinding.Format(level, 0)}: <= {RuleFinding.Format(max * 100)}%"
            + (eyeShare is null ? string.Empty : $"; eye zones: <= {RuleFinding.Format(maxEye * 100)}%");
        if (share > max)
        {
            return RuleFinding.Violation(Id, settings, new LocalizedText(
                "面部有反光亮点：请避免闪光灯直射、调整灯光或眼镜角度后重拍",
                "Glare on the face: avoid direct flash, move the lights or tilt the glasses, and retake it."),
                number: share, limit: limit);
        }

        if (eyeShare is { } eye && eye > maxEye)
        {
            return RuleFinding.Violation(Id, settings, new LocalizedText(
                "眼部或眼镜有反光：请稍微调整眼镜角度或灯光位置，避免镜片反光后重拍",
                "Glare on the eyes or glasses: tilt the glasses slightly or move the lights so the lenses do not reflect, and retake it."),
                number: eye, limit: limit);
        }

        return RuleFinding.Pass(Id, new LocalizedText("面部及眼镜无明显反光", "No glare on the face or glasses."), number: Math.Max(share, eyeShare ?? 0), limit: limit);
    }
}
