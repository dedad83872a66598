using SocialCard.Photos.Analysis;
using SocialCard.Photos.Profiles;

namespace SocialCard.Photos.Rules.Sharpness;

/// <summary>
/// sharpness.ghost (图像重影): no double image. The strongest secondary autocorrelation peak of the band-passed face
/// (<see cref="EchoMeasure"/>) is at most <c>maxEcho</c>. A double exposure of a sharp face keeps its fine detail, while
/// blur kernels leave their own periodic ripples in the spectrum: when sharpness.blur finds the face blurred, the echo
/// is not judged (that rule reports the blur).
/// </summary>
public sealed class GhostRule : IPhotoRule
{
    public string Id => "sharpness.ghost";

    public RuleFinding Evaluate(PhotoContext context, SpecProfile profile)
    {
        RuleSettings settings = profile.Rule(Id);
        if (!context.HasPixels)
        {
            return RuleFinding.NoPixels(Id);
        }

        if (!settings.TryGet("maxEcho", out double max))
        {
            return RuleFinding.MissingThreshold(Id, "maxEcho");
        }

        RuleSettings blur = profile.Rule("sharpness.blur");
        if (blur.Enabled && blur.TryGet("minSharpness", out double minSharpness) && context.Sharpness < minSharpness)
        {
            return RuleFinding.Skip(Id, new LocalizedText("图像模糊，不判断重影", "The face is blurred; double image not judged."));
        }

        (double strength, _, _) = context.Echo;
        string limit = $"<= {RuleFinding.Format(max, 3)}";
        if (strength <= max)
        {
            return RuleFinding.Pass(Id, new LocalizedText("无重影", "No double image."), number: strength, limit: limit);
        }

        return RuleFinding.Violation(Id, settings, new LocalizedText(
            "图像有重影（人像轮廓是双重的）：拍摄时请保持相机和人物静止后重拍，不要使用叠加或运动模糊的照片",
            "The image shows a double contour (a ghost image): keep camera and person still and retake the photo."),
            number: strength, limit: limit);
    }
}
