using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialCard.Platform.Audit;
using SocialCard.Web.Features.Portal;
using SocialCard.Web.Security;

namespace SocialCard.Web.Features.Console;

/// <summary>Audit log viewer: auditors and admins.</summary>
[Authorize(Policy = AuthPolicies.Auditor)]
public sealed class AuditModel(ConsoleQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true, Name = "action")]
    public string? ActionFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = PagerModel.PageParameter)]
    public int PageNumber { get; set; } = 1;

    public PagedList<AuditEvent> Events { get; private set; } = new([], 1, 50, 0);

    public PagerModel Pager => new("/console/audit", new Dictionary<string, string?> { ["actor"] = Actor, ["action"] = ActionFilter }, Events.Page, Events.Pages, Events.Total);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Events = await queries.AuditAsync(Actor, ActionFilter, PageNumber, 50, cancellationToken);
}
