using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Audit;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Exchange;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform.Jobs.Handlers;

/// <summary>Exports every card whose photo passed pre-review to the card centre (fixed bytes when the engine fixed the
/// photo, else the original) and moves those cards to sent-to-card-centre. A card held for an applicant's application
/// goes once the application has been handed over: inside its 24-hour window the applicant may still change it. The package is written first under a
/// name derived from the job id; the state change commits afterwards, so a crash in between re-exports the same
/// package name with the same cards. A unit batch whose passed photos have all been exported moves to
/// <see cref="BatchState.SentToCardCentre"/> in the same save.</summary>
public sealed class CardCentreExportJobHandler(PlatformDatabase database, ICardCentreExportSink sink, TimeProvider time) : IJobHandler
{
    public const string Actor = "system:export";
    private const int MaxPerPackage = 500;

    public string Type => JobTypes.CardCentreExport;

    public async Task HandleAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        await ExportAsync("export-" + job.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Returns the number of cards exported.</summary>
    public async Task<int> ExportAsync(string packageName, CancellationToken cancellationToken)
    {
        await using var db = database.CreateDbContext();
        var cards = await db.CardRecords.Include(c => c.Person).ThenInclude(p => p!.Unit)
            .Where(c => c.State == CardState.PhotoPassed && c.PhotoId != null
                && (c.ApplicationId == null || db.Applications.Any(a => a.Id == c.ApplicationId && a.State == ApplicationState.HandedOver)))
            .OrderBy(c => c.Id).Take(MaxPerPackage).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (cards.Count == 0)
        {
            return 0;
        }

        await db.Units.LoadAsync(cancellationToken).ConfigureAwait(false); // parents, for the top unit code
        var photoIds = cards.Select(c => c.PhotoId!.Value).ToList();
        var photoRows = await db.Photos.AsNoTracking().Where(p => photoIds.Contains(p.Id))
            .Select(p => new { p.Id, Key = p.FixedKey ?? p.OriginalKey, p.ReviewedAt, p.ReceivedAt })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var photos = new Dictionary<long, (byte[] Bytes, DateTimeOffset? ReviewedAt, DateTimeOffset ReceivedAt)>(photoRows.Count);
        foreach (var row in photoRows)
        {
            if (await db.ReadFileAsync(row.Key, cancellationToken).ConfigureAwait(false) is { } bytes)
            {
                photos[row.Id] = (bytes, row.ReviewedAt, row.ReceivedAt);
            }
        }

        var exported = cards.Where(c => photos.ContainsKey(c.PhotoId!.Value)).ToList();
        if (exported.Count == 0)
        {
            return 0;
        }

        var items = exported.Select(c =>
        {
            var p = photos[c.PhotoId!.Value];
            return new CardCentreExportPhoto(c.PersonalNumber, c.Person?.Name ?? string.Empty, TopUnitCode(c.Person?.Unit), p.Bytes, p.ReviewedAt ?? p.ReceivedAt);
        }).ToList();
        var now = time.GetUtcNow();
        await sink.WriteAsync(packageName, items, now, cancellationToken).ConfigureAwait(false);

        foreach (var c in exported)
        {
            c.SendToCardCentre(now, Actor);
        }

        db.AuditEvents.Add(new AuditEvent(now, Actor, AuditActions.CardCentreExported, "package", packageName, $"cards={items.Count}"));
        await MarkBatchesSentAsync(db, exported.Select(c => c.PhotoId!.Value).ToList(), now, cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return items.Count;
    }

    /// <summary>A reviewed unit batch moves to sent-to-card-centre once none of its passed photos is still waiting for
    /// export (a batch larger than one package goes with its last package). Does not save.</summary>
    private static async Task MarkBatchesSentAsync(PlatformDbContext db, List<long> exportedPhotoIds, DateTimeOffset now, CancellationToken ct)
    {
        var batchIds = await db.Photos.AsNoTracking().Where(p => exportedPhotoIds.Contains(p.Id) && p.BatchId != null)
            .Select(p => p.BatchId!.Value).Distinct().ToListAsync(ct).ConfigureAwait(false);
        if (batchIds.Count == 0)
        {
            return;
        }

        var batches = await db.Batches.Where(b => batchIds.Contains(b.Id) && b.State == BatchState.Reviewed).ToListAsync(ct).ConfigureAwait(false);
        foreach (var batch in batches)
        {
            // Cards exported now are still PhotoPassed in the database until this save: leave them out.
            var waiting = await (from c in db.CardRecords
                                 join p in db.Photos on c.PhotoId equals p.Id
                                 where p.BatchId == batch.Id && c.State == CardState.PhotoPassed && !exportedPhotoIds.Contains(p.Id)
                                 select c.Id).AnyAsync(ct).ConfigureAwait(false);
            if (!waiting)
            {
                batch.MarkSent();
                db.AuditEvents.Add(new AuditEvent(now, Actor, AuditActions.BatchSent, "batch",
                    batch.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"passed={batch.PassedCount}"));
            }
        }
    }

    private static string TopUnitCode(Unit? unit)
    {
        while (unit?.Parent is not null)
        {
            unit = unit.Parent;
        }

        return unit?.Code ?? string.Empty;
    }
}
