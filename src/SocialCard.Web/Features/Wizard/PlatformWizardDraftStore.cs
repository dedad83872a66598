using SocialCard.Platform.Domain;
using SocialCard.Platform.Drafts;

namespace SocialCard.Web.Features.Wizard;

/// <summary>
/// The wizard's drafts in the Platform (<see cref="ApplicationDraftService"/>): the draft's fields as JSON in the
/// application row (encrypted there), its images in the row's image columns. A draft without a person (before the
/// identity step, or for an ID number without a record) is not stored: the wizard cookie carries it.
/// </summary>
public sealed class PlatformWizardDraftStore(ApplicationDraftService drafts) : IWizardDraftStore
{
    public async Task<WizardDraft?> FindAsync(string id, CancellationToken cancellationToken)
    {
        ApplicationDraft? stored = await drafts.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (stored is null || WizardDraft.FromJson(stored.WizardState) is not { } draft
            || !string.Equals(draft.Id, id, StringComparison.Ordinal))
        {
            return null;
        }

        draft.Photo = stored.Images.Photo;
        draft.PhotoOriginal = stored.Images.PhotoOriginal;
        draft.IdCardFront = stored.Images.IdFront;
        draft.IdCardBack = stored.Images.IdBack;
        draft.IsStored = true;
        return draft;
    }

    public async Task SaveAsync(WizardDraft draft, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        draft.UpdatedAt = now;
        if (draft.Person is null)
        {
            if (draft.IsStored)
            {
                await drafts.DeleteAsync(draft.Id, cancellationToken).ConfigureAwait(false);
                draft.IsStored = false;
            }

            return;
        }

        await drafts.SaveAsync(draft.Id, draft.Person.PersonId, draft.ToJson(),
            new ApplicationDraftImages(draft.Photo, draft.PhotoOriginal, draft.IdCardFront, draft.IdCardBack), cancellationToken).ConfigureAwait(false);
        draft.IsStored = true;
    }

    public Task RemoveAsync(string id, CancellationToken cancellationToken) => drafts.DeleteAsync(id, cancellationToken);

    public async Task<WizardDraft?> ResumeAsync(WizardDraft current, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (!current.HasProvenIdentity)
        {
            return null;
        }

        ApplicationDraft? adopted = await drafts.AdoptOtherAsync(current.Id, current.Person!.PersonId, cancellationToken).ConfigureAwait(false);
        if (adopted is null || WizardDraft.FromJson(adopted.WizardState) is not { } earlier)
        {
            return null;
        }

        WizardDraft resumed = earlier.WithId(current.Id);
        resumed.IdType = current.IdType;
        resumed.CountryCode = current.CountryCode;
        resumed.IdNumber = current.IdNumber;
        resumed.Person = current.Person;
        resumed.Mobile = current.Mobile;
        resumed.VerifiedMobile = current.VerifiedMobile;
        resumed.VerifiedPersonId = current.VerifiedPersonId;
        resumed.Done.UnionWith(current.Done);
        resumed.Photo = adopted.Images.Photo;
        resumed.PhotoOriginal = adopted.Images.PhotoOriginal;
        resumed.IdCardFront = adopted.Images.IdFront;
        resumed.IdCardBack = adopted.Images.IdBack;
        resumed.IsStored = true;
        return resumed;
    }
}
