using SocialCard.Photos.Analysis;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Profiles;
using SocialCard.Photos.Rules.Face;

namespace SocialCard.Photos.Rules.Clothing;

/// <summary>
/// clothing.light (穿白色或浅色上衣): the top stands out from the white background. The mean CIELAB L* of the visible
/// clothing (<see cref="ClothingMeasure"/>: the band from a quarter face width below the chin to the lower edge, near-white
/// shirt pixels included, skin and background left out) is at most <c>maxClothingLightness</c>. Skipped when no face is
/// found, or when too little clothing is visible to judge (bare shoulders, a crop at the chin).
/// <para>
/// The devset labels a top "light" when the mean L* of the whole shirt in the original portrait exceeds 85; the crop shows
/// only the top of the shoulders, which reads a little lighter than the whole shirt, so the profile threshold sits above 85
/// (calibration in the national profile's notes).
/// </para>
/// </summary>
public sealed class LightClothingRule : IPhotoRule
{
    public string Id => "clothing.light";

    public RuleFinding Evaluate(PhotoContext context, SpecProfile profile)
    {
        RuleSettings settings = profile.Rule(Id);
        if (FaceRequirement.Skip(Id, context, out ObservedFace _) is { } skip)
        {
            return skip;
        }

        if (!settings.TryGet("maxClothingLightness", out double max))
        {
            return RuleFinding.MissingThreshold(Id, "maxClothingLightness");
        }

        if (context.Clothing is not { } clothing)
        {
            return RuleFinding.Skip(Id, new LocalizedText("照片中看不到衣服，未检查此项", "No clothing visible; not checked."));
        }

        double lightness = clothing.MeanLightness;
        string limit = $"clothing L* <= {RuleFinding.Format(max)}";
        return RuleFinding.Judged(Id, settings, settings.Judge("maxClothingLightness", lightness, max, higherIsWorse: true),
            new LocalizedText("服装颜色与背景区分明显", "The clothing stands out from the background."),
            new LocalizedText(
                "服装颜色过浅，与白色背景区分不明显：请换穿深色上衣后重拍",
                "The top is too light and blends into the white background: wear a dark top and retake it."),
            lightness, limit);
    }
}
