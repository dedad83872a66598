using SocialCard.Platform.Limits;

namespace SocialCard.Platform.Jobs.Handlers;

/// <summary>Deletes the rate counters whose window has ended, so the table holds only the limits in force.</summary>
public sealed class RateCounterPurgeJobHandler(RateCounters counters) : IJobHandler
{
    public string Type => JobTypes.RateCounterPurge;

    public Task HandleAsync(ClaimedJob job, CancellationToken cancellationToken) => counters.PurgeExpiredAsync(cancellationToken);
}
