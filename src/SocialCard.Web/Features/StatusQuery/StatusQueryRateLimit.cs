using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace SocialCard.Web.Features.StatusQuery;

/// <summary>
/// The "status-query" rate-limit policy: a fixed window per client address on the query posts (the empty form is
/// free). Rejections use the host's 429 handler.
/// </summary>
public static class StatusQueryRateLimit
{
    public const string PolicyName = "status-query";

    public static IServiceCollection AddStatusQueryRateLimit(this IServiceCollection services)
    {
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<StatusQueryOptions>>((limiter, query) =>
        {
            StatusQueryOptions settings = query.Value;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PolicyName, context =>
                HttpMethods.IsPost(context.Request.Method)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = Math.Max(1, settings.PermitsPerWindow),
                            Window = settings.Window,
                            QueueLimit = 0,
                        })
                    : RateLimitPartition.GetNoLimiter("read"));
        });
        return services;
    }
}
