using SocialCard.Photos.Analysis;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Profiles;

namespace SocialCard.Photos.Rules.Face;

/// <summary>
/// face.size (头像过大或过小, 大头贴): the face width (cheek to cheek, jaw landmarks 0 to 16, in canvas pixels of the
/// profile size) lies within the profile geometry's <c>faceWidthMin</c>..<c>faceWidthMax</c>, widened by the rule's
/// <c>tolerance</c> (pixels) for landmark uncertainty.
/// </summary>
public sealed class FaceSizeRule : IPhotoRule
{
    public string Id => "face.size";

    public RuleFinding Evaluate(PhotoContext context, SpecProfile profile)
    {
        RuleSettings settings = profile.Rule(Id);
        if (FaceRequirement.Skip(Id, context, out ObservedFace face) is { } skip)
        {
            return skip;
        }

        ProfileGeometry g = profile.Geometry;
        if (g.FaceWidthMin <= 0 || g.FaceWidthMax <= 0)
        {
            return RuleFinding.MissingThreshold(Id, "geometry.faceWidthMin/faceWidthMax");
        }

        double tolerance = settings.TryGet("tolerance", out double t) ? t : 0;
        double width = face.FaceWidth * context.CanvasScale.X;
        string limit = $"{RuleFinding.Format(g.FaceWidthMin, 0)}-{RuleFinding.Format(g.FaceWidthMax, 0)} px";
        if (width >= g.FaceWidthMin - tolerance && width <= g.FaceWidthMax + tolerance)
        {
            return RuleFinding.Pass(Id, new LocalizedText(
                "头像大小符合要求",
                "The face size is within limits."), number: width, limit: limit);
        }

        bool tooSmall = width < g.FaceWidthMin;
        LocalizedText message = tooSmall
            ? new LocalizedText(
                "头像过小：请拍摄时靠近镜头，或重新裁剪使面部占据更大比例",
                "The face is too small: move closer to the camera or crop tighter so the face fills more of the photo.")
            : new LocalizedText(
                "头像过大：请离镜头远一些，或重新裁剪露出头顶和双肩",
                "The face is too big: step back from the camera or crop wider so the top of the head and both shoulders show.");
        return RuleFinding.Violation(Id, settings, message, number: width, limit: limit);
    }
}
