using System.Drawing;
using System.Globalization;
using SocialCard.Imaging.Processing.Color;
using SocialCard.Photos.Fixes.Geometry;
using SocialCard.Photos.Fixes.Pixels;
using SocialCard.Photos.Fixes.Segmentation;
using SocialCard.Photos.Rules;

namespace SocialCard.Photos.Fixes.Steps;

/// <summary>
/// Crops and scales to the profile geometry in one resampling pass. From the landmarks: the eye-line midpoint (anchor)
/// and the face width (jaw 0-16), which sets the scale so the face lands in the middle of the allowed width; from the
/// pixels: the head top (from the segmentation network's matte, <see cref="MatteHairTop"/>, else against the wall,
/// <see cref="HairTopFinder"/>), which sets the vertical placement so the hair top lands in the
/// middle of its allowed band. If the head is tall enough that the eye line would then sit too low, the face is made
/// smaller (not below the allowed minimum) and the hair top moved up within its band. Shoulders follow from the
/// output size. Work is at output scale from here on.
/// </summary>
public sealed class CropStep : IFixStep
{
    public string Id => "fix.crop";

    public FixStepResult Apply(FixContext ctx)
    {
        if (ctx.Face is null || ctx.Source is null)
        {
            return ctx.Refuse(Id, "face.none", new LocalizedText("无人脸，无法裁剪", "No face; cannot crop"));
        }

        ProfileTarget target = ProfileTarget.From(ctx.Profile);
        IReadOnlyList<PointF> p = ctx.Face.Landmarks;
        PointF eyes = LandmarkGeometry.EyeMid(p);
        double roll = ctx.RollDegrees;
        double faceWidth = LandmarkGeometry.FaceWidth(p);

        BackgroundColourModel? wall = WallSampler.FromSourceBorder(ctx.Source, eyes.Y);
        PointF[] levelled = LandmarkGeometry.Levelled(p, eyes, roll);
        double browTop = double.MaxValue;
        for (int i = 17; i <= 26; i++)
        {
            browTop = Math.Min(browTop, levelled[i].Y);
        }

        double start = Math.Max(1, eyes.Y - browTop);
        HairTopFinder.HairTop hair = ctx.HairAboveEyes is { } measured
            ? new HairTopFinder.HairTop(measured, false)
            : ctx.PersonProbability is { } matte
                ? MatteHairTop.Find(matte, eyes, roll, faceWidth, start)
            : wall is null
                ? new HairTopFinder.HairTop(0.95 * faceWidth, false)
                : HairTopFinder.Find(ctx.Source, wall, eyes, roll, faceWidth, start);

        double scale = target.FaceWidth / faceWidth;
        double hairTarget = target.HairTop;
        double eyeY = hairTarget + (scale * hair.AboveEyes);
        if (eyeY > target.MaxEyeY)
        {
            scale = Math.Max(target.MinFaceWidth / faceWidth, (target.MaxEyeY - hairTarget) / hair.AboveEyes);
            eyeY = hairTarget + (scale * hair.AboveEyes);
            if (eyeY > target.MaxEyeY)
            {
                double minHair = ctx.Profile.Geometry.HairTopMin + 1;
                hairTarget = Math.Max(minHair, target.MaxEyeY - (scale * hair.AboveEyes));
                eyeY = hairTarget + (scale * hair.AboveEyes);
            }
        }

        eyeY = Math.Max(eyeY, target.MinEyeY);
        if (wall is not null)
        {
            (float l, float a, float b) = wall.At(eyes.X, 0);
            (byte r, byte g, byte bl) = ColorSpace.ToRgb(l, a, b);
            ctx.BackgroundColour = (r, g, bl);
        }

        AffineMap map = AffineMap.OutputToSource(eyes, new PointF((float)target.EyeMidX, (float)eyeY), scale, roll);
        var valid = new byte[target.Width * target.Height];
        ctx.Map = map;
        ctx.Output = AffineResampler.Warp(ctx.Source, map, target.Width, target.Height, ctx.BackgroundColour, valid);
        ctx.Valid = valid;
        AffineMap inverse = map.Invert();
        var mapped = new PointF[p.Count];
        for (int i = 0; i < mapped.Length; i++)
        {
            mapped[i] = inverse.Apply(p[i]);
        }

        ctx.OutputLandmarks = mapped;
        ctx.OutputHairTop = eyeY - (scale * hair.AboveEyes);
        double before = faceWidth / ctx.SourceScale, after = scale * faceWidth;
        string clipped = hair.Clipped ? "（原图头顶被截断）" : string.Empty;
        string clippedEn = hair.Clipped ? " (head cut off at the top of the original)" : string.Empty;
        return FixStepResult.Applied(Id, new LocalizedText(
            $"裁剪缩放到 {target.Width}x{target.Height}：脸宽 {F(before)}→{F(after)} 像素，头顶距上边 {F(ctx.OutputHairTop.Value)} 像素，眼线距下边 {F(target.Height - eyeY)} 像素{clipped}",
            $"Cropped and scaled to {target.Width}x{target.Height}: face width {F(before)} -> {F(after)} px, hair top {F(ctx.OutputHairTop.Value)} px from the top, eye line {F(target.Height - eyeY)} px above the bottom{clippedEn}"),
            "face width (px)", before, after);
    }

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
