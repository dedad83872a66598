namespace SocialCard.Platform.Batches;

/// <summary>The photo engine's verdict on one entry, as returned by a <see cref="BatchPreReview"/> reviewer.</summary>
/// <param name="Passed">True when the photo passed pre-review (预审合格).</param>
/// <param name="Reasons">Why it failed; may also carry warnings when it passed.</param>
public sealed record EntryReview(bool Passed, IReadOnlyList<EntryReviewReason> Reasons)
{
    /// <summary>A pass without remarks.</summary>
    public static EntryReview Pass() => new(true, []);

    /// <summary>A failure with the given reasons (at least one).</summary>
    public static EntryReview Fail(params EntryReviewReason[] reasons)
    {
        ArgumentOutOfRangeException.ThrowIfZero(reasons.Length);
        return new(false, reasons);
    }
}
