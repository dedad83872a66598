using SocialCard.Imaging.Processing.Color;
using SocialCard.Photos.Analysis;
using SocialCard.Photos.Profiles;

namespace SocialCard.Photos.Rules.Color;

/// <summary>
/// color.cast (人像偏青、偏蓝, unnatural colour): the mean skin colour has a natural hue. Human skin of every tone lies in
/// the red-yellow quadrant of CIELAB (a* &gt; 0, b* &gt; 0); its hue angle atan2(b*, a*) must be within
/// [<c>minHue</c>, <c>maxHue</c>] degrees. A blue or cyan cast pulls b* (and a*) down and the hue below the range; a
/// green or yellow cast pushes it above. Judged on the hue, not the chroma, so a pale or washed-out but natural face
/// passes. Skipped for a greyscale picture (color.grayscale reports that).
/// </summary>
public sealed class ColorCastRule : IPhotoRule
{
    public string Id => "color.cast";

    public RuleFinding Evaluate(PhotoContext context, SpecProfile profile)
    {
        RuleSettings settings = profile.Rule(Id);
        if (!context.HasPixels)
        {
            return RuleFinding.NoPixels(Id);
        }

        if (!settings.TryGet("minHue", out double minHue) || !settings.TryGet("maxHue", out double maxHue))
        {
            return RuleFinding.MissingThreshold(Id, "minHue/maxHue");
        }

        RuleSettings grey = profile.Rule("color.grayscale");
        if (grey.Enabled && grey.TryGet("minChroma", out double minChroma) && context.FaceStats.MeanChroma < minChroma)
        {
            return RuleFinding.Skip(Id, new LocalizedText("黑白照片，不判断偏色", "Greyscale photo; colour cast not judged."));
        }

        Lab skin = context.SkinStats.MeanLab;
        double hue = Math.Atan2(skin.B, skin.A) * 180.0 / Math.PI;
        string limit = $"skin hue {RuleFinding.Format(minHue, 0)}..{RuleFinding.Format(maxHue, 0)} deg";
        if (hue >= minHue && hue <= maxHue)
        {
            return RuleFinding.Pass(Id, new LocalizedText("肤色自然，无明显偏色", "Natural skin colour, no cast."), number: hue, limit: limit);
        }

        (string zh, string en) = Describe(skin, hue, maxHue);
        return RuleFinding.Violation(Id, settings, new LocalizedText(
            $"人像颜色不自然（{zh}）：请在白光下重拍并关闭滤镜/美颜，或使用自动修正校正白平衡",
            $"Unnatural colour on the person ({en}): retake the photo under white light without filters, or use auto-fix to correct the white balance."),
            number: hue, limit: limit);
    }

    private static (string Zh, string En) Describe(Lab skin, double hue, double maxHue)
    {
        if (hue > maxHue)
        {
            return skin.A < 0 ? ("偏绿", "green cast") : ("偏黄", "yellow cast");
        }

        if (skin.B < 0)
        {
            return skin.A < 0 ? ("偏青", "cyan cast") : ("偏蓝/偏紫", "blue/purple cast");
        }

        return skin.A < 0 ? ("偏绿", "green cast") : ("偏红/偏品红", "red/magenta cast");
    }
}
