using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace SocialCard.Web.Hosting;

/// <summary>
/// A rate-limit policy that counts the posts of one client address in a fixed window (reading the forms is free) and
/// rejects the rest with 429: the shape the public look-ups use, so none of them can be used to walk through ID
/// numbers. The permits and window come from the feature's options.
/// </summary>
public static class PerAddressPostRateLimit
{
    public static IServiceCollection AddPerAddressPostRateLimit<TOptions>(
        this IServiceCollection services, string policyName, Func<TOptions, (int Permits, TimeSpan Window)> limits)
        where TOptions : class
    {
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<TOptions>>((limiter, options) =>
        {
            (int permits, TimeSpan window) = limits(options.Value);
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(policyName, context =>
                HttpMethods.IsPost(context.Request.Method)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = Math.Max(1, permits),
                            Window = window,
                            QueueLimit = 0,
                        })
                    : RateLimitPartition.GetNoLimiter("read"));
        });
        return services;
    }
}
