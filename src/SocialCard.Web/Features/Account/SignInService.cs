using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Security;
using SocialCard.Web.Security;

namespace SocialCard.Web.Features.Account;

/// <summary>
/// Credential check (with the directory's progressive delay, keyed on the client address) and cookie issue for both
/// audiences. Each sign-in starts a server-side session (<see cref="SignInSessions"/>) whose id rides in the cookie;
/// sign-out ends it, so the cookie is dead everywhere from then on.
/// </summary>
public sealed class SignInService(IAccountDirectory directory, SignInSessions sessions, AccountPasswords passwords,
    IOptions<SecurityOptions> security, ILogger<SignInService> logger)
{
    /// <summary>Signs a unit login in: the unit code alone (the unit's shared login) or with a clerk's own login.</summary>
    public async Task<AccountCheck> SignInUnitAsync(HttpContext http, string unitCode, string? clerkLogin, string password, CancellationToken cancellationToken)
    {
        string login = UnitAccount.LoginFor(unitCode.Trim(), clerkLogin?.Trim().ToLowerInvariant());
        AccountCheck check = await directory.CheckUnitAsync(login, password, ClientAddress(http), cancellationToken);
        Log("unit:" + login, check);
        if (check.Identity is not { } identity)
        {
            return check;
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, identity.Login),
            new(SocialCardClaims.UnitCode, identity.UnitCode ?? identity.Login),
            new(SocialCardClaims.UnitLogin, identity.Login),
            new(SocialCardClaims.UnitName, identity.DisplayName),
            new(SocialCardClaims.UnitId, (identity.UnitId ?? 0).ToString(CultureInfo.InvariantCulture)),
            new(SocialCardClaims.SessionId, await sessions.StartAsync(AuthSchemes.Unit, identity.Login, security.Value.SessionAbsolute, cancellationToken)),
        };
        if (identity.ClerkName is { } clerk)
        {
            claims.Add(new Claim(SocialCardClaims.ClerkName, clerk));
        }

        claims.AddRange(identity.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        AddMustChange(claims, identity);
        await http.SignInAsync(AuthSchemes.Unit, new ClaimsPrincipal(new ClaimsIdentity(claims, AuthSchemes.Unit, ClaimTypes.Name, ClaimTypes.Role)));
        return check;
    }

    public async Task<AccountCheck> SignInStaffAsync(HttpContext http, string login, string password, CancellationToken cancellationToken)
    {
        string name = login.Trim();
        AccountCheck check = await directory.CheckStaffAsync(name, password, ClientAddress(http), cancellationToken);
        Log("staff:" + name, check);
        if (check.Identity is not { } identity)
        {
            return check;
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, identity.DisplayName),
            new(SocialCardClaims.StaffLogin, identity.Login),
            new(SocialCardClaims.SessionId, await sessions.StartAsync(AuthSchemes.Staff, identity.Login, security.Value.SessionAbsolute, cancellationToken)),
        };
        claims.AddRange(identity.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        AddMustChange(claims, identity);
        await http.SignInAsync(AuthSchemes.Staff, new ClaimsPrincipal(new ClaimsIdentity(claims, AuthSchemes.Staff, ClaimTypes.Name, ClaimTypes.Role)));
        return check;
    }

    /// <summary>Ends the server-side session of <paramref name="scheme"/>'s cookie and removes the cookie.</summary>
    public async Task SignOutAsync(HttpContext http, string scheme, CancellationToken cancellationToken)
    {
        AuthenticateResult current = await http.AuthenticateAsync(scheme);
        await sessions.EndAsync(current.Principal?.FindFirstValue(SocialCardClaims.SessionId), cancellationToken);
        await http.SignOutAsync(scheme);
    }

    /// <summary>
    /// Changes the signed-in account's password (<paramref name="scheme"/>: <see cref="AuthSchemes.Unit"/> or
    /// <see cref="AuthSchemes.Staff"/>); the account's other sessions end, this one stays and loses its must-change mark.
    /// </summary>
    public async Task<PasswordChangeResult> ChangePasswordAsync(HttpContext http, string scheme, string currentPassword, string newPassword,
        CancellationToken cancellationToken)
    {
        AuthenticateResult current = await http.AuthenticateAsync(scheme);
        ClaimsPrincipal principal = current.Principal ?? throw new InvalidOperationException("Not signed in.");
        string login = (scheme == AuthSchemes.Unit ? principal.UnitAccountLogin() : principal.FindFirstValue(SocialCardClaims.StaffLogin))
            ?? throw new InvalidOperationException("Principal carries no login.");
        PasswordChangeResult result = await passwords.ChangeAsync(scheme, login, currentPassword, newPassword,
            principal.FindFirstValue(SocialCardClaims.SessionId), ClientAddress(http), cancellationToken);
        if (result.Succeeded && principal.HasClaim(c => c.Type == SocialCardClaims.MustChangePassword))
        {
            var identity = (ClaimsIdentity)principal.Identity!;
            var claims = principal.Claims.Where(c => c.Type != SocialCardClaims.MustChangePassword);
            await http.SignInAsync(scheme, new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, identity.NameClaimType, identity.RoleClaimType)));
        }

        WebLog.PasswordChangeAttempt(logger, scheme + ":" + login, result.Status.ToString());
        return result;
    }

    /// <summary>The address throttles key on: the socket's peer, or the client a known proxy forwarded for.</summary>
    public static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static void AddMustChange(List<Claim> claims, AccountIdentity identity)
    {
        if (identity.MustChangePassword)
        {
            claims.Add(new Claim(SocialCardClaims.MustChangePassword, "1"));
        }
    }

    private void Log(string account, AccountCheck check)
    {
        switch (check.Outcome)
        {
            case SignInOutcome.Succeeded:
                WebLog.SignedIn(logger, account);
                break;
            case SignInOutcome.Disabled:
                WebLog.SignInFailed(logger, account);
                break;
            case SignInOutcome.Throttled:
                WebLog.SignInThrottled(logger, account, (int)Math.Ceiling(check.RetryAfter.TotalSeconds));
                break;
            default:
                WebLog.SignInFailed(logger, account);
                break;
        }
    }
}
