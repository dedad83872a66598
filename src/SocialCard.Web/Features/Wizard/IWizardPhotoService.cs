namespace SocialCard.Web.Features.Wizard;

/// <summary>
/// The wizard's photo step, check and fix: the instant pre-review of the card photo (the centre's applicant photo profile)
/// and its one-click fix. Implemented over SocialCard.Photos' checker and fixer (<see cref="WizardPhotoService"/>).
/// </summary>
public interface IWizardPhotoService
{
    /// <summary>False while no fixer is available: the page then hides the one-click fix.</summary>
    bool CanFix { get; }

    PhotoPreReview Review(byte[] photo);

    /// <summary>Fixes <paramref name="original"/> (crop/scale to geometry, white background, levels, encode) and reviews
    /// the result; null when the photo cannot be fixed (e.g. no face).</summary>
    PhotoFixOutcome? Fix(byte[] original);
}

public sealed record PhotoFixOutcome(byte[] Jpeg, PhotoPreReview Review, IReadOnlyList<string> Steps);
