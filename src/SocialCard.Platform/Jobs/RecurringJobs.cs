using System.Globalization;

namespace SocialCard.Platform.Jobs;

/// <summary>The periodic jobs. A host timer calls <see cref="EnqueueDueAsync"/> as often as it likes: each job is
/// enqueued once per time slot (dedup key "type@slot-start"), however many nodes call it.</summary>
public static class RecurringJobs
{
    public static IReadOnlyList<(string Type, TimeSpan Every)> Schedule { get; } =
    [
        (JobTypes.ApplicationHandOver, TimeSpan.FromMinutes(5)),
        (JobTypes.PickupReminders, TimeSpan.FromHours(1)),
        (JobTypes.CardCentreExport, TimeSpan.FromHours(1)),
        (JobTypes.SmsDispatch, TimeSpan.FromMinutes(1)),
        (JobTypes.RateCounterPurge, TimeSpan.FromHours(1)),
        (JobTypes.DraftExpiry, TimeSpan.FromMinutes(15)),
        (JobTypes.OrphanFileSweep, TimeSpan.FromHours(6)),
    ];

    /// <summary>Returns how many jobs were added (0 when this slot was already enqueued).</summary>
    public static async Task<int> EnqueueDueAsync(JobQueue queue, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queue);
        var added = 0;
        foreach (var (type, every) in Schedule)
        {
            var slot = now.ToUnixTimeMilliseconds() / (long)every.TotalMilliseconds * (long)every.TotalMilliseconds;
            var key = type + "@" + slot.ToString(CultureInfo.InvariantCulture);
            if (await queue.EnqueueAsync(type, "{}", null, key, 3, cancellationToken).ConfigureAwait(false) is not null)
            {
                added++;
            }
        }

        return added;
    }
}
