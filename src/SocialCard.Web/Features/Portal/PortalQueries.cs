using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Security;
using SocialCard.Platform.Storage;

namespace SocialCard.Web.Features.Portal;

/// <summary>
/// Read-side queries of the employer portal. Every method takes the signed-in unit's id and filters by it in the
/// query itself: a unit can never read another unit's batches, photos or people, whatever id it puts in a URL.
/// </summary>
public sealed class PortalQueries(PlatformDatabase database)
{
    /// <summary>The unit and all its sub-units (people sit in any of them).</summary>
    public Task<HashSet<long>> UnitTreeAsync(PlatformDbContext db, long unitId, CancellationToken cancellationToken) =>
        UnitTree.IdsAsync(db, unitId, cancellationToken);

    public async Task<BatchDetailView?> BatchAsync(long unitId, long batchId, CancellationToken cancellationToken)
    {
        await using PlatformDbContext db = database.CreateDbContext();
        Batch? batch = await db.Batches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == batchId && b.UnitId == unitId, cancellationToken);
        if (batch is null)
        {
            return null;
        }

        var entries = await db.BatchEntries.AsNoTracking().Where(e => e.BatchId == batchId)
            .Select(e => new { e.EntryName, e.PersonalNumber }).ToListAsync(cancellationToken);
        var photos = await db.Photos.AsNoTracking().Where(p => p.BatchId == batchId)
            .Select(p => new { p.Id, p.EntryName, p.Verdict, p.ReportJson, p.PersonId, HasFixed = p.FixedKey != null })
            .ToListAsync(cancellationToken);
        List<string> numbers = [.. entries.Select(e => e.PersonalNumber).Distinct()];
        HashSet<long> tree = await UnitTreeAsync(db, unitId, cancellationToken);
        var people = await db.People.AsNoTracking()
            .Where(p => numbers.Contains(p.PersonalNumber) && p.UnitId != null && tree.Contains(p.UnitId.Value))
            .Select(p => new { p.PersonalNumber, p.Name }).ToListAsync(cancellationToken);
        var names = people.GroupBy(p => p.PersonalNumber).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        var byEntry = photos.Where(p => p.EntryName != null).ToDictionary(p => p.EntryName!, StringComparer.Ordinal);

