using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SocialCard.Web.Features.Account;

/// <summary>
/// What the unit and the staff login pages share: the password and return-URL fields, the error key the page shows,
/// and the answer to a sign-in attempt (redirect home or to a local return URL under home; 423 when locked out, 401
/// when wrong). Each page binds its own login field and calls <see cref="SignInAsync"/>.
/// </summary>
public abstract class SignInPageModel : PageModel
{
    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? ErrorKey { get; private set; }

    public void OnGet()
    {
    }

    /// <summary>Checks the fields are filled, runs <paramref name="signIn"/> and turns its outcome into the response.</summary>
    protected async Task<IActionResult> SignInAsync(string? login, string home, Func<string, string, Task<SignInOutcome>> signIn)
    {
        ArgumentNullException.ThrowIfNull(signIn);
        if (string.IsNullOrWhiteSpace(login) || string.IsNullOrEmpty(Password))
        {
            ErrorKey = "login.required";
            return Page();
        }

        switch (await signIn(login, Password))
        {
            case SignInOutcome.Succeeded:
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl!.StartsWith(home, StringComparison.OrdinalIgnoreCase) ? ReturnUrl : home);
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
