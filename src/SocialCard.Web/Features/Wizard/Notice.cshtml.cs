using Microsoft.AspNetCore.Mvc;

namespace SocialCard.Web.Features.Wizard;

/// <summary>Step 1: the collection notice (阅读说明，勾选“我已阅读并同意”). POST /apply/restart starts a new draft.</summary>
public sealed class NoticeModel(IWizardDraftStore drafts, TimeProvider clock) : WizardPageModel(drafts, clock)
{
    public override WizardStep Step => WizardStep.Notice;

    [BindProperty]
    public bool Accepted { get; set; }

    public void OnGet() => Accepted = Draft.IsDone(Step);

    public IActionResult OnPost()
    {
        if (!Accepted)
        {
            AddError(nameof(Accepted), "请阅读说明并勾选“我已阅读并同意”。", "Read the notice and tick \"I have read and agree\".");
            return Page();
        }

        return Complete();
    }
}
