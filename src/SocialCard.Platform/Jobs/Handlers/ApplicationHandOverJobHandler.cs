using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Audit;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform.Jobs.Handlers;

/// <summary>Locks and hands over every submitted application whose 24-hour edit window has ended. Idempotent: an
/// application already handed over is no longer selected. Works in chunks so one run never holds a huge transaction.</summary>
public sealed class ApplicationHandOverJobHandler(PlatformDatabase database, TimeProvider time) : IJobHandler
{
    public const string Actor = "system:handover";
    private const int Chunk = 200;

    public string Type => JobTypes.ApplicationHandOver;

    /// <summary>Number handed over, for callers that run it directly.</summary>
    public async Task<int> HandOverDueAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            var now = time.GetUtcNow();
            await using var db = database.CreateDbContext();
            var due = await db.Applications
                .Where(a => a.State == ApplicationState.Submitted && a.EditableUntil <= now)
                .OrderBy(a => a.Id).Take(Chunk).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (due.Count == 0)
            {
                return total;
            }

            foreach (var a in due)
            {
                a.HandOver(now);
                db.AuditEvents.Add(new AuditEvent(now, Actor, AuditActions.ApplicationHandedOver, "application",
                    a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            total += due.Count;
        }
    }

    public Task HandleAsync(ClaimedJob job, CancellationToken cancellationToken) => HandOverDueAsync(cancellationToken);
}
