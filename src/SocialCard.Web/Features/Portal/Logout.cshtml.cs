using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialCard.Web.Security;

namespace SocialCard.Web.Features.Portal;

/// <summary>POST only (antiforgery-checked); a GET just goes home.</summary>
public sealed class LogoutModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/portal");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(AuthSchemes.Unit);
        return LocalRedirect("/portal/login");
    }
}
