namespace SocialCard.Web.Features.Wizard;

/// <summary>Server-side wizard state, kept by the Platform as application rows in state Draft (see
/// <see cref="PlatformWizardDraftStore"/>); nothing is stored before the identity step has found the person.</summary>
public interface IWizardDraftStore
{
    Task<WizardDraft?> FindAsync(string id, CancellationToken cancellationToken);

    Task SaveAsync(WizardDraft draft, DateTimeOffset now, CancellationToken cancellationToken);

    Task RemoveAsync(string id, CancellationToken cancellationToken);

    /// <summary>The person's earlier draft (another device, a lost cookie), continued under <paramref name="current"/>'s
    /// token with what the applicant has just proven (ID number, phone on file); null when there is none. Only after the
    /// SMS code to the phone on file was verified.</summary>
    Task<WizardDraft?> ResumeAsync(WizardDraft current, CancellationToken cancellationToken);
}
