using SocialCard.Photos.Analysis;
using SocialCard.Photos.Faces;

namespace SocialCard.Photos.Rules.Face;

/// <summary>
/// The common preamble of the rules that judge the face: they skip when there are no pixels, when no face engine ran,
/// or when the engine found no face (face.count reports that one), and when the face has no landmarks.
/// </summary>
internal static class FaceRequirement
{
    public static RuleFinding? Skip(string rule, PhotoContext context, out ObservedFace face)
    {
        face = null!;
        if (!context.HasPixels)
        {
            return RuleFinding.NoPixels(rule);
        }

        if (!context.FaceEngineRan)
        {
            return NoEngine(rule);
        }

        if (context.PrimaryFace is not { } primary)
        {
            return RuleFinding.Skip(rule, new LocalizedText("未检测到人脸，未检查此项", "No face found; not checked."));
        }

        if (!primary.HasLandmarks)
        {
            return RuleFinding.Skip(rule, new LocalizedText("未能定位面部特征点，未检查此项", "No facial landmarks; not checked."));
        }

        face = primary;
        return null;
    }

    public static RuleFinding NoEngine(string rule) =>
        RuleFinding.Skip(rule, new LocalizedText("人脸分析未运行（未安装人脸模型），未检查此项", "Face analysis did not run (no face models installed); not checked."));
}
