using SocialCard.Platform.Limits;
using SocialCard.Platform.Security;

namespace SocialCard.Platform.Jobs.Handlers;

/// <summary>Deletes the rate counters whose window has ended and the expired sign-in sessions, so the tables hold
/// only the limits and sessions in force.</summary>
public sealed class RateCounterPurgeJobHandler(RateCounters counters, SignInSessions sessions) : IJobHandler
{
    public string Type => JobTypes.RateCounterPurge;

    public async Task HandleAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        await counters.PurgeExpiredAsync(cancellationToken).ConfigureAwait(false);
        await sessions.PurgeExpiredAsync(cancellationToken).ConfigureAwait(false);
    }
}
