using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform.Jobs.Handlers;

/// <summary>
/// Deletes the record files no row refers to: the old file of an image replaced inside a caller's transaction, or a file
/// written just before a crash kept its row from committing. Only the record folders (<see cref="Folders"/>) are swept,
/// and only files older than the grace period: a file a running transaction has just written and may be about to refer
/// to is younger than that. The store is listed before the rows are read, so a row committed meanwhile still protects its
/// file. A recurring job (<see cref="RecurringJobs"/>): enqueued once per slot, so one node runs it.
/// </summary>
public sealed class OrphanFileSweepJobHandler(PlatformDatabase database, TimeProvider time, TimeSpan? grace = null,
    ILogger<OrphanFileSweepJobHandler>? logger = null) : IJobHandler
{
    /// <summary>How old an unreferenced file must be before it goes.</summary>
    public static readonly TimeSpan DefaultGrace = TimeSpan.FromHours(24);

    /// <summary>The folders of the rows' files (<see cref="Domain.IFileBacked.FileFolder"/>).</summary>
    public static IReadOnlyList<string> Folders { get; } = ["photos/", "applications/", "batch-entries/"];

    private readonly TimeSpan _grace = grace ?? DefaultGrace;

    public string Type => JobTypes.OrphanFileSweep;

    public async Task HandleAsync(ClaimedJob job, CancellationToken cancellationToken) =>
        await SweepAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Deletes the unreferenced files older than the grace period; returns how many went.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - _grace;
        var old = new List<string>();
        foreach (var folder in Folders)
        {
            old.AddRange((await database.Files.ListAsync(folder, cancellationToken).ConfigureAwait(false))
                .Where(f => f.LastModified < cutoff).Select(f => f.Key));
        }

        if (old.Count == 0)
        {
            return 0;
        }

        await using var db = database.CreateDbContext();
        var referenced = await ReferencedKeysAsync(db, cancellationToken).ConfigureAwait(false);
        var orphans = old.Where(k => !referenced.Contains(k)).ToList();
        if (orphans.Count == 0)
        {
            return 0;
        }

        await db.DeleteFilesAsync(orphans, cancellationToken).ConfigureAwait(false);
        PlatformLog.OrphanFilesSwept(logger ?? (ILogger)NullLogger.Instance, orphans.Count, _grace);
        return orphans.Count;
    }

    /// <summary>Every file key a row holds now.</summary>
    private static async Task<HashSet<string>> ReferencedKeysAsync(PlatformDbContext db, CancellationToken ct)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        void Add(IEnumerable<string?> found)
        {
            foreach (var key in found)
            {
                if (key is not null)
                {
                    keys.Add(key);
                }
            }
        }

        Add((await db.Photos.AsNoTracking().Select(p => new { p.OriginalKey, p.FixedKey }).ToListAsync(ct).ConfigureAwait(false))
            .SelectMany(p => new[] { p.OriginalKey, p.FixedKey }));
        Add((await db.Applications.AsNoTracking().Select(a => new { a.IdFrontKey, a.IdBackKey, a.DraftPhotoKey, a.DraftPhotoOriginalKey })
                .ToListAsync(ct).ConfigureAwait(false))
            .SelectMany(a => new[] { a.IdFrontKey, a.IdBackKey, a.DraftPhotoKey, a.DraftPhotoOriginalKey }));
        Add(await db.BatchEntries.AsNoTracking().Select(e => e.BytesKey).ToListAsync(ct).ConfigureAwait(false));
        return keys;
    }
}
