using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Audit;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Security;
using SocialCard.Platform.Storage;
using SocialCard.Web.Features.Portal;

namespace SocialCard.Web.Features.Console;

/// <summary>Read-side queries of the centre console (staff see every unit; names and ID numbers stay masked).</summary>
public sealed class ConsoleQueries(PlatformDatabase database, TimeProvider time)
{
    public async Task<PagedList<QueueItem>> QueueAsync(string filter, string? unitCode, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using PlatformDbContext db = database.CreateDbContext();
        var query = from p in db.Photos.AsNoTracking()
                    join b in db.Batches on p.BatchId equals b.Id
                    join u in db.Units on b.UnitId equals u.Id
                    select new { p.Id, p.BatchId, u.Code, p.FileName, p.Verdict, p.ReportJson, p.ReceivedAt, p.PersonId };
        if (filter != "all")
        {
            // A person's newer photo (an accepted fix, a re-submission) replaces the older one: only the newest is
            // still waiting for a decision.
            query = query.Where(x => x.PersonId == null || !db.Photos.Any(n => n.PersonId == x.PersonId && n.Id > x.Id));
        }

        query = filter switch
        {
            "passed" => query.Where(x => x.Verdict == PhotoVerdict.Passed),
            "all" => query,
            "review" => query.Where(x => x.Verdict == PhotoVerdict.NeedsReview),
            _ => query.Where(x => x.Verdict == PhotoVerdict.Failed || x.Verdict == PhotoVerdict.NeedsReview),
        };
        if (!string.IsNullOrWhiteSpace(unitCode))
        {
            string code = unitCode.Trim();
            query = query.Where(x => x.Code == code);
        }

        int total = await query.CountAsync(cancellationToken);
        int pages = Math.Max(1, (total + pageSize - 1) / pageSize);
        int current = Math.Clamp(page, 1, pages);
        var rows = await query.OrderByDescending(x => x.Id).Skip((current - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        List<long> personIds = [.. rows.Where(r => r.PersonId != null).Select(r => r.PersonId!.Value).Distinct()];
        var names = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var cards = await db.CardRecords.AsNoTracking().Where(c => personIds.Contains(c.PersonId)).Select(c => new { c.Id, c.PersonId, c.State }).ToListAsync(cancellationToken);
        var newest = cards.GroupBy(c => c.PersonId).ToDictionary(g => g.Key, g => g.MaxBy(c => c.Id)!.State);
        List<QueueItem> items = [.. rows.Select(r => new QueueItem(
            r.Id, r.BatchId, r.Code, Path.GetFileName(r.FileName), Path.GetFileNameWithoutExtension(Path.GetFileName(r.FileName)),
            r.PersonId is { } pid && names.TryGetValue(pid, out string? n) ? PersonalDataMask.Name(n) : "",
            r.Verdict,
            [.. StoredFindings.Parse(r.ReportJson).Where(f => f.Outcome is FindingOutcome.Fail or FindingOutcome.Warn)],
            r.ReceivedAt,
            r.PersonId is { } p2 && newest.TryGetValue(p2, out CardState s) ? s : null) { PersonKnown = r.PersonId is not null })];
        return new PagedList<QueueItem>(items, current, pageSize, total);
    }

    public async Task<byte[]?> PhotoBytesAsync(long photoId, CancellationToken cancellationToken)
    {
        await using PlatformDbContext db = database.CreateDbContext();
        string? key = await db.Photos.AsNoTracking().Where(p => p.Id == photoId).Select(p => p.OriginalKey).SingleOrDefaultAsync(cancellationToken);
        return await db.ReadFileAsync(key, cancellationToken);
    }

    public async Task<int> ReadyToSendAsync(CancellationToken cancellationToken)
    {
        await using PlatformDbContext db = database.CreateDbContext();
        return await db.CardRecords.CountAsync(c => c.State == CardState.PhotoPassed && c.PhotoId != null, cancellationToken);
    }

    /// <summary>Per day (China time, last 14 days) and per unit: batches received, photos passed and failed; cards by state.</summary>
    public async Task<StatsView> StatsAsync(CancellationToken cancellationToken)
    {
        await using PlatformDbContext db = database.CreateDbContext();
        DateTimeOffset since = time.GetUtcNow().AddDays(-14);
        var batches = await (from b in db.Batches.AsNoTracking()
                             join u in db.Units on b.UnitId equals u.Id
                             select new { b.Id, u.Code, b.ReceivedAt }).ToListAsync(cancellationToken);
        var photos = await (from p in db.Photos.AsNoTracking()
                            join b in db.Batches on p.BatchId equals b.Id
                            join u in db.Units on b.UnitId equals u.Id
                            select new { u.Code, p.Verdict, p.ReceivedAt }).ToListAsync(cancellationToken);
        static string Day(DateTimeOffset t) => t.ToOffset(PortalFormat.ChinaOffset).ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        DateTimeOffset today = time.GetUtcNow();
        List<StatsRow> perDay = [.. Enumerable.Range(0, 14).Select(i => today.AddDays(i - 13)).Select(d => Day(d)).Select(label => new StatsRow(
            label,
            batches.Count(b => b.ReceivedAt >= since && Day(b.ReceivedAt) == label),
            photos.Count(p => p.ReceivedAt >= since && Day(p.ReceivedAt) == label && p.Verdict == PhotoVerdict.Passed),
            photos.Count(p => p.ReceivedAt >= since && Day(p.ReceivedAt) == label && p.Verdict == PhotoVerdict.Failed)))];
        List<StatsRow> perUnit = [.. batches.Select(b => b.Code).Distinct().Order(StringComparer.Ordinal).Select(code => new StatsRow(
            code,
            batches.Count(b => b.Code == code),
            photos.Count(p => p.Code == code && p.Verdict == PhotoVerdict.Passed),
            photos.Count(p => p.Code == code && p.Verdict == PhotoVerdict.Failed)))];
        var cards = await db.CardRecords.AsNoTracking().GroupBy(c => c.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return new StatsView(perDay, perUnit, [.. cards.OrderBy(c => c.Key).Select(c => (c.Key, c.Count))]);
    }

    public async Task<PagedList<AuditEvent>> AuditAsync(string? actor, string? action, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using PlatformDbContext db = database.CreateDbContext();
        IQueryable<AuditEvent> query = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(actor))
        {
            string a = actor.Trim();
            query = query.Where(e => e.Actor.Contains(a));
        }

        if (!string.IsNullOrWhiteSpace(action))
        {
            string a = action.Trim();
            query = query.Where(e => e.Action.StartsWith(a));
        }

        int total = await query.CountAsync(cancellationToken);
        int pages = Math.Max(1, (total + pageSize - 1) / pageSize);
        int current = Math.Clamp(page, 1, pages);
        List<AuditEvent> rows = await query.OrderByDescending(e => e.Id).Skip((current - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new PagedList<AuditEvent>(rows, current, pageSize, total);
    }
}
