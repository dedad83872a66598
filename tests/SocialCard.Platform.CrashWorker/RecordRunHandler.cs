using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Jobs;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform.CrashWorker;

/// <summary>For the two-worker test: writes (job id, worker) into job_runs every time it runs, so a job run twice
/// shows up as two rows.</summary>
internal sealed class RecordRunHandler(PlatformDatabase database) : IJobHandler
{
    public const string JobType = "test.record";

    public string Type => JobType;

    public async Task HandleAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        await using var db = database.CreateDbContext();
        await db.Database.ExecuteSqlAsync($"INSERT INTO job_runs (job_id, worker) VALUES ({job.Id}, {job.WorkerId})", cancellationToken);
    }
}
