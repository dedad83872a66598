using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialCard.Platform.Accounts;
using SocialCard.Platform.Domain;

namespace SocialCard.Web.Features.Account;

/// <summary>
/// What the account desks share (units and unit logins, clerk logins, staff accounts): the input problems of the last
/// action, its confirmation, and the temporary password it made, shown once on the answer to that action only.
/// </summary>
public abstract class AccountDeskPageModel : PageModel
{
    public IReadOnlyList<ValidationError> Errors { get; private set; } = [];

    public string? Message { get; private set; }

    /// <summary>The login and temporary password made by this request, to show once.</summary>
    public NewAccount? Issued { get; protected set; }

    /// <summary>The confirmation of disabling or enabling the login <paramref name="login"/>.</summary>
    protected static string DisabledText(Localization.UiText text, bool disabled, string? login)
    {
        ArgumentNullException.ThrowIfNull(text);
        return disabled
            ? text.Pick($"账号 {login} 已停用，它的登录已退出。", $"Login {login} is disabled; its sessions have ended.")
            : text.Pick($"账号 {login} 已恢复。", $"Login {login} is enabled again.");
    }

    /// <summary>Records the outcome of an action: 400 with the problems, or the confirmation; never cached (a temporary
    /// password may be on the page).</summary>
    protected void Settle(IReadOnlyList<ValidationError> errors, string? message)
    {
        ArgumentNullException.ThrowIfNull(errors);
        Response.Headers.CacheControl = "no-store";
        Errors = errors;
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else
        {
            Message = message;
        }
    }
}
