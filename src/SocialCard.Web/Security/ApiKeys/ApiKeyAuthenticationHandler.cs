using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using SocialCard.Platform.Limits;
using SocialCard.Web.Hosting;

namespace SocialCard.Web.Security.ApiKeys;

/// <summary>Authenticates machine callers by the <c>X-Api-Key</c> header against <see cref="ApiKeyStore"/>. Wrong keys
/// are counted per client address in the database (<see cref="RateCounters"/>, shared by every node): past
/// <see cref="SecurityOptions.FailedApiKeyPermits"/> the caller gets 429 with Retry-After instead of 401.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyStore store,
    RateCounters counters,
    IOptions<SecurityOptions> security) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string UnitClaim = "sc:api-unit";

    private const string FailedKeyScope = "api-key-failures";

    private TimeSpan? _throttledFor;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        AuthenticateResult result = Authenticate();
        if (result.Failure is not null)
        {
            SecurityOptions limits = security.Value;
            string address = Context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            RateDecision decision = await counters.TryTakeAsync(
                new RateLimit(FailedKeyScope, address, limits.FailedApiKeyPermits, limits.FailedApiKeyWindow), Context.RequestAborted).ConfigureAwait(false);
            _throttledFor = decision.Allowed ? null : decision.RetryAfter;
        }

        return result;
    }

    private AuthenticateResult Authenticate()
    {
        if (!Request.Headers.TryGetValue(ApiKeyOptions.HeaderName, out var values) || values.Count == 0)
        {
            return AuthenticateResult.NoResult();
        }

        ApiKeyDefinition? key = store.Find(values[0] ?? string.Empty);
        if (key is null)
        {
            return AuthenticateResult.Fail("Unknown API key.");
        }

        var claims = new List<Claim> { new(SocialCardClaims.ApiKeyName, key.Name), new(ClaimTypes.Name, key.Name) };
        claims.AddRange(key.Units.Select(u => new Claim(UnitClaim, u)));
        var identity = new ClaimsIdentity(claims, Scheme.Name, ClaimTypes.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    /// <summary>401 as problem details (zh + en), not a redirect.</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (_throttledFor is { } retry)
        {
            Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await ApiProblems.WriteAsync(Context, StatusCodes.Status429TooManyRequests, "problem.ratelimited");
            return;
        }

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
