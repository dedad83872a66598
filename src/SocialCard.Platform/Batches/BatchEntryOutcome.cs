namespace SocialCard.Platform.Batches;

/// <summary>The pre-review outcome of one accepted batch entry.</summary>
/// <param name="Entry">The entry reviewed.</param>
/// <param name="Disposition">What to do with it.</param>
/// <param name="Reasons">
/// For <see cref="PreReviewDisposition.FailedPreReview"/> the engine's reasons; for
/// <see cref="PreReviewDisposition.Unmatched"/> one <c>registry.unmatched</c> reason; for
/// <see cref="PreReviewDisposition.Faulted"/> one <c>review.fault</c> reason; otherwise the engine's remarks (usually none).
/// </param>
/// <param name="ReviewedAt">When the verdict was reached.</param>
/// <param name="Fault">The exception for <see cref="PreReviewDisposition.Faulted"/>, else null.</param>
public sealed record BatchEntryOutcome(
    BatchPhotoEntry Entry,
    PreReviewDisposition Disposition,
    IReadOnlyList<EntryReviewReason> Reasons,
    DateTimeOffset ReviewedAt,
    Exception? Fault = null)
{
    /// <summary>Rule id of the reason given for an unmatched personal number.</summary>
    public const string UnmatchedRuleId = "registry.unmatched";

    /// <summary>Rule id of the reason given when the reviewer or registry threw.</summary>
    public const string FaultRuleId = "review.fault";

    /// <summary>True when the entry is voided (failed pre-review or unmatched).</summary>
    public bool IsVoided => Disposition is PreReviewDisposition.FailedPreReview or PreReviewDisposition.Unmatched;
}
