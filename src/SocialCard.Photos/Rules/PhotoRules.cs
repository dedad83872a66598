using SocialCard.Photos.Rules.Background;
using SocialCard.Photos.Rules.Clothing;
using SocialCard.Photos.Rules.Color;
using SocialCard.Photos.Rules.Contrast;
using SocialCard.Photos.Rules.Exposure;
using SocialCard.Photos.Rules.Expression;
using SocialCard.Photos.Rules.Eyes;
using SocialCard.Photos.Rules.Face;
using SocialCard.Photos.Rules.File;
using SocialCard.Photos.Rules.Image;
using SocialCard.Photos.Rules.Lighting;
using SocialCard.Photos.Rules.Mouth;
using SocialCard.Photos.Rules.Occlusion;
using SocialCard.Photos.Rules.Pose;
using SocialCard.Photos.Rules.Shoulders;
using SocialCard.Photos.Rules.Sharpness;
using SocialCard.Photos.Rules.Source;

namespace SocialCard.Photos.Rules;

/// <summary>The rule sets the product ships, in report order.</summary>
public static class PhotoRules
{
    /// <summary>Rules that read only the bytes and the container (they run even when the pixels cannot be decoded).</summary>
    public static IReadOnlyList<IPhotoRule> File { get; } =
    [
        new FileFormatRule(),
        new FileNameRule(),
        new FileSizeRule(),
        new ImageCorruptRule(),
        new ImageDimensionsRule(),
        new ImageDpiRule(),
        new ImageColorDepthRule(),
    ];

    /// <summary>Rules on the pixels that need no face engine (face zones come from the profile geometry when none ran).</summary>
    public static IReadOnlyList<IPhotoRule> Image { get; } =
    [
        new BackgroundColorRule(),
        new BackgroundUniformRule(),
        new GrayscaleRule(),
        new ColorCastRule(),
        new BlurRule(),
        new GhostRule(),
        new UnderExposureRule(),
        new OverExposureRule(),
        new LowContrastRule(),
        new HighContrastRule(),
        new UnevenLightingRule(),
        new GlareRule(),
        new RecaptureRule(),
    ];

    /// <summary>
    /// Rules on the face the face engine found (analysed once per photo, shared through the context). Without a face
    /// engine they skip; without a face only face.count fails and the others skip.
    /// </summary>
    public static IReadOnlyList<IPhotoRule> Face { get; } =
    [
        new FaceCountRule(),
        new FaceSizeRule(),
        new FacePositionRule(),
        new YawRule(),
        new PitchRule(),
        new RollRule(),
        new ShouldersLevelRule(),
        new EyesClosedRule(),
        new MouthOpenRule(),
        new NeutralExpressionRule(),
        new EyeOcclusionRule(),
        new LightClothingRule(),
        new CutOutDamageRule(),
    ];

    /// <summary>Every rule of the engine, in report order.</summary>
    public static IReadOnlyList<IPhotoRule> All { get; } = [.. File, .. Image, .. Face];
}
