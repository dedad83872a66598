using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Audit;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform.Jobs.Handlers;

/// <summary>Pre-reviews every entry of a unit batch. Each entry is one transaction: the photo row (unique on batch and
/// entry), the card transition and the audit event commit together, and an entry that already has its photo row is
/// skipped, so a job re-run after a crash processes each photo exactly once. Entries run in parallel (the photo engine
/// is CPU-bound and thread-safe), at most <c>maxDegreeOfParallelism</c> at a time (default: one per core). A photo
/// that passes the engine but whose file name matches no person in the registry is voided with
/// "人员编号在制卡数据库中不存在" (seed 000, 三、3). When every entry is done the batch gets its final counts.</summary>
public sealed class BatchPreReviewJobHandler(PlatformDatabase database, IPhotoReviewer reviewer, TimeProvider time,
    int maxDegreeOfParallelism = 0) : IJobHandler
{
    public const string Actor = "system:prereview";

    /// <summary>The finding that voids a passing photo whose personal number is not in the registry.</summary>
    public static readonly PhotoFinding UnmatchedFinding = new(Batches.BatchEntryOutcome.UnmatchedRuleId, FindingOutcome.Fail, null, null,
        "人员编号在制卡数据库中不存在", "The personal number (file name) is not in the card database.");

    private readonly int _parallelism = maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount;

    public string Type => JobTypes.BatchPreReview;

    public async Task HandleAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        var payload = JobJson.Deserialize<BatchPreReviewPayload>(job.Payload);
        List<(long Id, string Name)> entries;
        await using (var db = database.CreateDbContext())
        {
            entries = (await db.BatchEntries.AsNoTracking().Where(e => e.BatchId == payload.BatchId)
                    .Select(e => new { e.Id, e.EntryName }).ToListAsync(cancellationToken).ConfigureAwait(false))
                .Select(e => (e.Id, e.EntryName)).OrderBy(e => e.EntryName, StringComparer.Ordinal).ToList();
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = _parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(entries, options, (e, ct) => new ValueTask(ProcessEntryAsync(payload, e.Id, e.Name, ct)))
            .ConfigureAwait(false);

        await FinishBatchAsync(payload.BatchId, cancellationToken).ConfigureAwait(false);
    }

    private async Task ProcessEntryAsync(BatchPreReviewPayload payload, long entryId, string entryName, CancellationToken ct)
    {
        await using var db = database.CreateDbContext();
        if (await db.Photos.AnyAsync(p => p.BatchId == payload.BatchId && p.EntryName == entryName, ct).ConfigureAwait(false))
        {
            return; // processed by an earlier run
        }

        var entry = await db.BatchEntries.AsNoTracking().SingleAsync(e => e.Id == entryId, ct).ConfigureAwait(false);
        var review = await reviewer.ReviewAsync(entry.Bytes, entry.EntryName, payload.ProfileId, ct).ConfigureAwait(false);
        var now = time.GetUtcNow();

        var person = await db.People.SingleOrDefaultAsync(p => p.PersonalNumber == entry.PersonalNumber, ct).ConfigureAwait(false);
        if (person is null && review.Verdict == PhotoVerdict.Passed)
        {
            // 文件名称在数据库系统不存在的，即使照片合格，也因信息不匹配而作废.
            review = review with { Verdict = PhotoVerdict.Failed, Findings = [UnmatchedFinding, .. review.Findings] };
        }

        var photo = new Photo(PhotoChannel.UnitBatch, entry.EntryName, entry.Bytes, now, person?.Id, payload.BatchId, entry.EntryName);
        photo.RecordReview(review.Verdict, JobJson.Serialize(review.Findings), now, review.FixedBytes);
        db.Photos.Add(photo);
        db.AuditEvents.Add(new AuditEvent(now, Actor, AuditActions.PhotoReviewed, "photo", $"{payload.BatchId}/{entry.EntryName}",
            review.Verdict.ToString()));

        await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            await tx.RollbackAsync(ct).ConfigureAwait(false);
            if (await IsAlreadyProcessedAsync(payload.BatchId, entryName, ct).ConfigureAwait(false))
            {
                return; // another worker finished this entry first
            }

            throw;
        }

        if (person is not null)
        {
            await CardLookup.ApplyReviewAsync(db, person, photo.Id, review, now, Actor, ct).ConfigureAwait(false);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }

        await tx.CommitAsync(ct).ConfigureAwait(false);
    }

    private async Task<bool> IsAlreadyProcessedAsync(long batchId, string entryName, CancellationToken ct)
    {
        await using var db = database.CreateDbContext();
        return await db.Photos.AnyAsync(p => p.BatchId == batchId && p.EntryName == entryName, ct).ConfigureAwait(false);
    }

    private async Task FinishBatchAsync(long batchId, CancellationToken ct)
    {
        await using var db = database.CreateDbContext();
        var batch = await db.Batches.SingleAsync(b => b.Id == batchId, ct).ConfigureAwait(false);
        if (batch.State != BatchState.Received)
        {
            return;
        }

        var verdicts = await db.Photos.Where(p => p.BatchId == batchId).Select(p => p.Verdict).ToListAsync(ct).ConfigureAwait(false);
        var passed = verdicts.Count(v => v == PhotoVerdict.Passed);
        batch.CompleteReview(passed, verdicts.Count - passed, time.GetUtcNow());
        db.AuditEvents.Add(new AuditEvent(time.GetUtcNow(), Actor, AuditActions.BatchReviewed, "batch",
            batchId.ToString(System.Globalization.CultureInfo.InvariantCulture), $"passed={passed}; failed={verdicts.Count - passed}"));
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }
}
