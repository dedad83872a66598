using SocialCard.Photos.Analysis;
using SocialCard.Photos.Profiles;

namespace SocialCard.Photos.Rules.Background;

/// <summary>
/// background.color: the background (median of the border zone, in CIELAB) is white: L* &gt;= <c>minLightness</c> and
/// chroma &lt;= <c>maxChroma</c>. Otherwise the message names the colour: dark (L* &lt; <c>darkLightness</c>), grey
/// (chroma &lt;= <c>greyChroma</c>), or by hue red, purple, blue, green, yellow, other.
/// </summary>
public sealed class BackgroundColorRule : IPhotoRule
{
    public string Id => "background.color";

    public RuleFinding Evaluate(PhotoContext context, SpecProfile profile)
    {
        RuleSettings settings = profile.Rule(Id);
        if (!context.HasPixels)
        {
            return RuleFinding.NoPixels(Id);
        }

        if (!settings.TryGet("minLightness", out double minL) || !settings.TryGet("maxChroma", out double maxC) ||
            !settings.TryGet("darkLightness", out double darkL) || !settings.TryGet("greyChroma", out double greyC))
        {
            return RuleFinding.MissingThreshold(Id, "minLightness/maxChroma/darkLightness/greyChroma");
        }

        BackgroundModel background = context.Background;
        Lab lab = background.Colour;
        (byte r, byte g, byte b) = background.Rgb;
        string limit = $"L* >= {RuleFinding.Format(minL)}, C* <= {RuleFinding.Format(maxC)}";
        string measured = $"L*{RuleFinding.Format(lab.L)} C*{RuleFinding.Format(lab.Chroma)} rgb({r},{g},{b})";
        if (lab.L >= minL && lab.Chroma <= maxC)
        {
            return RuleFinding.Pass(Id, new LocalizedText("背景为白色", "The background is white."), text: "white " + measured, limit: limit);
        }

        (string nameEn, string nameZh) = Classify(lab, darkL, greyC, maxC);
        return RuleFinding.Violation(Id, settings, new LocalizedText(
            $"背景不是纯白色（检测到{nameZh}背景，RGB {r},{g},{b}）：请在白色背景前重拍，或使用自动修正换成白色背景",
            $"The background is not pure white (a {nameEn} background was found, RGB {r},{g},{b}): retake the photo in front of a white background, or use auto-fix to make it white."),
            text: $"{nameEn} {measured}", limit: limit);
    }

    /// <summary>Colour name of a non-white background.</summary>
    internal static (string En, string Zh) Classify(Lab lab, double darkLightness, double greyChroma, double maxChroma)
    {
        double chroma = lab.Chroma;
        if (chroma <= Math.Max(greyChroma, maxChroma))
        {
            return lab.L < darkLightness ? ("dark grey", "深灰色") : ("grey", "灰色");
        }

        if (lab.L < darkLightness && chroma < 2 * greyChroma)
        {
            return ("dark", "深色");
        }

        double h = lab.Hue;
        return h switch
        {
            < 50 or >= 345 => ("red", "红色"),
            < 75 => ("orange", "橙色"),
            < 110 => ("yellow", "黄色"),
            < 200 => ("green", "绿色"),
            < 285 => ("blue", "蓝色"),
            _ => ("purple", "紫色"),
        };
    }
}
