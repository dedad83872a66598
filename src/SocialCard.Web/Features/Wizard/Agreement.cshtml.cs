using Microsoft.AspNetCore.Mvc;

namespace SocialCard.Web.Features.Wizard;

/// <summary>Step 2: consent to use the platform.</summary>
public sealed class AgreementModel(IWizardDraftStore drafts, TimeProvider clock) : WizardPageModel(drafts, clock)
{
    public override WizardStep Step => WizardStep.Agreement;

    [BindProperty]
    public bool Accepted { get; set; }

    public void OnGet() => Accepted = Draft.IsDone(Step);

    public IActionResult OnPost()
    {
        if (!Accepted)
        {
            AddError(nameof(Accepted), "请勾选同意使用该平台完成数据采集。", "Tick the box to agree to use the platform.");
            return Page();
        }

        return Complete();
    }
}
