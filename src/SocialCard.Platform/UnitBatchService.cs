using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Audit;
using SocialCard.Platform.Batches;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Jobs;
using SocialCard.Platform.Jobs.Handlers;
using SocialCard.Platform.Reports;
using SocialCard.Platform.Security;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform;

/// <summary>Unit photo batches: receive a zip (checked by <see cref="UnitPackageIntake"/>, then against the photos on
/// file), store its photos and queue
/// the pre-review job in one transaction; report progress and the failure list (照片预审不合格人员名单).</summary>
public sealed class UnitBatchService(PlatformDatabase database, JobQueue queue, TimeProvider time, UnitPackageIntake? intake = null)
{
    private readonly UnitPackageIntake _intake = intake ?? new UnitPackageIntake();

    /// <param name="reviewDelay">How long the queued pre-review job waits before a worker may take it: a caller that
    /// reviews the batch itself right away (<see cref="BatchPreReviewJobHandler.ReviewBatchAsync"/>) leaves the job as
    /// the safety net for a crash in between instead of racing it. Default: no wait.</param>
    public async Task<BatchReceipt> ReceiveAsync(string unitCode, string operatorName, string fileName, Stream zip, string profileId,
        TimeSpan? reviewDelay = null, CancellationToken cancellationToken = default)
    {
        var result = await _intake.ReadAsync(zip, unitCode, cancellationToken).ConfigureAwait(false);
        return await ReceiveAsync(result, operatorName, fileName, profileId, reviewDelay, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>As the overload with a zip, for a package the caller has already read with <see cref="UnitPackageIntake"/>
    /// (the web checks the photos while the unit waits and does not read the package twice). The batch goes to the unit
    /// the package was checked against (<see cref="BatchIntakeResult.UnitCode"/>).</summary>
    public async Task<BatchReceipt> ReceiveAsync(BatchIntakeResult result, string operatorName, string fileName, string profileId,
        TimeSpan? reviewDelay = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        var unitCode = result.UnitCode;
        await using var db = database.CreateDbContext();
        if (!result.IsPackageRefused)
        {
            result = await RefusePhotosOnFileForOthersAsync(db, result, cancellationToken).ConfigureAwait(false);
        }

        if (result.IsPackageRefused || result.Accepted.Count == 0)
        {
            return new BatchReceipt(null, null, 0, true, result.Refusals, result.Notes);
        }

        var unit = await db.Units.SingleOrDefaultAsync(u => u.Code == unitCode, cancellationToken).ConfigureAwait(false)
            ?? throw new SocialCardDomainException($"单位 {unitCode} 不存在。", $"Unit {unitCode} does not exist.");
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var batch = new Batch(unit.Id, operatorName, fileName, result.Accepted.Count, now);
        db.Batches.Add(batch);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        foreach (var e in result.Accepted)
        {
            db.BatchEntries.Add(new BatchEntry(batch.Id, e.EntryName, e.PersonalNumber, e.Bytes));
        }

        db.AuditEvents.Add(new AuditEvent(now, "unit:" + unitCode, AuditActions.BatchReceived, "batch",
            batch.Id.ToString(CultureInfo.InvariantCulture), $"file={fileName}; accepted={result.Accepted.Count}; refused={result.EntryRefusals.Count()}"));
        var payload = JsonSerializer.Serialize(new BatchPreReviewPayload(batch.Id, profileId), JobJson.Options);
        var jobId = await queue.EnqueueAsync(db, JobTypes.BatchPreReview, payload, reviewDelay is { } delay ? now + delay : null, "batch:" + batch.Id.ToString(CultureInfo.InvariantCulture),
            8, cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new BatchReceipt(batch.Id, jobId, result.Accepted.Count, false, result.Refusals, result.Notes);
    }

    /// <summary>
    /// A photo whose exact bytes are already on file for another person (any unit, any channel) is refused: one file
    /// cannot be two people's likeness, and refusing it here lets the unit send the right photo at once instead of a
    /// card waiting on centre staff (or printed with someone else's face). The same person sending the same file again
    /// passes on to the pre-review. Compared by the keyed content hash; the reason names no other person or unit.
    /// </summary>
    private async Task<BatchIntakeResult> RefusePhotosOnFileForOthersAsync(PlatformDbContext db, BatchIntakeResult result, CancellationToken ct)
    {
        var refusals = new List<BatchRefusal>();
        var accepted = new List<BatchPhotoEntry>(result.Accepted.Count);
        foreach (var entry in result.Accepted)
        {
            var hash = database.Protector.ContentHash(entry.Bytes);
            if (await IsOnFileForAnotherAsync(db, hash, entry.PersonalNumber, ct).ConfigureAwait(false))
            {
                refusals.Add(BatchRefusalMessages.PhotoOnFileForAnother(entry.EntryName));
            }
            else
            {
                accepted.Add(entry);
            }
        }

        return refusals.Count == 0 ? result
            : new BatchIntakeResult(result.UnitCode, accepted, [.. result.Refusals, .. refusals], result.Notes, result.EntryCount, result.UncompressedBytesRead);
    }

    /// <summary>True when a photo with this keyed content hash is on file for someone other than <paramref name="personalNumber"/>.</summary>
    internal static Task<bool> IsOnFileForAnotherAsync(PlatformDbContext db, byte[] hash, string personalNumber, CancellationToken ct) =>
        (from p in db.Photos.AsNoTracking()
         join person in db.People on p.PersonId equals person.Id
         where p.ContentHash == hash && person.PersonalNumber != personalNumber
         select p.Id).AnyAsync(ct);

    /// <summary>The unit's batches, newest first (only its own).</summary>
    public async Task<IReadOnlyList<BatchStatusView>> ListAsync(long unitId, int take = 50, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateDbContext();
        var batches = await db.Batches.AsNoTracking().Where(b => b.UnitId == unitId).OrderByDescending(b => b.Id).Take(take)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var ids = batches.Select(b => b.Id).ToList();
        var reviewed = await db.Photos.Where(p => p.BatchId != null && ids.Contains(p.BatchId.Value)).GroupBy(p => p.BatchId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken).ConfigureAwait(false);
        return batches.Select(b => new BatchStatusView(b.Id, b.FileName, b.Operator, b.State, b.EntryCount, reviewed.GetValueOrDefault(b.Id),
            b.PassedCount, b.FailedCount, b.ReceivedAt, b.ReviewedAt)).ToList();
    }

    /// <summary>Failure list rows for the unit (names masked), optionally for one batch; feeds
    /// <see cref="PreReviewFailureReport"/>.</summary>
    public async Task<IReadOnlyList<PreReviewFailureRow>> FailureListAsync(long unitId, long? batchId = null, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateDbContext();
        var query = from p in db.Photos.AsNoTracking()
                    join b in db.Batches on p.BatchId equals b.Id
                    where b.UnitId == unitId && p.Verdict == PhotoVerdict.Failed && (batchId == null || b.Id == batchId)
                    join person in db.People on p.PersonId equals person.Id into ps
                    from person in ps.DefaultIfEmpty()
                    orderby p.Id
                    select new { p.FileName, p.EntryName, p.ReportJson, p.ReceivedAt, Name = person == null ? null : person.Name, b.Id };
        var rows = await query.ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(r =>
        {
            var findings = r.ReportJson is null ? [] : JsonSerializer.Deserialize<List<PhotoFinding>>(r.ReportJson, JobJson.Options) ?? [];
            var number = Path.GetFileNameWithoutExtension(r.FileName);
            return new PreReviewFailureRow(number, r.Name is null ? string.Empty : PersonalDataMask.Name(r.Name), Path.GetFileName(r.FileName),
                r.Name is null ? "人员编号不匹配" : PreReviewFailureReport.ResultFailed,
                PreReviewFailureReport.JoinReasons(findings.Where(f => f.Outcome == FindingOutcome.Fail).Select(f => f.Zh)),
                PreReviewFailureReport.DefaultAdvice, r.ReceivedAt);
        }).ToList();
    }
}
