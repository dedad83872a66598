using SocialCard.Platform.Drafts;

namespace SocialCard.Platform.Jobs.Handlers;

/// <summary>Deletes wizard drafts nobody has touched for <see cref="ApplicationDraftService.IdleLifetime"/>.</summary>
public sealed class DraftExpiryJobHandler(ApplicationDraftService drafts) : IJobHandler
{
    public string Type => JobTypes.DraftExpiry;

    public Task HandleAsync(ClaimedJob job, CancellationToken cancellationToken) => drafts.DeleteStaleAsync(cancellationToken);
}
