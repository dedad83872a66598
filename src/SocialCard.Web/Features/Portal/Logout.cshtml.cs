using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialCard.Web.Features.Account;
using SocialCard.Web.Security;

namespace SocialCard.Web.Features.Portal;

/// <summary>POST only (antiforgery-checked); a GET just goes home. Ends the server-side session too.</summary>
public sealed class LogoutModel(SignInService signIn) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/portal");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await signIn.SignOutAsync(HttpContext, AuthSchemes.Unit, cancellationToken);
        return LocalRedirect("/portal/login");
    }
}
