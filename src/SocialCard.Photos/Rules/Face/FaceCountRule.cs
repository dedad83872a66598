using SocialCard.Photos.Analysis;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Profiles;

namespace SocialCard.Photos.Rules.Face;

/// <summary>
/// face.count (多人合影, 无人脸): exactly one person. Faces with a detector score of at least <c>minScore</c> are
/// counted; their number lies in <c>minFaces</c>..<c>maxFaces</c>. The only face rule that fails, rather than skips,
/// when there is no face.
/// </summary>
public sealed class FaceCountRule : IPhotoRule
{
    public string Id => "face.count";

    public RuleFinding Evaluate(PhotoContext context, SpecProfile profile)
    {
        RuleSettings settings = profile.Rule(Id);
        if (!context.HasPixels)
        {
            return RuleFinding.NoPixels(Id);
        }

        if (context.Face is not { } observation)
        {
            return FaceRequirement.NoEngine(Id);
        }

        if (!settings.TryGet("minFaces", out double min) || !settings.TryGet("maxFaces", out double max))
        {
            return RuleFinding.MissingThreshold(Id, "minFaces/maxFaces");
        }

        double minScore = settings.TryGet("minScore", out double s) ? s : 0;
        int count = 0;
        foreach (ObservedFace face in observation.Faces)
        {
            count += face.Score >= minScore ? 1 : 0;
        }

        string limit = min == max ? $"{RuleFinding.Format(min, 0)} face(s)" : $"{RuleFinding.Format(min, 0)}-{RuleFinding.Format(max, 0)} faces";
        if (count >= min && count <= max)
        {
            return RuleFinding.Pass(Id, new LocalizedText("人脸数量符合要求", "The photo shows the right number of faces."), number: count, limit: limit);
        }

        LocalizedText message = count == 0
            ? new LocalizedText(
                "照片中未检测到人脸：请上传本人正面免冠、五官清晰的照片",
                "No face found in the photo: upload a frontal, uncovered photo of the person with the face clearly visible.")
            : count < min
                ? new LocalizedText(
                    "照片中的人脸少于要求：请上传包含所需人员、五官清晰的照片",
                    "Fewer faces than required: upload a photo that shows every required person with the face clearly visible.")
                : new LocalizedText(
                    "照片中不止一个人：请使用本人单独拍摄的证件照，不要用合影或裁剪的合影",
                    "More than one person is in the photo: use an ID photo of the person alone, not a group photo or a crop of one.");
        return RuleFinding.Violation(Id, settings, message, number: count, limit: limit);
    }
}
