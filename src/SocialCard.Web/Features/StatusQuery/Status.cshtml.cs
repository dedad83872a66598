using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using SocialCard.Web.Localization;

namespace SocialCard.Web.Features.StatusQuery;

/// <summary>The public status query page (rate-limited per client address on POST).</summary>
[EnableRateLimiting(StatusQueryRateLimit.PolicyName)]
public sealed class StatusModel(CardStatusService service) : PageModel
{
    [BindProperty]
    public string NumberType { get; set; } = "ssn";

    [BindProperty]
    public string? Number { get; set; }

    [BindProperty]
    public string? IdNumber { get; set; }

    public CardStatusAnswer? Answer { get; private set; }

    public void OnGet() => Response.Headers.CacheControl = "no-store";

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        var request = new StatusQueryRequest(
            NumberType == "personal" ? null : Number,
            NumberType == "personal" ? Number : null,
            IdNumber);
        bool english = UiCultures.IsEnglish(System.Globalization.CultureInfo.CurrentUICulture);
        foreach (KeyValuePair<string, string[]> error in StatusQueryApi.Validate(request))
        {
            string[] halves = error.Value[0].Split(" / ", 2);
            ModelState.AddModelError(error.Key, english && halves.Length == 2 ? halves[1] : halves[0]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Answer = await service.QueryAsync(request, cancellationToken).ConfigureAwait(false);
        return Page();
    }
}
