using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform.Jobs.Handlers;

/// <summary>Drains pending outbox rows through <see cref="ISmsGateway"/>, marking each sent or failed as it goes. A
/// gateway exception stops the run (the job retries with backoff); rows already marked are not sent again.</summary>
public sealed class SmsDispatchJobHandler(PlatformDatabase database, ISmsGateway gateway, TimeProvider time) : IJobHandler
{
    private const int Chunk = 100;

    public string Type => JobTypes.SmsDispatch;

    public async Task<int> DispatchAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        while (true)
        {
            await using var db = database.CreateDbContext();
            var pending = await db.SmsOutbox.Where(m => m.State == SmsState.Pending).OrderBy(m => m.Id).Take(Chunk)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            if (pending.Count == 0)
            {
                return sent;
            }

            foreach (var m in pending)
            {
                if (await gateway.SendAsync(m.Phone, m.Body, cancellationToken).ConfigureAwait(false))
                {
                    m.MarkSent(time.GetUtcNow());
                    sent++;
                }
                else
                {
                    m.MarkFailed();
                }

                // One row at a time: a crash after the gateway call can resend at most this one message.
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public Task HandleAsync(ClaimedJob job, CancellationToken cancellationToken) => DispatchAsync(cancellationToken);
}
