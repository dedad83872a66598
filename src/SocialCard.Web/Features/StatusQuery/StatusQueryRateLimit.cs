using SocialCard.Web.Hosting;

namespace SocialCard.Web.Features.StatusQuery;

/// <summary>
/// The "status-query" rate-limit policy: a fixed window per client address on the query posts (the empty form is
/// free). Rejections use the host's 429 handler.
/// </summary>
public static class StatusQueryRateLimit
{
    public const string PolicyName = "status-query";

    public static IServiceCollection AddStatusQueryRateLimit(this IServiceCollection services) =>
        services.AddPerAddressPostRateLimit<StatusQueryOptions>(PolicyName, o => (o.PermitsPerWindow, o.Window));
}
