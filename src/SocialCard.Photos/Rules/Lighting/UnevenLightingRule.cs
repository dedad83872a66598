using SocialCard.Photos.Analysis;
using SocialCard.Photos.Profiles;

namespace SocialCard.Photos.Rules.Lighting;

/// <summary>
/// lighting.uneven (色彩半边明亮、半边灰暗、有灯光斜影): the two sides of the face are lit alike.
/// <para>
/// The reading (<see cref="SymmetricLighting"/>, with landmarks): how much light the darker side of the face gets
/// against the brighter side, from mirrored skin patches on the person's own landmarks (forehead, upper cheek, cheek,
/// jaw): each patch's median CIELAB L* back to relative luminance, divided by the share of frontal light a matte
/// surface at that place of a turned head receives (Lambert, head as a cylinder: the yaw correction), darker over
/// brighter, median over the pairs. Skin tone and overall exposure cancel in the ratio; 1 is an evenly lit face, 0.5 a
/// face whose one half gets half the light of the other. It is at least <c>minSymmetricBalance</c>. This is the
/// left/right comparison of OFIQ's illumination uniformity (ISO/IEC 29794-5), on matched skin patches instead of the
/// face halves' histograms, so hair, a beard or the background on one side do not count as light.
/// </para>
/// <para>
/// A face turned by more than <c>maxYawAlone</c> degrees is not judged on the patches alone: its far cheek lies near
/// the silhouette, where the cylinder is a poor model of the head, so the patches are checked against the median
/// brightness ratio of mirrored columns of the face region (<see cref="IlluminationBalance"/>, <c>minBalance</c>);
/// where the two disagree the photo waits for a look by centre staff. Without landmarks the columns alone decide.
/// </para>
/// <para>
/// Calibration (bench calibrate, devset): uneven faces (one side ramped down to x0.40-0.50) read 0.35-0.53, compliant
/// and light-clothing faces 0.78-0.97 but one, so 0.64 keeps about 0.12 either side, several times the reading's
/// repeatability. The exception is a person photographed in a studio side light and turned 20 degrees (compliant photo
/// 0.29: its lit cheek gets three times the light of the other) whose "uneven" copy darkens the lit side and reads 0.85;
/// the columns order that pair the other way, so both wait for a look.
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

        if (!settings.TryGet("minBalance", out double minColumns) || !settings.TryGet("minSymmetricBalance", out double minPatches))
        {
            return RuleFinding.MissingThreshold(Id, "minBalance/minSymmetricBalance");
        }

        RuleOutcome standing;
        double ratio;
        bool leftDarker;
        string limit;
        if (context.SymmetricLighting is { } symmetric)
        {
            standing = settings.Judge("minSymmetricBalance", symmetric.Balance, minPatches, higherIsWorse: false);
            (ratio, leftDarker) = (symmetric.Balance, symmetric.LeftDarker);
            limit = $"light on the darker side / brighter side (landmark skin patches) >= {RuleFinding.Format(minPatches, 2)}";
            double maxYawAlone = settings.TryGet("maxYawAlone", out double y) ? y : 90;
            if (Math.Abs(context.PrimaryFace?.YawDegrees ?? 0) > maxYawAlone)
            {
                // A turned head: the patches and the columns must agree, else neither is trusted alone.
                RuleOutcome columns = settings.Judge("minBalance", context.LightingBalance.Balance, minColumns, higherIsWorse: false);
                standing = columns == standing ? standing : RuleOutcome.Warn;
                limit += $"; head turned over {RuleFinding.Format(maxYawAlone, 0)} deg: face columns darker/brighter >= {RuleFinding.Format(minColumns, 2)}";
            }
        }
        else
        {
            (ratio, leftDarker) = context.LightingBalance;
            standing = settings.Judge("minBalance", ratio, minColumns, higherIsWorse: false);
            limit = $"face columns darker/brighter >= {RuleFinding.Format(minColumns, 2)}";
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
