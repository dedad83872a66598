using SocialCard.Photos.Analysis;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Profiles;
using SocialCard.Photos.Rules.Face;

namespace SocialCard.Photos.Rules.Clothing;

/// <summary>
/// clothing.light (穿白色或浅色上衣): the top stands out from the white background. Read against the photo's own white
/// (<see cref="ClothingMeasure.Relative"/>: the visible top's mean colour, white-balanced to the background, in CIELAB;
/// the band from a quarter face width below the chin to the lower edge, near-white shirt pixels included, skin and
/// background left out), so a darker exposure or a tinted light does not move it:
/// <list type="bullet">
/// <item>a white top fails (the Suzhou text forbids one): relative L* over <c>maxWhiteLightness</c> with a chroma of at
/// most <c>maxWhiteChroma</c> (a pale colour is light, not white);</item>
/// <item>a light top only waits for a look by centre staff: relative L* over <c>maxClothingLightness</c>, or a white
/// reading within its review band. Where a light top ends is a matter of degree (the devset's labels put it at 85 on the
/// whole shirt; the visible top of the shoulders reads either side of it), so no limit there can reject a person
/// honestly.</item>
/// </list>
/// Skipped when no face is found, when too little clothing is visible to judge (bare shoulders, a crop at the chin),
/// and on a photo whose wall is not a white backdrop (coloured, grey or dark): there the top does not blend into the
/// wall, the wall fails background.color anyway, and the top is judged where it will stand on white (a retake on white,
/// or the fix, which judges the top against the white it paints). On the devset's 18 coloured and dark walls the top
/// read against plain white tracks the same person's reading on white within 2 L* but one (5), so skipping loses nothing
/// the white photo will not show.
/// The fix judges the top on the original with this rule before it changes a pixel (the white it will paint as the
/// reference, the person segmentation bounding the top), so a white top is refused even where its crop would hide it.
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

        if (!settings.TryGet("maxClothingLightness", out double maxLight))
        {
            return RuleFinding.MissingThreshold(Id, "maxClothingLightness");
        }

        if (!settings.TryGet("maxWhiteLightness", out double maxWhite))
        {
            return RuleFinding.MissingThreshold(Id, "maxWhiteLightness");
        }

        if (!settings.TryGet("maxWhiteChroma", out double maxWhiteChroma))
        {
            return RuleFinding.MissingThreshold(Id, "maxWhiteChroma");
        }

        if (context.ClothingWhite is null && context.HasPixels && !ClothingMeasure.IsWhiteBackdrop(context.Background.Rgb))
        {
            return RuleFinding.Skip(Id, new LocalizedText(
                "背景不是白色，上衣颜色将在白色背景下判断，未检查此项",
                "The background is not white; the top is judged against a white background, so not checked here."));
        }

        if (context.Clothing is not { } clothing)
        {
            return RuleFinding.Skip(Id, new LocalizedText("照片中看不到衣服，未检查此项", "No clothing visible; not checked."));
        }

        double lightness = clothing.RelativeLightness;
        string limit = $"white top: L* > {RuleFinding.Format(maxWhite)} with chroma <= {RuleFinding.Format(maxWhiteChroma)}; light top: L* > {RuleFinding.Format(maxLight)} (looked at)";
        RuleOutcome white = clothing.RelativeChroma <= maxWhiteChroma
            ? settings.Judge("maxWhiteLightness", lightness, maxWhite, higherIsWorse: true)
            : RuleOutcome.Pass;
        if (white == RuleOutcome.Fail)
        {
            return RuleFinding.Violation(Id, settings, new LocalizedText(
                "上衣为白色，与白色背景区分不明显：请换穿深色上衣后重拍",
                "The top is white and blends into the white background: wear a dark top and retake it."), lightness, limit: limit);
        }

        if (white == RuleOutcome.Warn || settings.Judge("maxClothingLightness", lightness, maxLight, higherIsWorse: true) != RuleOutcome.Pass)
        {
            return RuleFinding.Review(Id, new LocalizedText(
                "上衣颜色较浅，与白色背景区分不明显：如被退回，请换穿深色上衣后重拍",
                "the top is light and may blend into the white background: if the photo is returned, wear a dark top and retake it."), lightness, limit: limit);
        }

        return RuleFinding.Pass(Id, new LocalizedText("服装颜色与背景区分明显", "The clothing stands out from the background."), lightness, limit: limit);
    }
}
