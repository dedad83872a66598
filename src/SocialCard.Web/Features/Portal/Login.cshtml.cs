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

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        SignInAsync(UnitCode, "/portal", (login, password) => signIn.SignInUnitAsync(HttpContext, login, password, cancellationToken));
}
