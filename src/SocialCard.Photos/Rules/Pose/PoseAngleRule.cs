using SocialCard.Photos.Analysis;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Profiles;
using SocialCard.Photos.Rules.Face;

namespace SocialCard.Photos.Rules.Pose;

/// <summary>
/// What the head-pose rules share: a face is required, the angle (degrees) minus the profile's optional <c>bias</c>
/// must stay within <c>maxDegrees</c>; a face engine that gives no estimate skips the rule. Each rule supplies its
/// angle and its words.
/// </summary>
public abstract class PoseAngleRule : IPhotoRule
{
    public abstract string Id { get; }

    /// <summary>Short name in the limit text ("yaw", "pitch", "roll").</summary>
    protected abstract string Axis { get; }

    /// <summary>Why the rule is skipped when the face engine gave no angle.</summary>
    protected abstract LocalizedText NoEstimate { get; }

    protected abstract LocalizedText Passed { get; }

    /// <summary>The face's angle, degrees, or null when the engine has no estimate.</summary>
    protected abstract double? Angle(ObservedFace face);

    /// <summary>What is wrong and how to fix it, for an angle beyond <paramref name="max"/>.</summary>
    protected abstract LocalizedText Failed(double angle, double max);

    public RuleFinding Evaluate(PhotoContext context, SpecProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        RuleSettings settings = profile.Rule(Id);
        if (FaceRequirement.Skip(Id, context, out ObservedFace face) is { } skip)
        {
            return skip;
        }

        if (!settings.TryGet("maxDegrees", out double max))
        {
            return RuleFinding.MissingThreshold(Id, "maxDegrees");
        }

        if (Angle(face) is not { } raw)
        {
            return RuleFinding.Skip(Id, NoEstimate);
        }

        double angle = raw - (settings.TryGet("bias", out double bias) ? bias : 0);
        string limit = $"|{Axis}| <= {RuleFinding.Format(max)} deg";
        return RuleFinding.Judged(Id, settings, settings.Judge("maxDegrees", Math.Abs(angle), max, higherIsWorse: true), Passed, Failed(angle, max), angle, limit);
    }
}
