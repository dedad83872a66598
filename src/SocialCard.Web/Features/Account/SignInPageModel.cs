using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SocialCard.Web.Features.Account;

/// <summary>
/// What the unit and the staff login pages share: the password and return-URL fields, the error key the page shows,
/// and the answer to a sign-in attempt (redirect home or to a local return URL under home; 429 with Retry-After when
/// held back after repeated failures, 401 when wrong). Each page binds its own login field and calls <see cref="SignInAsync"/>.
/// </summary>
public abstract class SignInPageModel : PageModel
{
    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? ErrorKey { get; private set; }

    /// <summary>Seconds to wait before the next attempt, when held back.</summary>
    public int? RetryAfterSeconds { get; private set; }

    public void OnGet()
    {
    }

    /// <summary>Checks the fields are filled, runs <paramref name="signIn"/> and turns its outcome into the response.</summary>
    protected async Task<IActionResult> SignInAsync(string? login, string home, Func<string, string, Task<AccountCheck>> signIn)
    {
        ArgumentNullException.ThrowIfNull(signIn);
        if (string.IsNullOrWhiteSpace(login) || string.IsNullOrEmpty(Password))
        {
            ErrorKey = "login.required";
            return Page();
        }

        AccountCheck check = await signIn(login, Password);
        switch (check.Outcome)
        {
            case SignInOutcome.Succeeded:
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl!.StartsWith(home, StringComparison.OrdinalIgnoreCase) ? ReturnUrl : home);
            case SignInOutcome.Disabled:
                ErrorKey = "login.disabled";
                Response.StatusCode = StatusCodes.Status403Forbidden;
                return Page();
            case SignInOutcome.Throttled:
                ErrorKey = "login.throttled";
                RetryAfterSeconds = Math.Max(1, (int)Math.Ceiling(check.RetryAfter.TotalSeconds));
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                Response.Headers.RetryAfter = RetryAfterSeconds.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Page();
            default:
                ErrorKey = "login.invalid";
                Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Page();
        }
    }
}
