namespace SocialCard.Platform.Batches;

/// <summary>
/// Runs pre-review over the accepted entries of a batch (seed 000, 三、1 and 三、3): each photo goes through the photo
/// engine; a failed photo is voided with the engine's reasons; a passed photo whose personal number is not in the card
/// database is voided as unmatched; the rest are ready for the card centre. Entries run in parallel, at most
/// <see cref="Environment.ProcessorCount"/> at a time unless told otherwise.
/// </summary>
/// <remarks>
/// The reviewer and the registry are delegates so the storage layer can bind the real engine and the real lookup
/// without this folder knowing either. A reviewer or registry exception does not void the photo: the entry comes back
/// <see cref="PreReviewDisposition.Faulted"/> so it can be retried. Cancellation is passed through and thrown.
/// </remarks>
public sealed class BatchPreReview
{
    private readonly Func<byte[], string, CancellationToken, Task<EntryReview>> _reviewer;
    private readonly Func<string, CancellationToken, ValueTask<bool>> _isRegistered;
    private readonly TimeProvider _clock;
    private readonly int _maxDegreeOfParallelism;

    /// <summary>Creates the orchestrator.</summary>
    /// <param name="reviewer">Photo engine: (jpeg bytes, file name, token) → verdict.</param>
    /// <param name="isRegistered">Card database lookup: (personal number, token) → known?</param>
    /// <param name="clock">Clock for <see cref="BatchEntryOutcome.ReviewedAt"/>; system clock when null.</param>
    /// <param name="maxDegreeOfParallelism">Entries reviewed at once; <see cref="Environment.ProcessorCount"/> when null.</param>
    public BatchPreReview(
        Func<byte[], string, CancellationToken, Task<EntryReview>> reviewer,
        Func<string, CancellationToken, ValueTask<bool>> isRegistered,
        TimeProvider? clock = null,
        int? maxDegreeOfParallelism = null)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        ArgumentNullException.ThrowIfNull(isRegistered);
        if (maxDegreeOfParallelism is { } degree)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(degree);
        }

        _reviewer = reviewer;
        _isRegistered = isRegistered;
        _clock = clock ?? TimeProvider.System;
        _maxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount;
    }

    /// <summary>Creates the orchestrator with a synchronous registry lookup.</summary>
    public BatchPreReview(
        Func<byte[], string, CancellationToken, Task<EntryReview>> reviewer,
        Func<string, bool> isRegistered,
        TimeProvider? clock = null,
        int? maxDegreeOfParallelism = null)
        : this(reviewer, WrapSync(isRegistered), clock, maxDegreeOfParallelism)
    {
    }

    /// <summary>Entries reviewed at once.</summary>
    public int MaxDegreeOfParallelism => _maxDegreeOfParallelism;

    /// <summary>Reviews <paramref name="entries"/>; outcomes come back in the same order.</summary>
    public async Task<BatchPreReviewResult> RunAsync(IReadOnlyList<BatchPhotoEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var outcomes = new BatchEntryOutcome[entries.Count];
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = _maxDegreeOfParallelism,
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(Enumerable.Range(0, entries.Count), options, async (index, token) =>
        {
            outcomes[index] = await ReviewOneAsync(entries[index], token).ConfigureAwait(false);
        }).ConfigureAwait(false);
        return new BatchPreReviewResult(outcomes);
    }

    /// <summary>Reviews one entry.</summary>
    public async Task<BatchEntryOutcome> ReviewOneAsync(BatchPhotoEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        EntryReview review;
        bool registered;
        try
        {
            review = await _reviewer(entry.Bytes, entry.FileName, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The reviewer returned no verdict.");
            if (!review.Passed)
            {
                return new BatchEntryOutcome(entry, PreReviewDisposition.FailedPreReview, review.Reasons, _clock.GetUtcNow());
            }

            registered = await _isRegistered(entry.PersonalNumber, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A broken engine or database is not a bad photo: report it as a value so the caller retries, not voids.
            EntryReviewReason fault = new(
                BatchEntryOutcome.FaultRuleId,
                "预审过程出错，稍后将重新预审",
                "pre-review failed with an error and will be retried: " + ex.Message);
            return new BatchEntryOutcome(entry, PreReviewDisposition.Faulted, [fault], _clock.GetUtcNow(), ex);
        }

        if (!registered)
        {
            EntryReviewReason unmatched = new(
                BatchEntryOutcome.UnmatchedRuleId,
                "人员编号在制卡数据库中不存在",
                "personal number not found in the card database");
            return new BatchEntryOutcome(entry, PreReviewDisposition.Unmatched, [unmatched, .. review.Reasons], _clock.GetUtcNow());
        }

        return new BatchEntryOutcome(entry, PreReviewDisposition.ReadyForCardCentre, review.Reasons, _clock.GetUtcNow());
    }

    private static Func<string, CancellationToken, ValueTask<bool>> WrapSync(Func<string, bool> isRegistered)
    {
        ArgumentNullException.ThrowIfNull(isRegistered);
        return (number, _) => ValueTask.FromResult(isRegistered(number));
    }
}
