using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using SocialCard.Web.Security;

namespace SocialCard.Web.Features.Account;

/// <summary>Credential check (with the directory's lock-out) and cookie issue for both audiences.</summary>
public sealed class SignInService(IAccountDirectory directory, ILogger<SignInService> logger)
{
    public async Task<SignInOutcome> SignInUnitAsync(HttpContext http, string unitCode, string password, CancellationToken cancellationToken)
    {
        string code = unitCode.Trim();
        AccountCheck check = await directory.CheckUnitAsync(code, password, cancellationToken);
        Log("unit:" + code, check);
        if (check.Identity is not { } identity)
        {
            return check.Outcome;
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, identity.Login),
            new(SocialCardClaims.UnitCode, identity.Login),
            new(SocialCardClaims.UnitName, identity.DisplayName),
            new(SocialCardClaims.UnitId, (identity.UnitId ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        await http.SignInAsync(AuthSchemes.Unit, new ClaimsPrincipal(new ClaimsIdentity(claims, AuthSchemes.Unit)));
        return SignInOutcome.Succeeded;
    }

    public async Task<SignInOutcome> SignInStaffAsync(HttpContext http, string login, string password, CancellationToken cancellationToken)
    {
        string name = login.Trim();
        AccountCheck check = await directory.CheckStaffAsync(name, password, cancellationToken);
        Log("staff:" + name, check);
        if (check.Identity is not { } identity)
        {
            return check.Outcome;
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, identity.DisplayName),
            new(SocialCardClaims.StaffLogin, identity.Login),
        };
        claims.AddRange(identity.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        await http.SignInAsync(AuthSchemes.Staff, new ClaimsPrincipal(new ClaimsIdentity(claims, AuthSchemes.Staff, ClaimTypes.Name, ClaimTypes.Role)));
        return SignInOutcome.Succeeded;
    }

    private void Log(string account, AccountCheck check)
    {
        switch (check.Outcome)
        {
            case SignInOutcome.Succeeded:
                WebLog.SignedIn(logger, account);
                break;
            case SignInOutcome.LockedOut:
                WebLog.SignInLocked(logger, account);
                break;
            default:
                WebLog.SignInFailed(logger, account, false);
                break;
        }
    }
}
