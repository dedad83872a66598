using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialCard.Web.Features.PhotoCheck;
using SocialCard.Web.Security;

namespace SocialCard.Web.Features.Portal;

public sealed class BatchModel(PortalQueries queries, WebPhotoEngine engine) : PageModel
{
    public BatchDetailView? Batch { get; private set; }

    public long? CheckMilliseconds { get; private set; }

    public bool CanFix => engine.CanFix;

    public async Task<IActionResult> OnGetAsync(long id, long? ms, CancellationToken cancellationToken)
    {
        Batch = await queries.BatchAsync(User.RequireUnitId(), id, cancellationToken);
        if (Batch is null)
        {
            return NotFound();
        }

        CheckMilliseconds = ms;
        return Page();
    }
}
