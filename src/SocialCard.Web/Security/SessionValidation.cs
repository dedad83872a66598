using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using SocialCard.Platform.Security;

namespace SocialCard.Web.Security;

/// <summary>
/// The browser cookies' per-request check: the session id the cookie carries must still be live in the database
/// (<see cref="SignInSessions"/>: one primary-key read). A signed-out, expired or unknown session is rejected and its
/// cookie removed, on whichever node the request lands.
/// </summary>
public static class SessionValidation
{
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        string? id = context.Principal?.FindFirstValue(SocialCardClaims.SessionId);
        SignInSessions sessions = context.HttpContext.RequestServices.GetRequiredService<SignInSessions>();
        if (!await sessions.IsActiveAsync(id, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
        }
    }
}
