using SocialCard.Platform.Batches;

namespace SocialCard.Platform;

/// <summary>What <see cref="UnitBatchService.ReceiveAsync"/> did with a zip: the stored batch and its pre-review job, or
/// the package refusal. Entry refusals are listed either way (the unit fixes them and uploads again).</summary>
public sealed record BatchReceipt(
    long? BatchId,
    long? JobId,
    int AcceptedCount,
    bool IsRefused,
    IReadOnlyList<BatchRefusal> Refusals,
    IReadOnlyList<BatchIntakeNote> Notes);