        var views = entries.OrderBy(e => e.EntryName, StringComparer.Ordinal).Select(e =>
        {
            names.TryGetValue(e.PersonalNumber, out string? name);
            if (!byEntry.TryGetValue(e.EntryName, out var photo))
            {
                return new BatchEntryView(e.EntryName, e.PersonalNumber, PersonalDataMask.Name(name), name is not null, null, PhotoVerdict.Pending, [], false);
            }

            IReadOnlyList<PhotoFinding> failures = [.. StoredFindings.Parse(photo.ReportJson).Where(f => f.Outcome is FindingOutcome.Fail or FindingOutcome.Warn)];
            return new BatchEntryView(e.EntryName, e.PersonalNumber, PersonalDataMask.Name(name), name is not null, photo.Id, photo.Verdict, failures, photo.HasFixed);
        }).ToList();
        return new BatchDetailView(batch.Id, batch.FileName, batch.State, batch.EntryCount, photos.Count,
            photos.Count(p => p.Verdict == PhotoVerdict.Passed), photos.Count(p => p.Verdict == PhotoVerdict.Failed), batch.ReceivedAt, views);
    }

    /// <summary>(reviewed, total) of a batch of this unit, or null.</summary>
    public async Task<(int Reviewed, int Total, int Passed, int Failed)?> BatchProgressAsync(long unitId, long batchId, CancellationToken cancellationToken)
    {
        await using PlatformDbContext db = database.CreateDbContext();
        var batch = await db.Batches.AsNoTracking().Where(b => b.Id == batchId && b.UnitId == unitId)
            .Select(b => new { b.EntryCount }).SingleOrDefaultAsync(cancellationToken);
        if (batch is null)
        {
            return null;
        }

        var verdicts = await db.Photos.AsNoTracking().Where(p => p.BatchId == batchId).Select(p => p.Verdict).ToListAsync(cancellationToken);
        return (verdicts.Count, batch.EntryCount, verdicts.Count(v => v == PhotoVerdict.Passed), verdicts.Count(v => v == PhotoVerdict.Failed));
    }

    /// <summary>Bytes of a photo the unit may see: one of its batches', or of one of its people. Fixed = the engine's fix.</summary>
    public async Task<byte[]?> PhotoBytesAsync(long unitId, long photoId, bool fixedVersion, CancellationToken cancellationToken)
    {
        await using PlatformDbContext db = database.CreateDbContext();
        var photo = await db.Photos.AsNoTracking().Where(p => p.Id == photoId)
            .Select(p => new { p.BatchId, p.PersonId }).SingleOrDefaultAsync(cancellationToken);
        if (photo is null || !await OwnsAsync(db, unitId, photo.BatchId, photo.PersonId, cancellationToken))
        {
            return null;
        }

        string? key = await db.Photos.AsNoTracking().Where(p => p.Id == photoId)
            .Select(p => fixedVersion ? p.FixedKey : p.OriginalKey).SingleAsync(cancellationToken);
        return await db.ReadFileAsync(key, cancellationToken);
    }

    /// <summary>A photo of the unit with its file name and person number (for the fix page), or null.</summary>
    public async Task<(string FileName, string PersonalNumber, byte[] Original)?> PhotoForFixAsync(long unitId, long photoId, CancellationToken cancellationToken)
    {
        await using PlatformDbContext db = database.CreateDbContext();
        var photo = await db.Photos.AsNoTracking().Where(p => p.Id == photoId)
            .Select(p => new { p.BatchId, p.PersonId, p.FileName, p.OriginalKey }).SingleOrDefaultAsync(cancellationToken);
        if (photo is null || !await OwnsAsync(db, unitId, photo.BatchId, photo.PersonId, cancellationToken)
            || await db.ReadFileAsync(photo.OriginalKey, cancellationToken) is not { } original)
        {
            return null;
        }

        string number = Path.GetFileNameWithoutExtension(Path.GetFileName(photo.FileName));
        return (Path.GetFileName(photo.FileName), number, original);
    }

    /// <summary>The findings the pre-review stored on a photo of the unit (empty when it is not the unit's).</summary>
    public async Task<IReadOnlyList<PhotoFinding>> PhotoFindingsAsync(long unitId, long photoId, CancellationToken cancellationToken)
    {
        await using PlatformDbContext db = database.CreateDbContext();
        var photo = await db.Photos.AsNoTracking().Where(p => p.Id == photoId)
            .Select(p => new { p.BatchId, p.PersonId, p.ReportJson }).SingleOrDefaultAsync(cancellationToken);
        return photo is null || !await OwnsAsync(db, unitId, photo.BatchId, photo.PersonId, cancellationToken) ? [] : StoredFindings.Parse(photo.ReportJson);
    }

    /// <summary>True when the personal number belongs to one of the unit's people (unit or sub-unit).</summary>
    public async Task<bool> HasPersonAsync(long unitId, string personalNumber, CancellationToken cancellationToken)
    {
        await using PlatformDbContext db = database.CreateDbContext();
        HashSet<long> tree = await UnitTreeAsync(db, unitId, cancellationToken);
        return await db.People.AsNoTracking().AnyAsync(p => p.PersonalNumber == personalNumber && p.UnitId != null && tree.Contains(p.UnitId.Value), cancellationToken);
    }

    /// <summary>The unit's people with their newest card, searched by personal-number prefix or name.</summary>
    public async Task<PagedList<PersonCardView>> PeopleAsync(long unitId, string? search, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using PlatformDbContext db = database.CreateDbContext();
        HashSet<long> tree = await UnitTreeAsync(db, unitId, cancellationToken);
        IQueryable<Person> query = db.People.AsNoTracking().Where(p => p.UnitId != null && tree.Contains(p.UnitId.Value));
        if (!string.IsNullOrWhiteSpace(search))
        {
            string s = search.Trim();

            // Names are encrypted at rest: the unit's own people are matched in memory (a unit's staff, not the registry).
            var candidates = await query.Select(p => new { p.Id, p.PersonalNumber, p.Name }).ToListAsync(cancellationToken);
            List<long> matching = [.. candidates
                .Where(p => p.PersonalNumber.StartsWith(s, StringComparison.Ordinal) || p.Name.Contains(s, StringComparison.Ordinal))
                .Select(p => p.Id)];
            query = query.Where(p => matching.Contains(p.Id));
        }

        int total = await query.CountAsync(cancellationToken);
        int pages = Math.Max(1, (total + pageSize - 1) / pageSize);
        int current = Math.Clamp(page, 1, pages);
        List<Person> people = await query.OrderBy(p => p.PersonalNumber).Skip((current - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        List<long> ids = [.. people.Select(p => p.Id)];
        var cards = await db.CardRecords.AsNoTracking().Where(c => ids.Contains(c.PersonId))
            .Select(c => new { c.Id, c.PersonId, c.State, c.Reason, c.ProducedOn, c.ReadyForPickupOn }).ToListAsync(cancellationToken);
        var newest = cards.GroupBy(c => c.PersonId).ToDictionary(g => g.Key, g => g.MaxBy(c => c.Id)!);
        List<PersonCardView> rows = [.. people.Select(p =>
        {
            newest.TryGetValue(p.Id, out var c);
            return new PersonCardView(p.Id, p.PersonalNumber, PersonalDataMask.Name(p.Name), PersonalDataMask.IdNumber(p.IdNumber),
                c?.State, c?.Reason, c?.ProducedOn, c?.ReadyForPickupOn);
        })];
        return new PagedList<PersonCardView>(rows, current, pageSize, total);
    }

    /// <summary>Personal numbers of the unit whose newest unit-batch photo passed (they are off the failure list).</summary>
    public async Task<HashSet<string>> NumbersWithNewerPassAsync(long unitId, CancellationToken cancellationToken)
    {
        await using PlatformDbContext db = database.CreateDbContext();
        var rows = await (from p in db.Photos.AsNoTracking()
                          join b in db.Batches on p.BatchId equals b.Id
                          where b.UnitId == unitId
                          select new { p.Id, p.FileName, p.Verdict }).ToListAsync(cancellationToken);
        return [.. rows.GroupBy(r => Path.GetFileNameWithoutExtension(Path.GetFileName(r.FileName)), StringComparer.Ordinal)
            .Where(g => g.MaxBy(r => r.Id)!.Verdict == PhotoVerdict.Passed).Select(g => g.Key)];
    }

    private async Task<bool> OwnsAsync(PlatformDbContext db, long unitId, long? batchId, long? personId, CancellationToken cancellationToken)
    {
        if (batchId is { } b && await db.Batches.AsNoTracking().AnyAsync(x => x.Id == b && x.UnitId == unitId, cancellationToken))
        {
            return true;
        }

        if (personId is { } pid)
        {
            HashSet<long> tree = await UnitTreeAsync(db, unitId, cancellationToken);
            return await db.People.AsNoTracking().AnyAsync(p => p.Id == pid && p.UnitId != null && tree.Contains(p.UnitId.Value), cancellationToken);
        }

        return false;
    }
}
