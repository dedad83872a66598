namespace SocialCard.Platform.Batches;

/// <summary>Pre-review outcomes of a batch, in the order of the entries given.</summary>
public sealed class BatchPreReviewResult
{
    internal BatchPreReviewResult(IReadOnlyList<BatchEntryOutcome> outcomes)
    {
        Outcomes = outcomes;
    }

    /// <summary>One outcome per entry, same order as the input.</summary>
    public IReadOnlyList<BatchEntryOutcome> Outcomes { get; }

    /// <summary>Entries to send to the card centre.</summary>
    public IEnumerable<BatchEntryOutcome> ReadyForCardCentre => Of(PreReviewDisposition.ReadyForCardCentre);

    /// <summary>Entries that failed pre-review.</summary>
    public IEnumerable<BatchEntryOutcome> FailedPreReview => Of(PreReviewDisposition.FailedPreReview);

    /// <summary>Entries that passed but whose personal number is unknown to the card database.</summary>
    public IEnumerable<BatchEntryOutcome> Unmatched => Of(PreReviewDisposition.Unmatched);

    /// <summary>Entries where the reviewer or registry threw.</summary>
    public IEnumerable<BatchEntryOutcome> Faulted => Of(PreReviewDisposition.Faulted);

    /// <summary>Number of outcomes with <paramref name="disposition"/>.</summary>
    public int Count(PreReviewDisposition disposition) => Outcomes.Count(o => o.Disposition == disposition);

    private IEnumerable<BatchEntryOutcome> Of(PreReviewDisposition disposition) =>
        Outcomes.Where(o => o.Disposition == disposition);
}
