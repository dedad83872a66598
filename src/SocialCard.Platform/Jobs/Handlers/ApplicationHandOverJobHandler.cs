using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Audit;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Files;
using SocialCard.Platform.Reports;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform.Jobs.Handlers;

/// <summary>Locks and hands over every submitted application whose 24-hour edit window has ended, with an audit event
/// each and the file for the social insurance bureau (<see cref="ApplicationHandOverReport"/>) in the file store under
/// <c>handover/{yyyyMMdd}/</c>. Idempotent: an application already handed over is no longer selected; the file of a
/// chunk is written before the chunk commits and named by its first and last application, so a run that crashed in
/// between writes the same file again. Works in chunks so one run never holds a huge transaction.</summary>
public sealed class ApplicationHandOverJobHandler(PlatformDatabase database, IFileStore files, TimeProvider time) : IJobHandler
{
    public const string Folder = "handover/";

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
            var due = await db.Applications.Include(a => a.Person)
                .Where(a => a.State == ApplicationState.Submitted && a.EditableUntil <= now)
                .OrderBy(a => a.Id).Take(Chunk).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (due.Count == 0)
            {
                return total;
            }

            var key = string.Create(CultureInfo.InvariantCulture,
                $"{Folder}{now.ToOffset(TimeSpan.FromHours(8)):yyyyMMdd}/handover-{due[0].Id}-{due[^1].Id}.csv");
            var rows = due.Select(a => new ApplicationHandOverRow(a.Id, a.Person?.Name ?? string.Empty, a.Person?.IdType.ToString() ?? string.Empty,
                a.Person?.IdNumber ?? string.Empty, a.Person?.SocialSecurityNumber, a.Person?.PersonalNumber ?? string.Empty,
                a.BankCode, a.BankBranch, a.SubmittedAt, now));
            await files.PutAsync(key, ApplicationHandOverReport.ToCsv(rows), cancellationToken).ConfigureAwait(false);

            foreach (var a in due)
            {
                a.HandOver(now);
                db.AuditEvents.Add(new AuditEvent(now, Actor, AuditActions.ApplicationHandedOver, "application",
                    a.Id.ToString(CultureInfo.InvariantCulture), "file=" + key));
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            total += due.Count;
        }
    }

    public Task HandleAsync(ClaimedJob job, CancellationToken cancellationToken) => HandOverDueAsync(cancellationToken);
}
