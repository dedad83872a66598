using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialCard.Platform.Security;
using SocialCard.Web.Security;

namespace SocialCard.Web.Features.Account;

/// <summary>
/// The password change both areas share: current password, the new one twice. The Platform checks the current
/// password (wrong ones are delayed like sign-in failures) and the rule, writes the new hash and ends the account's
/// other sessions; this session stays. Each area's page names its cookie scheme and home.
/// </summary>
public abstract class PasswordChangePageModel(SignInService signIn, string scheme, string home) : PageModel
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public string? ErrorKey { get; private set; }

    public int? RetryAfterSeconds { get; private set; }

    /// <summary>Whether the account holds a temporary password it must replace before anything else opens.</summary>
    public bool MustChange => User.HasClaim(c => c.Type == SocialCardClaims.MustChangePassword);

    public bool Changed { get; private set; }

    public string Home => home;

    public void OnGet() => Changed = Request.Query.ContainsKey("done");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(CurrentPassword) || string.IsNullOrEmpty(NewPassword) || string.IsNullOrEmpty(ConfirmPassword))
        {
            return Fail("password.required", StatusCodes.Status400BadRequest);
        }

        if (!string.Equals(NewPassword, ConfirmPassword, StringComparison.Ordinal))
        {
            return Fail("password.mismatch", StatusCodes.Status400BadRequest);
        }

        PasswordChangeResult result = await signIn.ChangePasswordAsync(HttpContext, scheme, CurrentPassword, NewPassword, cancellationToken);
        switch (result.Status)
        {
            case PasswordChangeStatus.Changed:
                return LocalRedirect(home + "/password?done=1");
            case PasswordChangeStatus.Throttled:
                RetryAfterSeconds = Math.Max(1, (int)Math.Ceiling(result.RetryAfter.TotalSeconds));
                Response.Headers.RetryAfter = RetryAfterSeconds.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Fail("login.throttled", StatusCodes.Status429TooManyRequests);
            case PasswordChangeStatus.WrongCurrent:
                return Fail("password.wrong", StatusCodes.Status400BadRequest);
            case PasswordChangeStatus.TooShort:
                return Fail("password.short", StatusCodes.Status400BadRequest);
            case PasswordChangeStatus.SameAsLogin:
                return Fail("password.login", StatusCodes.Status400BadRequest);
            default:
                return Fail("password.same", StatusCodes.Status400BadRequest);
        }
    }

    private PageResult Fail(string key, int status)
    {
        ErrorKey = key;
        Response.StatusCode = status;
        return Page();
    }
}
