using SocialCard.Photos.Analysis;
using SocialCard.Photos.Profiles;

namespace SocialCard.Photos.Rules.Lighting;

/// <summary>
/// lighting.glare (人像反光, 眼镜反光): specular highlights on the skin or glasses. The share of skin-zone pixels with
/// luma &gt;= <c>specularLevel</c> is at most <c>maxSpecularShare</c>.
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
        string limit = $"skin pixels >= {RuleFinding.Format(level, 0)}: <= {RuleFinding.Format(max * 100)}%";
        if (share <= max)
        {
            return RuleFinding.Pass(Id, new LocalizedText("面部无明显反光", "No glare on the face."), number: share, limit: limit);
        }

        return RuleFinding.Violation(Id, settings, new LocalizedText(
            $"面部或眼镜有反光亮点（{RuleFinding.Format(share * 100)}% 的面部像素过亮）：请避免闪光灯直射、调整灯光或眼镜角度后重拍",
            $"Glare on the face or glasses ({RuleFinding.Format(share * 100)}% of the face pixels are specular highlights): avoid direct flash, move the lights or tilt the glasses, and retake it."),
            number: share, limit: limit);
    }
}
