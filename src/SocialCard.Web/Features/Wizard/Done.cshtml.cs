using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SocialCard.Web.Features.Wizard;

/// <summary>After submit: the reference, the PDF and the 24-hour note. Needs the submitting browser's wizard cookie.</summary>
public sealed class DoneModel(IWizardDraftStore drafts, ApplicationViews applications) : PageModel
{
    public string Reference { get; private set; } = string.Empty;

    public DateTimeOffset EditableUntil { get; private set; }

    /// <summary>The submitted photo waits for a look by centre staff.</summary>
    public bool PhotoNeedsReview { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        if (await WizardCookie.FindAsync(HttpContext, drafts, cancellationToken).ConfigureAwait(false) is not { ApplicationId: { } id }
            || await applications.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } view)
        {
            return Redirect("/apply");
        }

        Reference = view.Reference;
        PhotoNeedsReview = view.PhotoNeedsReview;
        EditableUntil = ChinaTime.ToChina(view.EditableUntil);
        return Page();
    }
}
