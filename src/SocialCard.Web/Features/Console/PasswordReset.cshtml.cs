using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialCard.Platform.Security;
using SocialCard.Web.Security;

namespace SocialCard.Web.Features.Console;

/// <summary>
/// A centre administrator resets a unit account's password: the Platform sets a random temporary password, ends the
/// unit's sessions and audits it; the page shows the temporary password once (it is not stored in clear anywhere) and
/// the unit must replace it at its next sign-in.
/// </summary>
[Authorize(Policy = AuthPolicies.Admin)]
public sealed class PasswordResetModel(AccountPasswords passwords) : PageModel
{
    [BindProperty]
    public string? UnitCode { get; set; }

    public string? ErrorKey { get; private set; }

    /// <summary>The temporary password, on the response to the reset only.</summary>
    public string? Temporary { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(UnitCode) || UnitCode.Length > 32)
        {
            ErrorKey = "password.reset.required";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        UnitCode = UnitCode.Trim();
        Temporary = await passwords.ResetAsync(User.AuditActor(), AccountPasswords.UnitAudience, UnitCode, cancellationToken);
        if (Temporary is null)
        {
            ErrorKey = "password.reset.unknown";
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
