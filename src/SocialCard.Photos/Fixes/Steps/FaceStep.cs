using System.Drawing;
using System.Globalization;
using SocialCard.Imaging;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Fixes.Geometry;
using SocialCard.Photos.Profiles;
using SocialCard.Photos.Rules;

namespace SocialCard.Photos.Fixes.Steps;

/// <summary>
/// Finds the one face and refuses what no fix can repair: no face, several faces, closed eyes, an open mouth or a clear
/// non-neutral expression other than a smile (the profile's expression thresholds; see <see cref="ExpressionRefusal"/>),
/// a head turned beyond
/// <see cref="FixOptions.MaxYawDegrees"/>, a tilt beyond <see cref="FixOptions.MaxRollDegrees"/>, or a face so small
/// that reaching the profile's face width would need more than <see cref="FixOptions.MaxUpscale"/> enlargement. When
/// the source was decoded reduced and the face needs more pixels, the original is decoded again at a finer scale.
/// </summary>
public sealed class FaceStep : IFixStep
{
    /// <summary>Expression probability above which a non-neutral expression is refused before the fix (see
    /// <see cref="ExpressionRefusal"/>).</summary>
    public const double ClearExpression = 0.95;

    private readonly IFaceDetector _detector;

    public FaceStep(IFaceDetector detector) => _detector = detector;

    public string Id => "fix.face";

