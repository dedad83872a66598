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
    /// the result: the fixed photo when it passes, else the refusal; null when no fixer is available.</summary>
    PhotoFixOutcome? Fix(byte[] original);
}

/// <summary>A fix that worked (<see cref="Jpeg"/> and its <see cref="Review"/>) or was refused (<see cref="Refusal"/>,
/// and no picture: what the fix made of a photo it could not repair is never shown).</summary>
public sealed record PhotoFixOutcome(byte[]? Jpeg, PhotoPreReview? Review, IReadOnlyList<string> Steps, PhotoFixRefusal? Refusal = null)
{
    public bool Fixed => Jpeg is not null && Review is not null && Refusal is null;
}
