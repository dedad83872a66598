using SocialCard.Platform.Domain;
using SocialCard.Platform.Jobs;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform.Security;

/// <summary>Queues a one-off notice (not a code) in the SMS outbox, delivered at once by a dispatch job.</summary>
public sealed class SmsNoticeService(PlatformDatabase database, JobQueue jobs, TimeProvider time)
{
    public async Task QueueAsync(string phone, string template, string text, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateDbContext();
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        db.SmsOutbox.Add(new SmsMessage(phone, template, text, template + ":" + Guid.NewGuid().ToString("N"), time.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await jobs.EnqueueAsync(db, JobTypes.SmsDispatch, "{}", null, null, 3, cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
