using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialCard.Platform.Desks;
using SocialCard.Platform.Domain;
using SocialCard.Web.Features.Portal;
using SocialCard.Web.Security;

namespace SocialCard.Web.Features.Console;

/// <summary>柜面收件: the clerk selects the unit handing paper photos in, finds each person within it by personal
/// number or ID number (masked list; the person's own page shows the full record), and prints the unit's receipt.</summary>
[Authorize(Policy = AuthPolicies.Counter)]
public sealed class CounterModel(CounterDesk desk, CounterReceiptPdf receipts, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? Day { get; set; }

    public IReadOnlyList<CounterPerson>? Found { get; private set; }

    public IReadOnlyList<ValidationError> Errors { get; private set; } = [];

    /// <summary>The unit handed nothing in that day.</summary>
    public bool NoReceipt { get; private set; }

    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(PortalFormat.ChinaOffset).DateTime);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Unit) || Q is null)
        {
            return;
        }

        var result = await desk.FindAsync(Unit, Q, User.AuditActor(), cancellationToken);
        (Found, Errors) = (result.Value, result.Errors);
        if (!result.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    /// <summary>The receipt PDF of the unit's submissions on <see cref="Day"/> (today when not given).</summary>
    public async Task<IActionResult> OnGetReceiptAsync(CancellationToken cancellationToken)
    {
        DateOnly day = Day ?? Today;
        if (string.IsNullOrWhiteSpace(Unit) || await desk.ReceiptAsync(Unit, day, User.AuditActor(), cancellationToken) is not { } receipt)
        {
            return NotFound();
        }

        if (receipt.Lines.Count == 0)
        {
            NoReceipt = true;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Response.Headers.CacheControl = "no-store";
        return File(receipts.Generate(receipt), "application/pdf", $"counter-receipt-{receipt.UnitCode}-{day:yyyyMMdd}.pdf");
    }
}
