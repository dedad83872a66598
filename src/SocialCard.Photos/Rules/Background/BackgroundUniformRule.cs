using SocialCard.Photos.Analysis;
using SocialCard.Photos.Profiles;

namespace SocialCard.Photos.Rules.Background;

/// <summary>
/// background.uniform (背景处理不干净, 相片中有字体): above the shoulders the background is even and clean. Three measures
/// from <see cref="BackgroundModel"/>: foreign objects/text/shadows (non-background regions not attached to the
/// person) as a share of the zone &lt;= <c>maxForeignShare</c>; mean Sobel gradient of the background &lt;=
/// <c>maxGradient</c> (OFIQ background uniformity); luma standard deviation of the background &lt;= <c>maxLumaSpread</c>
/// (gradients, vignetting, blotches).
/// </summary>
public sealed class BackgroundUniformRule : IPhotoRule
{
    public string Id => "background.uniform";

    public RuleFinding Evaluate(PhotoContext context, SpecProfile profile)
    {
        RuleSettings settings = profile.Rule(Id);
        if (!context.HasPixels)
        {
            return RuleFinding.NoPixels(Id);
        }

        if (!settings.TryGet("maxForeignShare", out double maxForeign) || !settings.TryGet("maxGradient", out double maxGradient) ||
            !settings.TryGet("maxLumaSpread", out double maxSpread))
        {
            return RuleFinding.MissingThreshold(Id, "maxForeignShare/maxGradient/maxLumaSpread");
        }

        BackgroundModel background = context.Background;
        string limit = $"foreign <= {RuleFinding.Format(maxForeign * 100)}%, gradient <= {RuleFinding.Format(maxGradient)}, spread <= {RuleFinding.Format(maxSpread)}";
        if (background.ForeignShare > maxForeign)
        {
            return RuleFinding.Violation(Id, settings, new LocalizedText(
                "背景不干净：人像以外有文字、物体、污渍或阴影：请在干净的纯色背景前重拍，或使用自动修正替换背景",
                "The background is not clean: text, objects, stains or shadows apart from the person: retake the photo in front of a clean plain background, or use auto-fix to replace it."),
                number: background.ForeignShare, limit: limit);
        }

        if (background.MeanGradient > maxGradient)
        {
            return RuleFinding.Violation(Id, settings, new LocalizedText(
                "背景有纹理或杂物：请在平整的纯色背景前重拍，或使用自动修正替换背景",
                "The background is textured or cluttered: retake the photo in front of a smooth plain background, or use auto-fix to replace it."),
                number: background.MeanGradient, limit: limit);
        }

        if (background.LumaSpread > maxSpread)
        {
            return RuleFinding.Violation(Id, settings, new LocalizedText(
                "背景明暗不均匀，可能有阴影或光线渐变：请均匀照亮背景后重拍，或使用自动修正替换背景",
                "The background is unevenly lit, with shadows or a light gradient: light the background evenly and retake, or use auto-fix to replace it."),
                number: background.LumaSpread, limit: limit);
        }

        return RuleFinding.Pass(Id, new LocalizedText("背景干净均匀", "The background is clean and even."), number: background.MeanGradient, limit: limit);
    }
}
