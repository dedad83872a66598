namespace SocialCard.Web.Features.Wizard;

/// <summary>Server-side wizard state, kept by the Platform as application rows in state Draft (see
/// <see cref="PlatformWizardDraftStore"/>); nothing is stored before the identity step has found the person.</summary>
public interface IWizardDraftStore
{
    Task<WizardDraft?> FindAsync(string id, CancellationToken cancellationToken);

    Task SaveAsync(WizardDraft draft, DateTimeOffset now, CancellationToken cancellationToken);

    Task RemoveAsync(string id, CancellationToken cancellationToken);
}
