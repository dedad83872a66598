using SocialCard.Platform.Domain;

namespace SocialCard.Platform.Drafts;

/// <summary>A wizard draft as stored: its application row, the person, the wizard's progress and the images.</summary>
public sealed record ApplicationDraft(long ApplicationId, long PersonId, ApplicationState State, string WizardState,
    ApplicationDraftImages Images, DateTimeOffset UpdatedAt);
