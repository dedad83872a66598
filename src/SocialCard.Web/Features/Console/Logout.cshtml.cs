using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialCard.Web.Features.Account;
using SocialCard.Web.Security;

namespace SocialCard.Web.Features.Console;

/// <summary>POST only (antiforgery-checked); a GET just goes home. Ends the server-side session too.</summary>
public sealed class LogoutModel(SignInService signIn) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/console");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await signIn.SignOutAsync(HttpContext, AuthSchemes.Staff, cancellationToken);
        return LocalRedirect("/console/login");
    }
}
