using System.Security.Claims;

namespace SocialCard.Web.Security;

/// <summary>Claim types issued by the host, and readers for them.</summary>
public static class SocialCardClaims
{
    public const string UnitCode = "sc:unit";
    public const string UnitName = "sc:unit-name";

    /// <summary>The unit login signed in: the unit code (the unit's shared login) or "code/clerk" (a clerk's own).</summary>
    public const string UnitLogin = "sc:unit-login";

    /// <summary>The clerk's name, for a clerk's own unit login.</summary>
    public const string ClerkName = "sc:clerk-name";
    public const string UnitId = "sc:unit-id";
    public const string StaffLogin = "sc:staff";
    public const string ApiKeyName = "sc:api-key";

    /// <summary>Id of the server-side session a browser cookie belongs to (see <c>SignInSessions</c>).</summary>
    public const string SessionId = "sc:sid";

    /// <summary>Present while the account holds a temporary password: only the password change (and sign-out) opens.</summary>
    public const string MustChangePassword = "sc:must-change";

    /// <summary>The unit code of a signed-in employer; throws if the principal is not one (a policy bug).</summary>
    public static string RequireUnitCode(this ClaimsPrincipal user) =>
        user.FindFirstValue(UnitCode) ?? throw new InvalidOperationException("Principal carries no unit code.");

    /// <summary>The database id of the signed-in unit.</summary>
    public static long RequireUnitId(this ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(UnitId), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long id) && id > 0
            ? id
            : throw new InvalidOperationException("Principal carries no unit id.");

    /// <summary>The unit login signed in (cookies issued before per-clerk logins carry the unit code only).</summary>
    public static string? UnitAccountLogin(this ClaimsPrincipal user) => user.FindFirstValue(UnitLogin) ?? user.FindFirstValue(UnitCode);

    /// <summary>Audit actor of a staff member ("staff:login") or unit login ("unit:code" or "unit:code/clerk").</summary>
    public static string AuditActor(this ClaimsPrincipal user) =>
        user.FindFirstValue(StaffLogin) is { } staff ? "staff:" + staff
        : user.UnitAccountLogin() is { } unit ? "unit:" + unit
        : user.FindFirstValue(ApiKeyName) is { } key ? "api:" + key
        : "anonymous";

    public static string? ActorName(this ClaimsPrincipal user) =>
        user.FindFirstValue(StaffLogin) ?? user.FindFirstValue(UnitCode) ?? user.FindFirstValue(ApiKeyName);
}
