using SocialCard.Platform.Batches;

namespace SocialCard.Web.Features.Portal;

/// <summary>What an upload did: the stored batch (checked while the unit waited) or the refusals.</summary>
public sealed record UploadOutcome(long? BatchId, int Accepted, long CheckMilliseconds, IReadOnlyList<BatchRefusal> Refusals)
{
    public bool Succeeded => BatchId is not null;
}
