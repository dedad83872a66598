using SocialCard.Photos.Analysis;
using SocialCard.Photos.Profiles;

namespace SocialCard.Photos.Rules;

/// <summary>
/// One independent pre-review check. Implementations are pure: they read the shared <see cref="PhotoContext"/> and the
/// profile's numbers, do no I/O, and never throw for a bad photo (a missing input is a <see cref="RuleOutcome.Skip"/>).
/// </summary>
public interface IPhotoRule
{
    /// <summary>Stable id, e.g. "background.color"; the key of the rule's settings in the profile.</summary>
    string Id { get; }

    RuleFinding Evaluate(PhotoContext context, SpecProfile profile);
}
