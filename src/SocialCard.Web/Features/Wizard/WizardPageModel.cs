using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialCard.Platform.Domain;
using SocialCard.Web.Localization;

namespace SocialCard.Web.Features.Wizard;

/// <summary>
/// Base of every wizard page: loads (or starts, without storing anything) the draft named by the wizard cookie, keeps the visitor
/// from skipping ahead of the first unfinished step, marks responses no-store (personal data), and moves on after a
/// valid post.
/// </summary>
public abstract class WizardPageModel : PageModel
{
    private WizardDraft? _draft;
    private bool _dirty;

    protected WizardPageModel(IWizardDraftStore drafts, TimeProvider clock)
    {
        Drafts = drafts;
        Clock = clock;
    }

    public abstract WizardStep Step { get; }

    public WizardDraft Draft => _draft ?? throw new InvalidOperationException("Draft not loaded.");

    protected IWizardDraftStore Drafts { get; }

    protected TimeProvider Clock { get; }

    protected DateOnly Today => ChinaTime.Today(Clock);

    public static bool IsEnglish => UiCultures.IsEnglish(CultureInfo.CurrentUICulture);

    public static string Say(string zh, string en) => IsEnglish ? en : zh;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        Response.Headers.CacheControl = "no-store";
        _draft = await WizardCookie.LoadAsync(HttpContext, Drafts, Clock.GetUtcNow(), HttpContext.RequestAborted).ConfigureAwait(false);
        if (_draft.Reference is not null)
        {
            context.Result = Redirect("/apply/done");
            return;
        }

        context.Result = CheckOrder();
        if (context.Result is not null)
        {
            await PersistAsync().ConfigureAwait(false);
            return;
        }

        PageHandlerExecutedContext executed = await next().ConfigureAwait(false);
        if (executed.Exception is null)
        {
            await PersistAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Keeps the visitor from skipping ahead: a redirect to the first open step, or null.</summary>
    private RedirectResult? CheckOrder()
    {
        WizardDraft draft = Draft;
        if (Step > WizardStep.Mobile && !draft.HasProvenIdentity && draft.Done.Remove(WizardStep.Mobile))
        {
            Save(); // the person or their phone on file changed since the code was verified
        }

        WizardStep open = draft.FirstOpenStep();
        if (Step > open)
        {
            return Redirect(WizardSteps.Get(open).Path);
        }

        // A step this applicant does not go through (ID-card images for a passport holder) passes on to the next one.
        return draft.Applies(Step) ? null : Redirect(WizardSteps.Get(draft.NextStep(Step) <= open ? draft.NextStep(Step) : open).Path);
    }

    /// <summary>Saved once per request, after the handler: the draft row (from the identity step on) and the cookie.</summary>
    private async Task PersistAsync()
    {
        if (_dirty)
        {
            await Drafts.SaveAsync(Draft, Clock.GetUtcNow(), HttpContext.RequestAborted).ConfigureAwait(false);
            WizardCookie.Write(HttpContext, Draft);
            _dirty = false;
        }
    }

    /// <summary>Marks this step done, saves, and goes to the next step (or the summary when everything is done).</summary>
    protected IActionResult Complete()
    {
        Draft.Done.Add(Step);
        Save();
        WizardStep next = Draft.NextStep(Step);
        WizardStep open = Draft.FirstOpenStep();
        return Redirect(WizardSteps.Get(next <= open ? next : open).Path);
    }

    /// <summary>Re-opens this step and every later one that depends on it (e.g. a new ID number).</summary>
    protected void InvalidateFrom(WizardStep step)
    {
        Draft.Done.RemoveWhere(s => s >= step);
    }

    /// <summary>Continues with another draft (an earlier one resumed under this browser's token); saved after the handler.</summary>
    protected void ReplaceDraft(WizardDraft draft)
    {
        _draft = draft;
        Save();
    }

    /// <summary>Marks the draft for saving when the handler is done.</summary>
    protected void Save() => _dirty = true;

    protected void AddError(string field, string zh, string en) => ModelState.AddModelError(field, Say(zh, en));

    protected void AddError(ValidationError error, string? field = null) => ModelState.AddModelError(field ?? error.Field, Say(error.Zh, error.En));
}
