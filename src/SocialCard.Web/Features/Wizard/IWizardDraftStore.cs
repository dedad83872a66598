namespace SocialCard.Web.Features.Wizard;

/// <summary>Server-side wizard state. Drafts are small except for images; they expire after a period of inactivity.</summary>
public interface IWizardDraftStore
{
    WizardDraft? Find(string id);

    WizardDraft Create(DateTimeOffset now);

    void Save(WizardDraft draft, DateTimeOffset now);

    void Remove(string id);
}
