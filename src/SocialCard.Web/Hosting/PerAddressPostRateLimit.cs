using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using SocialCard.Platform.Limits;

namespace SocialCard.Web.Hosting;

/// <summary>
/// A rate-limit policy that counts the posts of one client address in a window (reading the forms is free) and
/// rejects the rest with 429: the shape the public look-ups use, so none of them can be used to walk through ID
/// numbers. The permits and window come from the feature's options; the counts live in the database
/// (<see cref="RateCounters"/>), shared by every node.
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
            {
                if (!HttpMethods.IsPost(context.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("read");
                }

                string address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                RateCounters counters = context.RequestServices.GetRequiredService<RateCounters>();
                return RateLimitPartition.Get(address,
                    key => new CounterRateLimiter(counters, new RateLimit(policyName, key, Math.Max(1, permits), window)));
            });
        });
        return services;
    }
}
