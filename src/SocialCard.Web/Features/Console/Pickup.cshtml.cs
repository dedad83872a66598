using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialCard.Platform.Desks;
using SocialCard.Platform.Domain;
using SocialCard.Web.Localization;
using SocialCard.Web.Security;

namespace SocialCard.Web.Features.Console;

/// <summary>领卡柜台: a unit's cards ready for pickup; the clerk checks the letter of introduction and the unit
/// clerk's ID card, ticks the cards handed over and records the pickup.</summary>
[Authorize(Policy = AuthPolicies.Counter)]
public sealed class PickupModel(CardPickupDesk desk, UiText text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    [BindProperty]
    public List<string> Numbers { get; set; } = [];

    [BindProperty]
    public string? LetterReference { get; set; }

    [BindProperty]
    public bool LetterStamped { get; set; }

    [BindProperty]
    public string? ClerkName { get; set; }

    [BindProperty]
    public string? ClerkIdNumber { get; set; }

    public IReadOnlyList<PickupCard> Cards { get; private set; } = [];

    public IReadOnlyList<ValidationError> Errors { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(Unit))
        {
            Cards = await desk.ReadyAsync(Unit.Trim(), cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Unit))
        {
            return RedirectToPage();
        }

        var request = new PickupHandOver(Unit.Trim(), Numbers, LetterReference ?? "", LetterStamped, ClerkName ?? "", ClerkIdNumber ?? "");
        var result = await desk.HandOverAsync(request, User.AuditActor(), cancellationToken);
        if (result.Succeeded)
        {
            Message = text.Format("console.pickup.done", result.Value, Unit.Trim());
            (LetterReference, LetterStamped, ClerkName, ClerkIdNumber, Numbers) = (null, false, null, null, []);
            ModelState.Clear();
        }
        else
        {
            Errors = result.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        await OnGetAsync(cancellationToken);
        return Page();
    }
}
