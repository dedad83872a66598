using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using SocialCard.Web.Features.Account;
using SocialCard.Web.Hosting;

namespace SocialCard.Web.Features.Portal;

/// <summary>The unit's sign-in: unit code and password (repeated failures slow further attempts down).</summary>
[EnableRateLimiting(ServiceDefaultsExtensions.LoginRateLimit)]
public sealed class LoginModel(SignInService signIn) : SignInPageModel
{
    [BindProperty]
    public string? UnitCode { get; set; }

    /// <summary>The clerk's own login under the unit code; empty for the unit's shared login.</summary>
    [BindProperty]
    public string? ClerkLogin { get; set; }

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        SignInAsync(UnitCode, "/portal", (login, password) => signIn.SignInUnitAsync(HttpContext, login, ClerkLogin, password, cancellationToken));
}
