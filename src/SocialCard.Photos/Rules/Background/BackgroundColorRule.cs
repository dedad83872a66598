using SocialCard.Imaging.Processing.Color;
using SocialCard.Photos.Analysis;
using SocialCard.Photos.Profiles;

namespace SocialCard.Photos.Rules.Background;

/// <summary>
/// background.color: the background (median of the border zone, in CIELAB) is white: L* &gt;= <c>minLightness</c> and
/// chroma &lt;= <c>maxChroma</c>. Otherwise the message names the colour: dark (L* &lt; <c>darkLightness</c>), grey
/// (chroma &lt;= <c>greyChroma</c>), or by hue red, purple, blue, green, yellow, other. A white border is not enough:
/// clearly coloured cells above the shoulders (<see cref="BackgroundModel.ColouredPatchShare"/>, e.g. a wall leftover
/// beside the shoulder after a background replacement) fail beyond <c>maxPatchShare</c> (default 1% of the zone).
/// </summary>
public sealed class BackgroundColorRule : IPhotoRule
{
    /// <summary>Largest share of the zone above the shoulders that may be clearly coloured (not skin or hair) when the
    /// profile sets no <c>maxPatchShare</c>: a leftover of a coloured wall beside the person fails beyond it.</summary>
    public const double DefaultMaxPatchShare = 0.01;

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
        double maxPatch = settings.TryGet("maxPatchShare", out double patchLimit) ? patchLimit : DefaultMaxPatchShare;
        limit += $", coloured patch <= {RuleFinding.Format(maxPatch * 100)}%";
        if (lab.L >= minL && lab.Chroma <= maxC && background.ColouredPatchShare > maxPatch)
        {
            string share = RuleFinding.Format(background.ColouredPatchShare * 100);
            return RuleFinding.Violation(Id, settings, new LocalizedText(
                "背景不是纯白色：人像旁仍有彩色背景区域：请在白色背景前重拍，或使用自动修正换成白色背景",
                "The background is not pure white: a coloured background patch remains beside the person: retake the photo in front of a white background, or use auto-fix to make it white."),
                text: $"coloured patch {share}% {measured}", limit: limit);
        }

        if (lab.L >= minL && lab.Chroma <= maxC)
        {
            return RuleFinding.Pass(Id, new LocalizedText("背景为白色", "The background is white."), text: "white " + measured, limit: limit);
        }

        (string nameEn, string nameZh) = Classify(lab, darkL, greyC, maxC);
        return RuleFinding.Violation(Id, settings, new LocalizedText(
            $"背景不是纯白色，而是{nameZh}背景：请在白色背景前重拍，或使用自动修正换成白色背景",
            $"The background is not pure white but a {nameEn} background: retake the photo in front of a white background, or use auto-fix to make it white."),
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