    public FixStepResult Apply(FixContext ctx)
    {
        if (ctx.Source is null)
        {
            return ctx.Refuse(Id, "image.undecodable", new LocalizedText("没有可用的图像", "No image to work on"));
        }

        FaceObservation? observation = Detect(_detector, ctx.Source);
        if (observation is null)
        {
            return ctx.Refuse(Id, "face.engine", new LocalizedText("人脸分析无法运行（模型缺失？）", "Face analysis could not run (models missing?)"));
        }

        int count = observation.Faces.Count;
        if (count == 0)
        {
            return ctx.Refuse(Id, "face.none", new LocalizedText("未检测到人脸（或照片过于模糊），无法自动修复，请重新拍摄清晰的正面免冠照", "No face found (or the photo is too blurred); cannot fix. Take a new, sharp frontal photo."), "faces", 0);
        }

        if (count > 1)
        {
            return ctx.Refuse(Id, "face.several", new LocalizedText($"检测到 {count} 张人脸，照片中只能有本人一人", $"{count} faces found; the photo must show one person only"), "faces", count);
        }

        ObservedFace face = observation.Faces[0];
        if (!face.HasLandmarks)
        {
            return ctx.Refuse(Id, "face.landmarks", new LocalizedText("无法定位五官，无法自动修复", "Facial landmarks not found; cannot fix"));
        }

        IReadOnlyList<PointF> p = face.Landmarks;
        double openness = LandmarkGeometry.EyeOpenness(p);
        if (openness < ctx.Options.MinEyeOpenness)
        {
            return ctx.Refuse(Id, "face.eyes-closed", new LocalizedText(
                $"眼睛闭合（睁眼度 {F(openness)}），请重新拍摄睁眼照片", $"Eyes closed (openness {F(openness)}); take a new photo with open eyes"), "eye openness", openness);
        }

        if (ExpressionRefusal(ctx, face) is { } expression)
        {
            return expression;
        }

        // Refused only beyond the estimate's own uncertainty (the profile's pose.yaw review band): a reading within it is
        // left to the re-check, which sends it to a look by centre staff.
        double yaw = face.YawDegrees ?? LandmarkGeometry.EstimateYawDegrees(p);
        double yawBand = ctx.Profile.Rule("pose.yaw").Bands.TryGetValue("maxDegrees", out double band) ? band : 0;
        if (Math.Abs(yaw) > ctx.Options.MaxYawDegrees + yawBand)
        {
            return ctx.Refuse(Id, "pose.yaw", new LocalizedText(
                $"头部侧转 {F(yaw)}°（上限 {F(ctx.Options.MaxYawDegrees)}°），无法修正，请正对镜头重拍",
                $"Head turned {F(yaw)} deg (limit {F(ctx.Options.MaxYawDegrees)}); cannot be corrected, face the camera and retake"), "yaw (deg)", yaw);
        }

        double roll = LandmarkGeometry.RollDegrees(p);
        if (Math.Abs(roll) > ctx.Options.MaxRollDegrees)
        {
            return ctx.Refuse(Id, "pose.roll", new LocalizedText(
                $"头部倾斜 {F(roll)}°，超出可修正范围", $"Head tilted {F(roll)} deg, beyond what can be levelled"), "roll (deg)", roll);
        }

        ProfileTarget target = ProfileTarget.From(ctx.Profile);
        double faceWidth = LandmarkGeometry.FaceWidth(p);
        double originalFaceWidth = faceWidth / ctx.SourceScale;
        double upscale = target.FaceWidth / originalFaceWidth;
        if (upscale > ctx.Options.MaxUpscale)
        {
            return ctx.Refuse(Id, "source.too-small", new LocalizedText(
                $"原图人脸太小（脸宽 {F(originalFaceWidth)} 像素，需放大 {F(upscale)} 倍才达到 {F(target.FaceWidth)} 像素），请提供更高分辨率的照片",
                $"Face too small in the source ({F(originalFaceWidth)} px wide; reaching {F(target.FaceWidth)} px needs {F(upscale)}x enlargement); provide a higher-resolution photo"),
                "source face width (px)", originalFaceWidth);
        }

        // Decoded reduced but the face needs more pixels than the reduced decode holds: decode finer and map the landmarks.
        if (faceWidth < target.FaceWidth * 1.05 && ctx.SourceScale < 1)
        {
            double oldScale = ctx.SourceScale;
            int denominator = (int)Math.Round(1 / oldScale) / 2;
            while (denominator > 1 && originalFaceWidth / denominator < target.FaceWidth * 1.05)
            {
                denominator /= 2;
            }

            DecodeStep.DecodeAt(ctx, denominator);
            face = Rescale(face, ctx.SourceScale / oldScale);
        }

        ctx.Face = face;
        return FixStepResult.Applied(Id, new LocalizedText(
            $"检测到一张人脸：脸宽 {F(originalFaceWidth)} 像素，侧转 {F(yaw)}°，倾斜 {F(roll)}°，睁眼度 {F(openness)}",
            $"One face: width {F(originalFaceWidth)} px, yaw {F(yaw)} deg, roll {F(roll)} deg, eye openness {F(openness)}"),
            "source face width (px)", originalFaceWidth, originalFaceWidth);
    }

    /// <summary>
    /// The detector on the whole frame; when it finds nothing, on square windows of the frame (the tiny detector misses
    /// some faces in frames much wider or taller than the face needs: a 4:3 12 MP frame, a busy 4:5 portrait): the
    /// upper square (portrait) or the central square (landscape), then that square's upper-central 3/4. Faces found in
    /// a window are mapped back to frame pixels.
    /// </summary>
    internal static FaceObservation? Detect(IFaceDetector detector, RgbImage image)
    {
        FaceObservation? whole = detector.AnalyzeForFix(image);
        if (whole is null || whole.Faces.Count > 0)
        {
            return whole;
        }

        int side = Math.Min(image.Width, image.Height);
        int x0 = (image.Width - side) / 2;
        int small = side * 3 / 4;
        foreach ((int x, int y, int s) in (ReadOnlySpan<(int, int, int)>)[(x0, 0, side), (x0 + ((side - small) / 2), 0, small)])
        {
            if (s < 64 || (s == image.Width && s == image.Height))
            {
                continue;
            }

            using var window = new RgbImage(s, s);
            for (int row = 0; row < s; row++)
            {
                image.Row(y + row).Slice(x * 3, s * 3).CopyTo(window.Row(row));
            }

            FaceObservation? found = detector.AnalyzeForFix(window);
            if (found is { Faces.Count: > 0 })
            {
                return new FaceObservation { Faces = [.. found.Faces.Select(f => Move(f, x, y))] };
            }
        }

        return whole;
    }

