using System.Security.Claims;

namespace SocialCard.Web.Security;

/// <summary>
/// While a signed-in account holds a temporary password (<see cref="SocialCardClaims.MustChangePassword"/>), every page
/// and endpoint of its area sends it to the password change: a page request is redirected there, anything else gets
/// 403. Sign-out, the change page itself and the language switch stay open. Runs after authorization, so the user is
/// the principal of the area's own cookie.
/// </summary>
public sealed class PasswordChangeGate(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ClaimsPrincipal user = context.User;
        if (context.GetEndpoint() is null || !user.HasClaim(c => c.Type == SocialCardClaims.MustChangePassword))
        {
            return next(context);
        }

        string home = user.HasClaim(c => c.Type == SocialCardClaims.StaffLogin) ? "/console" : "/portal";
        PathString path = context.Request.Path;
        if (path.Equals(home + "/password", StringComparison.OrdinalIgnoreCase) || path.Equals(home + "/logout", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/culture", StringComparison.OrdinalIgnoreCase) || !path.StartsWithSegments(home, StringComparison.OrdinalIgnoreCase))
        {
            return next(context);
        }

        if (HttpMethods.IsGet(context.Request.Method) && !path.StartsWithSegments(home + "/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Redirect(home + "/password");
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
        }

        return Task.CompletedTask;
    }
}
