using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform.Security;

/// <summary>Reads the SMS outbox for the demo's outbox page (Development only: it shows the codes).</summary>
public sealed class SmsOutboxQueries(PlatformDatabase database)
{
    /// <summary>The newest <paramref name="count"/> messages, newest first; only those to <paramref name="phone"/> when given.</summary>
    public async Task<IReadOnlyList<SmsOutboxEntry>> LatestAsync(int count, string? phone = null, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateDbContext();
        var query = db.SmsOutbox.AsNoTracking();
        if (phone is not null)
        {
            // The phone is encrypted with a random nonce: compare after decryption, over the newest rows.
            var recent = await query.OrderByDescending(m => m.Id).Take(500).ToListAsync(cancellationToken).ConfigureAwait(false);
            return [.. recent.Where(m => string.Equals(m.Phone, phone.Trim(), StringComparison.Ordinal)).Take(count)
                .Select(m => new SmsOutboxEntry(m.Phone, m.Body, m.CreatedAt))];
        }

        var rows = await query.OrderByDescending(m => m.Id).Take(count).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(m => new SmsOutboxEntry(m.Phone, m.Body, m.CreatedAt))];
    }
}
