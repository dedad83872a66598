using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialCard.Platform.Desks;
using SocialCard.Web.Security;

namespace SocialCard.Web.Features.Console;

/// <summary>One application in full, with its photo and ID-card images; opening it is audited by the Platform.</summary>
public sealed class ApplicationDetailModel(ApplicationsDesk desk) : PageModel
{
    public ApplicationReview? Application { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        Application = await desk.OpenAsync(id, User.AuditActor(), cancellationToken);
        return Application is null ? NotFound() : Page();
    }
}
