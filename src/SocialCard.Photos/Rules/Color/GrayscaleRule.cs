using SocialCard.Photos.Analysis;
using SocialCard.Photos.Profiles;

namespace SocialCard.Photos.Rules.Color;

/// <summary>
/// color.grayscale (黑白灰非彩色照): the face has colour. Mean CIELAB chroma C* of the face box &gt;= <c>minChroma</c>; a
/// black-and-white picture stored as RGB has chroma near 0 (only JPEG noise).
/// </summary>
public sealed class GrayscaleRule : IPhotoRule
{
    public string Id => "color.grayscale";

    public RuleFinding Evaluate(PhotoContext context, SpecProfile profile)
    {
        RuleSettings settings = profile.Rule(Id);
        if (!context.HasPixels)
        {
            return RuleFinding.NoPixels(Id);
        }

        if (!settings.TryGet("minChroma", out double minChroma))
        {
            return RuleFinding.MissingThreshold(Id, "minChroma");
        }

        double chroma = context.FaceStats.MeanChroma;
        string limit = $"face C* >= {RuleFinding.Format(minChroma)}";
        return RuleFinding.Judged(Id, settings, settings.Judge("minChroma", chroma, minChroma, higherIsWorse: false),
            new LocalizedText("彩色照片", "The photo is in colour."),
            new LocalizedText(
                "照片是黑白照片，要求彩色照片：请重新拍摄彩色照片，不要使用黑白滤镜或黑白照片翻拍",
                "The photo is black and white; a colour photo is required: take a colour photo again, without a black-and-white filter."),
            chroma, limit);
    }
}
