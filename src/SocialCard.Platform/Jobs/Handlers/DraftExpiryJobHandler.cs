using SocialCard.Platform.Changes;
using SocialCard.Platform.Drafts;

namespace SocialCard.Platform.Jobs.Handlers;

/// <summary>Deletes wizard drafts nobody has touched for <see cref="ApplicationDraftService.IdleLifetime"/> and expired
/// sessions of the change page.</summary>
public sealed class DraftExpiryJobHandler(ApplicationDraftService drafts, ChangeSessionService changeSessions) : IJobHandler
{
    public string Type => JobTypes.DraftExpiry;

    public async Task HandleAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        await drafts.DeleteStaleAsync(cancellationToken).ConfigureAwait(false);
        await changeSessions.DeleteExpiredAsync(cancellationToken).ConfigureAwait(false);
    }
}
