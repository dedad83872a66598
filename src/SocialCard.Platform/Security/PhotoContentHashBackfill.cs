using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform.Security;

/// <summary>
/// Gives photos stored before the content-hash column (<see cref="Photo.ContentHash"/>, schema step 12) their keyed
/// hash, so they are compared with later uploads like every other photo. Runs at start-up after the schema steps, in
/// batches that each commit: idempotent (only rows without a hash are read; the hash of given bytes is always the same,
/// so nodes running it at once write equal values) and resumable (a stop leaves the rest for the next start).
/// </summary>
public static class PhotoContentHashBackfill
{
    public const int DefaultBatchSize = 200;

    /// <summary>Hashes every photo still without a hash; returns how many were hashed.</summary>
    public static Task<int> RunAsync(PlatformDatabase database, CancellationToken cancellationToken = default) =>
        RunAsync(database, DefaultBatchSize, int.MaxValue, cancellationToken);

    /// <summary>At most <paramref name="maxBatches"/> batches of <paramref name="batchSize"/> photos, each committed.</summary>
    public static async Task<int> RunAsync(PlatformDatabase database, int batchSize, int maxBatches, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var hashed = 0;
        long last = 0;
        for (var batch = 0; batch < maxBatches; batch++)
        {
            await using var db = database.CreateDbContext();
            var photos = await db.Photos
                .Where(p => p.ContentHash == null && p.Id > last)
                .OrderBy(p => p.Id)
                .Take(batchSize)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            if (photos.Count == 0)
            {
                break;
            }

            foreach (var photo in photos)
            {
                if (await db.ReadFileAsync(photo.OriginalKey, cancellationToken).ConfigureAwait(false) is { } original)
                {
                    photo.ContentHash = db.Protector.ContentHash(original);
                }

                last = photo.Id;
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            hashed += photos.Count;
        }

        return hashed;
    }
}
