using SocialCard.Photos.Analysis;
using SocialCard.Photos.Profiles;

namespace SocialCard.Photos.Rules.Lighting;

/// <summary>
/// lighting.uneven (色彩半边明亮、半边灰暗、有灯光斜影): the two sides of the face are lit alike. The median brightness
/// ratio of mirrored columns (<see cref="IlluminationBalance"/>) is at least <c>minBalance</c> (OFIQ illumination
/// uniformity also compares the face halves).
/// </summary>
public sealed class UnevenLightingRule : IPhotoRule
{
    public string Id => "lighting.uneven";

    public RuleFinding Evaluate(PhotoContext context, SpecProfile profile)
    {
        RuleSettings settings = profile.Rule(Id);
        if (!context.HasPixels)
        {
            return RuleFinding.NoPixels(Id);
        }

        if (!settings.TryGet("minBalance", out double min))
        {
            return RuleFinding.MissingThreshold(Id, "minBalance");
        }

        (double ratio, bool leftDarker) = context.LightingBalance;
        string limit = $"darker/brighter side >= {RuleFinding.Format(min, 2)}";
        if (ratio >= min)
        {
            return RuleFinding.Pass(Id, new LocalizedText("面部光照均匀", "The face is evenly lit."), number: ratio, limit: limit);
        }

        string sideZh = leftDarker ? "照片左侧" : "照片右侧";
        string sideEn = leftDarker ? "left" : "right";
        return RuleFinding.Violation(Id, settings, new LocalizedText(
            $"面部光照不均匀，{sideZh}半边脸偏暗（亮度比 {RuleFinding.Format(ratio, 2)}，要求不低于 {RuleFinding.Format(min, 2)}）：请让光线从正面均匀照射（避免侧光和灯光斜影）后重拍",
            $"The face is unevenly lit: its {sideEn} half (as seen in the photo) is darker (ratio {RuleFinding.Format(ratio, 2)}, at least {RuleFinding.Format(min, 2)} required): light the face evenly from the front, avoiding side light and shadows, and retake it."),
            number: ratio, limit: limit);
    }
}
