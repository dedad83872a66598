using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using SocialCard.Web.Features.Account;
using SocialCard.Web.Hosting;

namespace SocialCard.Web.Features.Console;

/// <summary>The centre staff's sign-in: login name and password (repeated failures slow further attempts down).</summary>
[EnableRateLimiting(ServiceDefaultsExtensions.LoginRateLimit)]
public sealed class LoginModel(SignInService signIn) : SignInPageModel
{
    [BindProperty]
    public string? StaffLogin { get; set; }

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        SignInAsync(StaffLogin, "/console", (login, password) => signIn.SignInStaffAsync(HttpContext, login, password, cancellationToken));
}
