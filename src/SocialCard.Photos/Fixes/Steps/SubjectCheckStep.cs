using System.Drawing;
using SocialCard.Imaging;
using SocialCard.Photos.Analysis;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Fixes.Segmentation;
using SocialCard.Photos.Rules;
using SocialCard.Photos.Rules.Clothing;
using SocialCard.Photos.Rules.Expression;
using SocialCard.Photos.Rules.Mouth;
using SocialCard.Photos.Rules.Sharpness;

namespace SocialCard.Photos.Fixes.Steps;

/// <summary>
/// Refuses, on the cropped original before any pixel is changed, what is the photo's subject and not its pixels: two
/// people (a second person region in the segmentation network's mask, <see cref="PersonBlobs"/>, where the face
/// detector found one face), a double image (the checker's sharpness.ghost), a smile with teeth or an open mouth (the
/// checker's mouth.open and expression.neutral), a white top (the checker's clothing.light). The checker's own rules judge
/// the crop (the original scaled to the profile geometry, nothing else changed) with the face found on the original;
/// the top is judged on the whole original instead (the crop may show no more than the neckline), against the white the
/// person will be put on and within the segmentation network's person mask. Only a clear failure refuses: a reading
/// within a rule's review band, or a light top that is not white, is left to the re-check.
/// </summary>
public sealed class SubjectCheckStep : IFixStep
{
    private static readonly IPhotoRule[] s_rules = [new GhostRule(), new MouthOpenRule(), new NeutralExpressionRule()];

    private static readonly LightClothingRule s_clothing = new();

    /// <summary>The white the background step puts the person on: the reference the top is judged against.</summary>
    private static readonly (byte R, byte G, byte B) s_white = (255, 255, 255);

    public string Id => "fix.subject";

    public FixStepResult Apply(FixContext ctx)
    {
        if (ctx.Output is not { } crop || ctx.OutputLandmarks is not { } landmarks || ctx.Face is not { } face)
        {
            return FixStepResult.Skipped(Id, new LocalizedText("无裁剪结果，未检查", "No crop; not checked"));
        }

        if (ctx.PersonProbability is { } mask)
        {
            PointF eyes = face.EyeMidpoint;
            int people = PersonBlobs.Count(mask, eyes.X, eyes.Y, face.Chin.Y);
            if (people > 1)
            {
                return ctx.Refuse(Id, "person.several", new LocalizedText(
                    "照片中不止一个人，无法自动修复：照片中只能有本人一人，请重新拍摄",
                    "More than one person is in the photo; it cannot be fixed: the photo must show one person only, take a new one."), "people", people);
            }
        }

        using PhotoContext context = PhotoContext.ForImage(Copy(crop), ctx.FileName, ctx.Profile, Mapped(face, landmarks));
        foreach (IPhotoRule rule in s_rules)
        {
            if (ctx.Profile.Rule(rule.Id).Enabled && rule.Evaluate(context, ctx.Profile) is { Outcome: RuleOutcome.Fail } finding)
            {
                return Refuse(ctx, rule.Id, finding);
            }
        }

        if (ctx.Profile.Rule(s_clothing.Id).Enabled && ctx.Source is { } source)
        {
            using PhotoContext original = PhotoContext.ForImage(Copy(source), ctx.FileName, ctx.Profile, face, s_white, ctx.PersonProbability);
            if (s_clothing.Evaluate(original, ctx.Profile) is { Outcome: RuleOutcome.Fail } finding)
            {
                return Refuse(ctx, s_clothing.Id, finding);
            }
        }

        return FixStepResult.Applied(Id, new LocalizedText("一人，无重影，未露齿，上衣非白色", "One person, no double image, no teeth showing, not a white top"));
    }

    private FixStepResult Refuse(FixContext ctx, string rule, RuleFinding finding) =>
        ctx.Refuse(Id, rule, new LocalizedText(
            "无法自动修复：" + finding.Message.Zh, "This cannot be fixed automatically: " + finding.Message.En), rule, finding.Number);

    private static RgbImage Copy(RgbImage image)
    {
        var copy = new RgbImage(image.Width, image.Height);
        image.Pixels.CopyTo(copy.Pixels);
        return copy;
    }

    private static ObservedFace Mapped(ObservedFace face, PointF[] landmarks)
    {
        float x0 = landmarks.Min(p => p.X), y0 = landmarks.Min(p => p.Y), x1 = landmarks.Max(p => p.X), y1 = landmarks.Max(p => p.Y);
        return new ObservedFace
        {
            Box = new RectangleF(x0, y0, x1 - x0, y1 - y0),
            Score = face.Score,
            Landmarks = landmarks,
            YawDegrees = face.YawDegrees,
            PitchDegrees = face.PitchDegrees,
            RollDegrees = face.RollDegrees,
            Expressions = face.Expressions,
        };
    }
}
