using System.Drawing;
using SocialCard.Imaging;
using SocialCard.Photos.Analysis;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Fixes.Segmentation;
using SocialCard.Photos.Rules;
using SocialCard.Photos.Rules.Expression;
using SocialCard.Photos.Rules.Mouth;
using SocialCard.Photos.Rules.Sharpness;

namespace SocialCard.Photos.Fixes.Steps;

/// <summary>
/// Refuses, on the cropped original before any pixel is changed, what is the photo's subject and not its pixels: two
/// people (a second person region in the segmentation network's mask, <see cref="PersonBlobs"/>, where the face
/// detector found one face), a double image (the checker's sharpness.ghost), a smile with teeth or an open mouth (the
/// checker's mouth.open and expression.neutral). The checker's own rules judge the crop (the original scaled to the
/// profile geometry, nothing else changed) with the face found on the original; only a clear failure refuses, a
/// reading within a rule's review band is left to the re-check.
/// </summary>
public sealed class SubjectCheckStep : IFixStep
{
    private static readonly IPhotoRule[] s_rules = [new GhostRule(), new MouthOpenRule(), new NeutralExpressionRule()];

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

        var copy = new RgbImage(crop.Width, crop.Height);
        crop.Pixels.CopyTo(copy.Pixels);
        using PhotoContext context = PhotoContext.ForImage(copy, ctx.FileName, ctx.Profile, Mapped(face, landmarks));
        foreach (IPhotoRule rule in s_rules)
        {
            if (!ctx.Profile.Rule(rule.Id).Enabled)
            {
                continue;
            }

            RuleFinding finding = rule.Evaluate(context, ctx.Profile);
            if (finding.Outcome == RuleOutcome.Fail)
            {
                return ctx.Refuse(Id, rule.Id, new LocalizedText(
                    "无法自动修复：" + finding.Message.Zh, "This cannot be fixed automatically: " + finding.Message.En), rule.Id, finding.Number);
            }
        }

        return FixStepResult.Applied(Id, new LocalizedText("一人，无重影，未露齿", "One person, no double image, no teeth showing"));
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
