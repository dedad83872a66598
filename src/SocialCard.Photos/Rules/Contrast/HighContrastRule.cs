using SocialCard.Photos.Analysis;
using SocialCard.Photos.Profiles;

namespace SocialCard.Photos.Rules.Contrast;

/// <summary>
/// contrast.high (对比度过大): skin is not crushed to black and blown to white at once. Within the skin zone the shares
/// at or below <c>darkLevel</c> and at or above <c>brightLevel</c> are summed; a harsh, over-contrasted face has both,
/// and the sum must stay &lt;= <c>maxClippedShare</c> while each part exceeds a fifth of it.
/// </summary>
public sealed class HighContrastRule : IPhotoRule
{
    public string Id => "contrast.high";

    public RuleFinding Evaluate(PhotoContext context, SpecProfile profile)
    {
        RuleSettings settings = profile.Rule(Id);
        if (!context.HasPixels)
        {
            return RuleFinding.NoPixels(Id);
        }

        if (!settings.TryGet("darkLevel", out double dark) || !settings.TryGet("brightLevel", out double bright) ||
            !settings.TryGet("maxClippedShare", out double max))
        {
            return RuleFinding.MissingThreshold(Id, "darkLevel/brightLevel/maxClippedShare");
        }

        ZoneStats skin = context.SkinStats;
        double darkShare = skin.ShareAtOrBelow((int)dark);
        double brightShare = skin.ShareAtOrAbove((int)bright);
        double clipped = darkShare + brightShare;
        bool bothEnds = darkShare >= max / 5 && brightShare >= max / 5;
        string limit = $"skin <= {RuleFinding.Format(dark, 0)} or >= {RuleFinding.Format(bright, 0)}: <= {RuleFinding.Format(max * 100)}%";
        if (clipped <= max || !bothEnds)
        {
            return RuleFinding.Pass(Id, new LocalizedText("对比度不过大", "Contrast is not excessive."), number: clipped, limit: limit);
        }

        return RuleFinding.Violation(Id, settings, new LocalizedText(
            "照片对比度过大，面部暗处死黑、亮处过白：请使用柔和均匀的光线重拍，或使用自动修正调整色阶",
            "The contrast is too high: the face's shadows are crushed to black and its highlights blown to white. Retake it in soft, even light, or use auto-fix to adjust the levels."),
            number: clipped, limit: limit);
    }
}
