using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform.Jobs.Handlers;

/// <summary>Moves produced cards whose pickup date (production + 30 days) has come to ready-for-pickup and queues one
/// reminder SMS per card in the outbox (dedup key "pickup:{card id}", so re-runs never send twice).</summary>
public sealed class PickupReminderJobHandler(PlatformDatabase database, TimeProvider time) : IJobHandler
{
    public const string Actor = "system:pickup";
    public const string Template = "card.pickup";
    private const int Chunk = 200;

    public string Type => JobTypes.PickupReminders;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            var now = time.GetUtcNow();
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            await using var db = database.CreateDbContext();
            var due = await db.CardRecords.Include(c => c.Person)
                .Where(c => c.State == CardState.Produced && c.ReadyForPickupOn <= today)
                .OrderBy(c => c.Id).Take(Chunk).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (due.Count == 0)
            {
                return total;
            }

            foreach (var card in due)
            {
                card.MarkReadyForPickup(today, now, Actor);
                var key = "pickup:" + card.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (card.Person?.Phone is { } phone &&
                    !await db.SmsOutbox.AnyAsync(m => m.DedupKey == key, cancellationToken).ConfigureAwait(false))
                {
                    db.SmsOutbox.Add(new SmsMessage(phone, Template,
                        $"【社保卡】{card.Person.Name}您好，您的社会保障卡已于{card.ProducedOn:yyyy年M月d日}制成，请于{card.ReadyForPickupOn:yyyy年M月d日}后携带有效身份证件领取。",
                        key, now));
                }
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            total += due.Count;
        }
    }

    public Task HandleAsync(ClaimedJob job, CancellationToken cancellationToken) => RunAsync(cancellationToken);
}
