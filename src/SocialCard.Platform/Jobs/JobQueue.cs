using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform.Jobs;

/// <summary>The durable queue over the jobs table. Claiming is one atomic statement: on PostgreSQL the candidate row is
/// picked with FOR UPDATE SKIP LOCKED, so concurrent workers never take the same row and never wait on each other; on
/// SQLite the single UPDATE … RETURNING runs under the database write lock. A running job whose lease has expired
/// (its worker died) is claimable again.</summary>
public sealed class JobQueue(PlatformDatabase database, TimeProvider time, JobQueueOptions? options = null)
{
    private const int MaxErrorLength = 4000;
    private readonly JobQueueOptions _options = options ?? new JobQueueOptions();

    public JobQueueOptions Options => _options;

    /// <summary>Adds a job; with a <paramref name="dedupKey"/> that already exists nothing is added and null returned.</summary>
    public async Task<long?> EnqueueAsync(string type, string payload, DateTimeOffset? runAfter = null, string? dedupKey = null,
        int maxAttempts = 8, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateDbContext();
        return await EnqueueAsync(db, type, payload, runAfter, dedupKey, maxAttempts, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds a job inside the caller's context (commits with the caller's other changes).</summary>
    public async Task<long?> EnqueueAsync(PlatformDbContext db, string type, string payload, DateTimeOffset? runAfter, string? dedupKey,
        int maxAttempts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (dedupKey is not null && await db.Jobs.AnyAsync(j => j.DedupKey == dedupKey, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var now = time.GetUtcNow();
        var job = new Job(type, payload, now, runAfter ?? now, maxAttempts, dedupKey);
        db.Jobs.Add(job);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException) when (dedupKey is not null)
        {
            db.Entry(job).State = EntityState.Detached;
            return null;
        }

        return job.Id;
    }

    /// <summary>Takes the next due job for <paramref name="workerId"/> with a lease of <paramref name="lease"/>, or null.</summary>
    public async Task<ClaimedJob?> ClaimAsync(string workerId, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var db = database.CreateDbContext();
        var sql = $"""
            UPDATE jobs SET state = '{JobStateNames.Running}', locked_by = @worker, locked_until = @until, attempts = attempts + 1
            WHERE id = (
                SELECT id FROM jobs
                WHERE (state = '{JobStateNames.Queued}' AND run_after <= @now)
                   OR (state = '{JobStateNames.Running}' AND locked_until < @now)
                ORDER BY run_after, id
                LIMIT 1{(db.IsPostgreSql ? " FOR UPDATE SKIP LOCKED" : string.Empty)})
            RETURNING id, type, payload, attempts, max_attempts;
            """;
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        SchemaMigrator.AddParameter(cmd, "@worker", workerId);
        SchemaMigrator.AddParameter(cmd, "@until", (now + lease).ToUnixTimeMilliseconds());
        SchemaMigrator.AddParameter(cmd, "@now", now.ToUnixTimeMilliseconds());
        await using var r = await cmd.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellationToken).ConfigureAwait(false);
        if (!await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new ClaimedJob(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetInt32(4), workerId);
    }

    /// <summary>Extends the lease; false when the worker no longer holds the job.</summary>
    public Task<bool> ExtendLeaseAsync(ClaimedJob job, TimeSpan lease, CancellationToken cancellationToken = default) =>
        UpdateAsync(job, $"UPDATE jobs SET locked_until = @until WHERE id = @id AND locked_by = @worker AND state = '{JobStateNames.Running}'",
            cmd => SchemaMigrator.AddParameter(cmd, "@until", (time.GetUtcNow() + lease).ToUnixTimeMilliseconds()), cancellationToken);

    /// <summary>Marks the job done; false when the lease had been lost (another worker may have it now).</summary>
    public Task<bool> CompleteAsync(ClaimedJob job, CancellationToken cancellationToken = default) =>
        UpdateAsync(job,
            $"UPDATE jobs SET state = '{JobStateNames.Succeeded}', completed_at = @now, locked_by = NULL, locked_until = NULL WHERE id = @id AND locked_by = @worker AND state = '{JobStateNames.Running}'",
            cmd => SchemaMigrator.AddParameter(cmd, "@now", time.GetUtcNow().ToUnixTimeMilliseconds()), cancellationToken);

    /// <summary>Records a failure: re-queued with exponential backoff, or dead after the last attempt.</summary>
    public Task<bool> FailAsync(ClaimedJob job, string error, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var dead = job.Attempt >= job.MaxAttempts;
        var runAfter = now + _options.Backoff(job.Attempt);
        var state = dead ? JobStateNames.Dead : JobStateNames.Queued;
        return UpdateAsync(job,
            $"UPDATE jobs SET state = '{state}', run_after = @runAfter, last_error = @error, locked_by = NULL, locked_until = NULL, completed_at = @completed WHERE id = @id AND locked_by = @worker AND state = '{JobStateNames.Running}'",
            cmd =>
            {
                SchemaMigrator.AddParameter(cmd, "@runAfter", runAfter.ToUnixTimeMilliseconds());
                SchemaMigrator.AddParameter(cmd, "@error", error.Length > MaxErrorLength ? error[..MaxErrorLength] : error);
                SchemaMigrator.AddParameter(cmd, "@completed", dead ? now.ToUnixTimeMilliseconds() : null);
            },
            cancellationToken);
    }

    /// <summary>Deletes succeeded and dead jobs finished before <paramref name="olderThan"/>; returns the count.</summary>
    public async Task<int> PurgeFinishedAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateDbContext();
        return await db.Jobs.Where(j => (j.State == JobState.Succeeded || j.State == JobState.Dead) && j.CompletedAt < olderThan)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> UpdateAsync(ClaimedJob job, string sql, Action<DbCommand> addParameters, CancellationToken ct)
    {
        await using var db = database.CreateDbContext();
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync(ct).ConfigureAwait(false);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        SchemaMigrator.AddParameter(cmd, "@id", job.Id);
        SchemaMigrator.AddParameter(cmd, "@worker", job.WorkerId);
        addParameters(cmd);
        return await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
    }
}
