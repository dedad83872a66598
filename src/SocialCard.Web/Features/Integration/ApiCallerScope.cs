using System.Security.Claims;
using SocialCard.Web.Security.ApiKeys;

namespace SocialCard.Web.Features.Integration;

/// <summary>Which units an integrator's key may act for (configured per key; "*" = all).</summary>
public static class ApiCallerScope
{
    public static bool MayActFor(this ClaimsPrincipal user, string unitCode) =>
        user.FindAll(ApiKeyAuthenticationHandler.UnitClaim).Any(c => c.Value == "*" || string.Equals(c.Value, unitCode, StringComparison.Ordinal));

    public static bool MayActForAll(this ClaimsPrincipal user) =>
        user.FindAll(ApiKeyAuthenticationHandler.UnitClaim).Any(c => c.Value == "*");

    public static IReadOnlyList<string> Units(this ClaimsPrincipal user) =>
        [.. user.FindAll(ApiKeyAuthenticationHandler.UnitClaim).Select(c => c.Value)];
}
