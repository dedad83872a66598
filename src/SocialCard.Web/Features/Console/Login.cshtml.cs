using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using SocialCard.Web.Features.Account;
using SocialCard.Web.Hosting;

namespace SocialCard.Web.Features.Console;

[EnableRateLimiting(ServiceDefaultsExtensions.LoginRateLimit)]
public sealed class LoginModel(SignInService signIn) : PageModel
{
    [BindProperty]
    public string? StaffLogin { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? ErrorKey { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(StaffLogin) || string.IsNullOrEmpty(Password))
        {
            ErrorKey = "login.required";
            return Page();
        }

        SignInOutcome outcome = await signIn.SignInStaffAsync(HttpContext, StaffLogin, Password, cancellationToken);
        switch (outcome)
        {
            case SignInOutcome.Succeeded:
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl!.StartsWith("/console", StringComparison.OrdinalIgnoreCase) ? ReturnUrl : "/console");
            case SignInOutcome.LockedOut:
                ErrorKey = "login.locked";
                Response.StatusCode = StatusCodes.Status423Locked;
                return Page();
            default:
                ErrorKey = "login.invalid";
                Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Page();
        }
    }
}
