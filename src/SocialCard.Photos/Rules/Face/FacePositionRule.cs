using System.Globalization;
using SocialCard.Photos.Analysis;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Profiles;

namespace SocialCard.Photos.Rules.Face;

/// <summary>
/// face.position (头像位置不正, 头顶出框): where the head sits on the canvas, in canvas pixels of the profile size, against
/// the profile geometry: top of the hair <c>hairTopMin</c>..<c>hairTopMax</c> below the upper edge, eye line at least
/// <c>eyeLineAboveBottomMin</c> (and at most <c>eyeLineAboveBottomMax</c>, when set) above the lower edge, eye-line
/// midpoint <c>eyeMidXMin</c>..<c>eyeMidXMax</c> from the left edge. Each limit is widened by the rule's <c>tolerance</c>
/// (pixels) for measurement uncertainty. The hair top is not judged when it cannot be found.
/// </summary>
public sealed class FacePositionRule : IPhotoRule
{
    public string Id => "face.position";

    public RuleFinding Evaluate(PhotoContext context, SpecProfile profile)
    {
        RuleSettings settings = profile.Rule(Id);
        if (FaceRequirement.Skip(Id, context, out ObservedFace face) is { } skip)
        {
            return skip;
        }

        ProfileGeometry g = profile.Geometry;
        if (g.EyeMidXMax <= 0 || g.EyeLineAboveBottomMin <= 0)
        {
            return RuleFinding.MissingThreshold(Id, "geometry.eyeMidXMin/eyeMidXMax/eyeLineAboveBottomMin");
        }

        double tol = settings.TryGet("tolerance", out double t) ? t : 0;
        (double sx, double sy) = context.CanvasScale;
        double eyeX = face.EyeMidpoint.X * sx;
        double eyeAbove = profile.Image.Height - (face.EyeMidpoint.Y * sy);
        double? hairTop = context.HairTop is { } top ? top * sy : null;
        string measured = string.Create(CultureInfo.InvariantCulture,
            $"hair top {(hairTop is { } h ? RuleFinding.Format(h, 0) : "?")} px, eye line {RuleFinding.Format(eyeAbove, 0)} px above bottom, eye midpoint x {RuleFinding.Format(eyeX, 0)} px");
        string limit = string.Create(CultureInfo.InvariantCulture,
            $"hair top {RuleFinding.Format(g.HairTopMin, 0)}-{RuleFinding.Format(g.HairTopMax, 0)} px; eye line >= {RuleFinding.Format(g.EyeLineAboveBottomMin, 0)} px above bottom; eye midpoint x {RuleFinding.Format(g.EyeMidXMin, 0)}-{RuleFinding.Format(g.EyeMidXMax, 0)} px");

        var zh = new List<string>();
        var en = new List<string>();
        if (eyeX < g.EyeMidXMin - tol || eyeX > g.EyeMidXMax + tol)
        {
            string sideZh = eyeX < g.EyeMidXMin ? "偏左" : "偏右";
            string sideEn = eyeX < g.EyeMidXMin ? "left" : "right";
            zh.Add($"人像{sideZh}");
            en.Add($"the face is off-centre to the {sideEn}");
        }

        if (eyeAbove < g.EyeLineAboveBottomMin - tol)
        {
            zh.Add("眼睛位置过低");
            en.Add("the eyes are too low");
        }
        else if (g.EyeLineAboveBottomMax is { } maxAbove && eyeAbove > maxAbove + tol)
        {
            zh.Add("眼睛位置过高");
            en.Add("the eyes are too high");
        }

        if (hairTop is { } hair && g.HairTopMax > 0)
        {
            if (hair < g.HairTopMin - tol)
            {
                zh.Add("头顶离上边太近或出框");
                en.Add("the top of the head is too close to or cut by the upper edge");
            }
            else if (hair > g.HairTopMax + tol)
            {
                zh.Add("头顶上方空白过多");
                en.Add("too much space above the head");
            }
        }

        if (zh.Count == 0)
        {
            return RuleFinding.Pass(Id, new LocalizedText("头像位置符合要求", "The head is placed correctly."), text: measured, limit: limit);
        }

        return RuleFinding.Violation(Id, settings, new LocalizedText(
            $"头像位置不符合要求：{string.Join("；", zh)}。请重新裁剪或拍摄，使头部居中、头顶留出适当空白",
            $"The head is not placed correctly: {string.Join("; ", en)}. Re-crop or retake the photo with the head centred and a small margin above the hair."),
            text: measured, limit: limit);
    }
}