    /// <summary>
    /// What the check fails and no fix can change, refused here before any pixel work, only when clear: another
    /// non-neutral expression (angry, surprised, ...) above both the profile's <c>expression.neutral</c> limit and
    /// <see cref="ClearExpression"/> (the expression net reads the cropped, levelled output a little differently from the
    /// source, so borderline faces are left to the re-check), or a mouth opening beyond the profile's <c>mouth.open</c>
    /// limit and its review band (a ratio of landmark distances, the same on any scale). A smile is judged as the check
    /// judges it: "happy" alone never refuses (the Chengdu appendix allows a closed-lip smile); a smile with teeth or with
    /// the lips parted is refused by the subject step (<see cref="SubjectCheckStep"/>), with the check's own rules on the
    /// crop, still before any pixel changes.
    /// </summary>
    private FixStepResult? ExpressionRefusal(FixContext ctx, ObservedFace face)
    {
        RuleSettings expression = ctx.Profile.Rule("expression.neutral");
        if (expression.Enabled && face.Expressions.Count > 0)
        {
            if (expression.TryGet("maxOtherNonNeutral", out double maxOther))
            {
                foreach ((string name, double probability) in face.Expressions)
                {
                    if (name is not ("neutral" or "happy") && probability > Math.Max(maxOther, ClearExpression))
                    {
                        return ctx.Refuse(Id, "expression.neutral", new LocalizedText(
                            $"表情不自然（{name}，概率 {F(probability)}），无法自动修复，请保持自然表情重拍",
                            $"Not a neutral expression ({name}, probability {F(probability)}); cannot be fixed, retake with a neutral expression"), name, probability);
                    }
                }
            }
        }

        RuleSettings mouth = ctx.Profile.Rule("mouth.open");
        if (mouth.Enabled && mouth.TryGet("maxOpening", out double maxOpening) && face.MouthOpenness is { } opening
            && opening > maxOpening + mouth.Bands.GetValueOrDefault("maxOpening"))
        {
            return ctx.Refuse(Id, "mouth.open", new LocalizedText(
                $"嘴巴张开（开度 {F(opening)}），无法自动修复，请闭嘴重拍", $"Mouth open (opening {F(opening)}); cannot be fixed, retake with the mouth closed"), "mouth opening", opening);
        }

        return null;
    }

    private static ObservedFace Move(ObservedFace face, float dx, float dy)
    {
        var points = new PointF[face.Landmarks.Count];
        for (int i = 0; i < points.Length; i++)
        {
            points[i] = new PointF(face.Landmarks[i].X + dx, face.Landmarks[i].Y + dy);
        }

        return new ObservedFace
        {
            Box = new RectangleF(face.Box.X + dx, face.Box.Y + dy, face.Box.Width, face.Box.Height),
            Score = face.Score,
            Landmarks = points,
            YawDegrees = face.YawDegrees,
            PitchDegrees = face.PitchDegrees,
            RollDegrees = face.RollDegrees,
            Expressions = face.Expressions,
        };
    }

    private static ObservedFace Rescale(ObservedFace face, double k)
    {
        var points = new PointF[face.Landmarks.Count];
        for (int i = 0; i < points.Length; i++)
        {
            points[i] = new PointF((float)(face.Landmarks[i].X * k), (float)(face.Landmarks[i].Y * k));
        }

        return new ObservedFace
        {
            Box = new RectangleF((float)(face.Box.X * k), (float)(face.Box.Y * k), (float)(face.Box.Width * k), (float)(face.Box.Height * k)),
            Score = face.Score,
            Landmarks = points,
            YawDegrees = face.YawDegrees,
            PitchDegrees = face.PitchDegrees,
            RollDegrees = face.RollDegrees,
            Expressions = face.Expressions,
        };
    }

    private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
