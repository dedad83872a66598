using System.Diagnostics;
using System.Threading.RateLimiting;
using SocialCard.Platform.Limits;

namespace SocialCard.Web.Hosting;

/// <summary>
/// An ASP.NET Core rate limiter for one partition (policy and client address) whose count lives in the Platform's
/// <see cref="RateCounters"/>: every node of the site shares it and a restart does not reset it. It holds no count
/// itself; the middleware drops it when idle. Only the asynchronous path can ask the database, so an attempt without
/// waiting is always refused and the middleware then takes the asynchronous one.
/// </summary>
public sealed class CounterRateLimiter(RateCounters counters, RateLimit limit) : RateLimiter
{
    private static readonly RateLimitLease Refused = new Lease(false, null);
    private readonly long _created = Stopwatch.GetTimestamp();

    public override TimeSpan? IdleDuration => Stopwatch.GetElapsedTime(_created);

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Refused;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        RateDecision decision = await counters.TryTakeAsync(limit, cancellationToken).ConfigureAwait(false);
        return new Lease(decision.Allowed, decision.Allowed ? null : decision.RetryAfter);
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (retryAfter is { } retry && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = retry;
                return true;
            }

            metadata = null;
            return false;
        }
    }
}
