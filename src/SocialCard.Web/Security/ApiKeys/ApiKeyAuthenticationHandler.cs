using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using SocialCard.Web.Hosting;

namespace SocialCard.Web.Security.ApiKeys;

/// <summary>Authenticates machine callers by the <c>X-Api-Key</c> header against <see cref="ApiKeyStore"/>.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyStore store) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string UnitClaim = "sc:api-unit";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeyOptions.HeaderName, out var values) || values.Count == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        ApiKeyDefinition? key = store.Find(values[0] ?? string.Empty);
        if (key is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));
        }

        var claims = new List<Claim> { new(SocialCardClaims.ApiKeyName, key.Name), new(ClaimTypes.Name, key.Name) };
        claims.AddRange(key.Units.Select(u => new Claim(UnitClaim, u)));
        var identity = new ClaimsIdentity(claims, Scheme.Name, ClaimTypes.Name, ClaimTypes.Role);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    /// <summary>401 as problem details (zh + en), not a redirect.</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "ApiKey header=\"" + ApiKeyOptions.HeaderName + "\"";
        await ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "problem.unauthorized");
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await ApiProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, "problem.forbidden");
    }
}
