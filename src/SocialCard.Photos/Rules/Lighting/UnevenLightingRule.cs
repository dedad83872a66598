using SocialCard.Photos.Analysis;
using SocialCard.Photos.Profiles;

namespace SocialCard.Photos.Rules.Lighting;

/// <summary>
/// lighting.uneven (色彩半边明亮、半边灰暗、有灯光斜影): the two sides of the face are lit alike. Two readings: the median
/// brightness ratio of mirrored columns of the face region (<see cref="IlluminationBalance"/>) is at least
/// <c>minBalance</c>; and, with landmarks and <c>minSymmetricBalance</c> set, the darker side's CIELAB lightness over the
/// brighter side's from mirrored skin patches on the person's own landmarks (<see cref="SymmetricLighting"/>:
/// forehead, upper cheek, cheek, jaw; the person's skin tone and the exposure cancel in the ratio, the patches follow
/// a turned head) is at least <c>minSymmetricBalance</c>. Both pass: pass; both fail: fail; they disagree, or either
/// is within its review band: warn (a look by centre staff). OFIQ illumination uniformity also compares the face
/// halves.
/// <para>
/// Calibration (bench calibrate, devset): the patch reading puts 17 of 18 uneven faces at 0.60-0.77 and 19 of 20
/// compliant faces (and all 18 light-clothing ones) at 0.87-1.0, so 0.82 keeps about 0.05 either side, over three
/// times its repeatability (0.014). The exception is one person photographed in a studio side light (compliant photo
/// 0.70) whose "uneven" copy darkens the brighter side and reads more even (0.81); the column reading orders that
/// pair the other way by 0.02. Both photos disagree between the readings and wait for a look.
/// </para>
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
        RuleOutcome standing = settings.Judge("minBalance", ratio, min, higherIsWorse: false);
        string limit = $"darker/brighter side >= {RuleFinding.Format(min, 2)}";
        if (settings.TryGet("minSymmetricBalance", out double minSymmetric) && context.SymmetricLighting is { } symmetric)
        {
            // Two readings of one property: where they disagree (one fails, or one is within its band), neither is
            // trusted alone and the photo waits for a look.
            RuleOutcome patches = settings.Judge("minSymmetricBalance", symmetric.Balance, minSymmetric, higherIsWorse: false);
            standing = patches == standing ? standing : RuleOutcome.Warn;
            (ratio, leftDarker) = (symmetric.Balance, symmetric.LeftDarker);
            limit = $"landmark patches darker/brighter L* >= {RuleFinding.Format(minSymmetric, 2)}; columns darker/brighter >= {RuleFinding.Format(min, 2)}";
        }

        string sideZh = leftDarker ? "照片左侧" : "照片右侧";
        string sideEn = leftDarker ? "left" : "right";
        return RuleFinding.Judged(Id, settings, standing,
            new LocalizedText("面部光照均匀", "The face is evenly lit."),
            new LocalizedText(
                $"面部光照不均匀，{sideZh}半边脸偏暗：请让光线从正面均匀照射（避免侧光和灯光斜影）后重拍",
                $"The face is unevenly lit: its {sideEn} half (as seen in the photo) is darker. Light the face evenly from the front, avoiding side light and shadows, and retake it."),
            ratio, limit);
    }
}
