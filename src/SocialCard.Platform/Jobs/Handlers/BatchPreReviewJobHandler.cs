using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Audit;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Security;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform.Jobs.Handlers;

/// <summary>Pre-reviews every entry of a unit batch, in chunks of <see cref="ChunkSize"/> entries: the chunk's photos are
/// reviewed in parallel (the photo engine is CPU-bound and thread-safe), at most <c>maxDegreeOfParallelism</c> at a
/// time (default: one per core), then the chunk's photo rows (unique on batch and entry), card transitions and audit
/// events commit in one transaction. Entries that already have their photo row are skipped, so a job re-run after a
/// crash processes each photo exactly once and keeps the chunks committed before the crash; a chunk that collides with
/// another worker falls back to one transaction per entry. A photo that passes the engine but whose file name matches
/// no person of the batch's unit tree (the unit and its sub-units) is voided with "人员编号在制卡数据库中不存在" (seed 000, 三、3). When every entry is done
/// the batch gets its final counts. The web runs <see cref="ReviewBatchAsync"/> right after receiving a package (with
/// the reports it computed while the unit waited), so the job usually finds the batch already reviewed. With a
/// <see cref="SameFaceService"/> that compares faces, each photo that did not fail keeps its sealed face descriptor, and one
/// whose face matches a photo on file for another person waits for centre review (<see cref="SameFaceCheck"/>).</summary>
public sealed class BatchPreReviewJobHandler(PlatformDatabase database, IPhotoCheckPort reviewer, TimeProvider time,
    int maxDegreeOfParallelism = 0, SameFaceService? faces = null) : IJobHandler
{
    public const string Actor = "system:prereview";

    /// <summary>Entries per transaction.</summary>
    public const int ChunkSize = 10;

    /// <summary>The finding that voids a passing photo whose personal number is not in the registry.</summary>
    public static readonly PhotoFinding UnmatchedFinding = new(Batches.BatchEntryOutcome.UnmatchedRuleId, FindingOutcome.Fail, null, null,
        "人员编号在制卡数据库中不存在", "The personal number (file name) is not in the card database.");

    private readonly int _parallelism = maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount;

    public string Type => JobTypes.BatchPreReview;

    public Task HandleAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var payload = JobJson.Deserialize<BatchPreReviewPayload>(job.Payload);
        return ReviewBatchAsync(payload.BatchId, payload.ProfileId, cancellationToken);
    }

    /// <summary>Reviews the batch's entries that have no photo row yet and completes the batch; does nothing for a batch
    /// that is already reviewed. Safe to run concurrently with the job (each entry is stored once).</summary>
    public async Task ReviewBatchAsync(long batchId, string profileId, CancellationToken cancellationToken)
    {
        List<(long Id, string Name)> pending;
        await using (var db = database.CreateDbContext())
        {
            var state = await db.Batches.AsNoTracking().Where(b => b.Id == batchId).Select(b => (BatchState?)b.State)
                .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (state != BatchState.Received)
            {
                return; // reviewed already, or no such batch
            }

            var done = await db.Photos.AsNoTracking().Where(p => p.BatchId == batchId).Select(p => p.EntryName!)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var doneSet = done.ToHashSet(StringComparer.Ordinal);
            pending = (await db.BatchEntries.AsNoTracking().Where(e => e.BatchId == batchId)
                    .Select(e => new { e.Id, e.EntryName }).ToListAsync(cancellationToken).ConfigureAwait(false))
                .Where(e => !doneSet.Contains(e.EntryName))
                .Select(e => (e.Id, e.EntryName)).OrderBy(e => e.EntryName, StringComparer.Ordinal).ToList();
        }

        foreach (var chunk in pending.Chunk(ChunkSize))
        {
            await ProcessChunkAsync(batchId, profileId, chunk, cancellationToken).ConfigureAwait(false);
        }

        await FinishBatchAsync(batchId, cancellationToken).ConfigureAwait(false);
    }

    private async Task ProcessChunkAsync(long batchId, string profileId, (long Id, string Name)[] chunk, CancellationToken ct)
    {
        var ids = chunk.Select(e => e.Id).ToList();
        List<BatchEntry> entries;
        byte[][] bytes;
        await using (var read = database.CreateDbContext())
        {
            entries = await read.BatchEntries.AsNoTracking().Where(e => ids.Contains(e.Id)).ToListAsync(ct).ConfigureAwait(false);
            entries.Sort((a, b) => StringComparer.Ordinal.Compare(a.EntryName, b.EntryName));
            bytes = new byte[entries.Count][];
            for (var i = 0; i < entries.Count; i++)
            {
                bytes[i] = await read.ReadFileAsync(entries[i].BytesKey, ct).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"The file of batch entry {entries[i].Id} is missing from the file store.");
            }
        }

        var reviews = new PhotoReview[entries.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = _parallelism, CancellationToken = ct };
        var descriptors = new float[]?[entries.Count];
        await Parallel.ForAsync(0, entries.Count, options, async (i, token) =>
        {
            reviews[i] = await reviewer.ReviewAsync(bytes[i], entries[i].EntryName, profileId, token).ConfigureAwait(false);
            descriptors[i] = faces?.Describe(bytes[i], reviews[i].Verdict);
        }).ConfigureAwait(false);

        try
        {
            await StoreAsync(batchId, entries, bytes, reviews, descriptors, ct).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Another worker stored some of these entries first: store the rest one by one, skipping those.
            for (var i = 0; i < entries.Count; i++)
            {
                if (!await IsAlreadyProcessedAsync(batchId, entries[i].EntryName, ct).ConfigureAwait(false))
                {
                    try
                    {
                        await StoreAsync(batchId, [entries[i]], [bytes[i]], [reviews[i]], [descriptors[i]], ct).ConfigureAwait(false);
                    }
                    catch (DbUpdateException)
                    {
                        if (!await IsAlreadyProcessedAsync(batchId, entries[i].EntryName, ct).ConfigureAwait(false))
                        {
                            throw;
                        }

                        // Stored by the other worker in between.
                    }
                }
            }
        }
    }

    /// <summary>Photo rows, audit events and card transitions of <paramref name="entries"/> in one transaction.</summary>
    private async Task StoreAsync(long batchId, List<BatchEntry> entries, byte[][] bytes, PhotoReview[] reviews, float[]?[] descriptors, CancellationToken ct)
    {
        await using var db = database.CreateDbContext();
        var numbers = entries.Select(e => e.PersonalNumber).Distinct(StringComparer.Ordinal).ToList();
        var unitId = await db.Batches.AsNoTracking().Where(b => b.Id == batchId).Select(b => b.UnitId).SingleAsync(ct).ConfigureAwait(false);
        var reach = await UnitTree.IdsAsync(db, unitId, ct).ConfigureAwait(false);

        // Only the people of the batch's own unit tree: another unit's person is, for this batch, as unknown as a number
        // that is in no registry (never linked, never moved, same reason), so the answer reveals nothing about them.
        var people = await db.People.Where(p => numbers.Contains(p.PersonalNumber) && p.UnitId != null && reach.Contains(p.UnitId.Value))
            .ToDictionaryAsync(p => p.PersonalNumber, StringComparer.Ordinal, ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var sameFace = await SameFaceService.LoadAsync(db, descriptors, ct).ConfigureAwait(false);
        var stored = new List<(Person Person, Photo Photo, PhotoReview Review)>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var review = reviews[i];
            var person = people.GetValueOrDefault(entry.PersonalNumber);
            if (person is null && review.Verdict != PhotoVerdict.Failed)
            {
                // 文件名称在数据库系统不存在的，即使照片合格，也因信息不匹配而作废.
                review = review with { Verdict = PhotoVerdict.Failed, Findings = [UnmatchedFinding, .. review.Findings] };
            }

            if (person is not null && descriptors[i] is { } descriptor && sameFace is not null)
            {
                if (sameFace.MatchesAnother(person.Id, descriptor))
                {
                    review = SameFaceCheck.ToReview(review);
                }

                sameFace.Add(person.Id, descriptor);
            }

            var photo = new Photo(PhotoChannel.UnitBatch, entry.EntryName, bytes[i], now, person?.Id, batchId, entry.EntryName);
            if (person is not null && descriptors[i] is { } kept)
            {
                photo.FaceDescriptor = FaceDescriptorText.Format(kept);
            }

            photo.RecordReview(review.Verdict, JobJson.Serialize(review.Findings), now, review.FixedBytes);
            db.Photos.Add(photo);
            db.AuditEvents.Add(new AuditEvent(now, Actor, AuditActions.PhotoReviewed, "photo", $"{batchId}/{entry.EntryName}",
                review.Verdict.ToString()));
            if (person is not null)
            {
                stored.Add((person, photo, review));
            }
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        if (stored.Count > 0)
        {
            var cards = await CardLookup.OpenCardsAsync(db, [.. stored.Select(s => s.Person.Id)], ct).ConfigureAwait(false);
            foreach (var (person, photo, review) in stored)
            {
                CardLookup.ApplyReview(db, person, cards.GetValueOrDefault(person.Id), photo.Id, review, now, Actor);
            }

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
        var review = verdicts.Count(v => v == PhotoVerdict.NeedsReview);

        // The batch counts passed against not passed; photos waiting for a look by centre staff are not passed yet.
        batch.CompleteReview(passed, verdicts.Count - passed, time.GetUtcNow());
        db.AuditEvents.Add(new AuditEvent(time.GetUtcNow(), Actor, AuditActions.BatchReviewed, "batch",
            batchId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"passed={passed}; failed={verdicts.Count - passed - review}; review={review}"));
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }
}
