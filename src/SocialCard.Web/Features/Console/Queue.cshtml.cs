using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialCard.Platform.Desks;
using SocialCard.Web.Features.Portal;
using SocialCard.Web.Localization;
using SocialCard.Web.Security;

namespace SocialCard.Web.Features.Console;

/// <summary>Pre-review queue: any staff may look; reviewers (and admins) may override a verdict, with a reason.</summary>
public sealed class QueueModel(ConsoleQueries queries, ReviewOverrideService overrides, IAuthorizationService authorization, UiText text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Filter { get; set; } = "failed";

    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    [BindProperty(SupportsGet = true, Name = PagerModel.PageParameter)]
    public int PageNumber { get; set; } = 1;

    public PagedList<QueueItem> Items { get; private set; } = new([], 1, 20, 0);

    public PagerModel Pager => new("/console/queue", new Dictionary<string, string?> { ["filter"] = Filter, ["unit"] = Unit }, Items.Page, Items.Pages, Items.Total);

    public bool CanOverride { get; private set; }

    public string? Message { get; private set; }

    public bool MessageIsError { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        CanOverride = (await authorization.AuthorizeAsync(User, AuthPolicies.Reviewer)).Succeeded;
        Items = await queries.QueueAsync(Filter, Unit, PageNumber, 20, cancellationToken);
    }

    public async Task<IActionResult> OnPostOverrideAsync(long photoId, bool accept, string? reason, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, AuthPolicies.Reviewer)).Succeeded)
        {
            return Forbid(AuthSchemes.Staff);
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return await ShowAsync(text["console.queue.reason.required"], true, StatusCodes.Status400BadRequest, cancellationToken);
        }

        ReviewOverrideResult result = await overrides.OverrideAsync(photoId, accept, reason.Trim(), User.AuditActor(), cancellationToken);
        string who = result.MaskedName.Length > 0 ? $"{result.PersonalNumber}（{result.MaskedName}）" : result.PersonalNumber;
        return result.Status switch
        {
            ReviewOverrideStatus.Done => await ShowAsync(text.Format(accept ? "console.queue.done.pass" : "console.queue.done.fail", who), false, StatusCodes.Status200OK, cancellationToken),
            ReviewOverrideStatus.UnknownPerson => await ShowAsync(text.Format("console.queue.unknownperson", who), true, StatusCodes.Status409Conflict, cancellationToken),
            ReviewOverrideStatus.NotFound => NotFound(),
            _ => await ShowAsync(text["console.queue.notallowed"], true, StatusCodes.Status409Conflict, cancellationToken),
        };
    }

    private async Task<IActionResult> ShowAsync(string message, bool error, int status, CancellationToken cancellationToken)
    {
        Message = message;
        MessageIsError = error;
        Response.StatusCode = status;
        await OnGetAsync(cancellationToken);
        return Page();
    }
}
