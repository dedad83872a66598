using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform.Limits;

/// <summary>
/// Counters behind the public limits (SMS sends, look-ups by ID number, status queries), shared by every node: one
/// <c>rate_counters</c> row per scope and subject, incremented with one atomic upsert. A window starts at the first
/// take after the previous one ended. Several limits are taken together in one transaction, all or nothing, so a
/// refused request uses up none of them.
/// </summary>
public sealed class RateCounters(PlatformDatabase database, TimeProvider time)
{
    private const string UpsertSql = """
        INSERT INTO rate_counters (counter_key, hits, window_ends_at) VALUES (@key, 1, @ends)
        ON CONFLICT (counter_key) DO UPDATE SET
            hits = CASE WHEN rate_counters.window_ends_at <= @now THEN 1 ELSE rate_counters.hits + 1 END,
            window_ends_at = CASE WHEN rate_counters.window_ends_at <= @now THEN @ends ELSE rate_counters.window_ends_at END
        RETURNING hits, window_ends_at;
        """;

    /// <summary>Takes a permit from <paramref name="limit"/>.</summary>
    public Task<RateDecision> TryTakeAsync(RateLimit limit, CancellationToken cancellationToken = default) =>
        TryTakeAsync([limit], cancellationToken);

    /// <summary>Takes a permit from every limit, or from none when one of them is used up.</summary>
    public async Task<RateDecision> TryTakeAsync(IReadOnlyList<RateLimit> limits, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(limits);
        await using var db = database.CreateDbContext();
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var decision = await TakeAsync(db, limits, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (decision.Allowed)
        {
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await tx.RollbackAsync(cancellationToken).ConfigureAwait(false);
        }

        return decision;
    }

    /// <summary>
    /// Increments every limit's counter inside <paramref name="db"/>'s open transaction; the caller commits when the
    /// decision allows (together with its own writes) and rolls back otherwise.
    /// </summary>
    internal static async Task<RateDecision> TakeAsync(PlatformDbContext db, IReadOnlyList<RateLimit> limits, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Rate counters are taken inside a transaction.");
        var conn = db.Database.GetDbConnection();
        var keys = new string[limits.Count];
        for (var i = 0; i < limits.Count; i++)
        {
            keys[i] = limits[i].Scope + ":" + Convert.ToHexString(db.LookupHash(limits[i].Subject));
        }

        // Rows are locked in key order, so two requests sharing counters can never wait on each other in a cycle.
        var order = Enumerable.Range(0, limits.Count).OrderBy(i => keys[i], StringComparer.Ordinal).ToArray();
        var refusedIndex = -1;
        var retryAfter = TimeSpan.Zero;
        foreach (var i in order)
        {
            var limit = limits[i];
            var (hits, endsAt) = await IncrementAsync(conn, transaction, keys[i], now, now + limit.Window, cancellationToken)
                .ConfigureAwait(false);
            if (hits > limit.Permits && (refusedIndex < 0 || i < refusedIndex))
            {
                refusedIndex = i;
                retryAfter = endsAt - now;
            }
        }

        return refusedIndex < 0 ? RateDecision.Allow : new RateDecision(false, refusedIndex, retryAfter);
    }

    /// <summary>Deletes counters whose window has ended; returns how many.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var db = database.CreateDbContext();
        return await db.Database.ExecuteSqlAsync($"DELETE FROM rate_counters WHERE window_ends_at <= {now}", cancellationToken)
            .ConfigureAwait(false);
    }

    private static async Task<(long Hits, DateTimeOffset EndsAt)> IncrementAsync(DbConnection conn, DbTransaction transaction, string key,
        DateTimeOffset now, DateTimeOffset endsAt, CancellationToken cancellationToken)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = UpsertSql;
        SchemaMigrator.AddParameter(cmd, "@key", key);
        SchemaMigrator.AddParameter(cmd, "@now", now.ToUnixTimeMilliseconds());
        SchemaMigrator.AddParameter(cmd, "@ends", endsAt.ToUnixTimeMilliseconds());
        await using var reader = await cmd.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException("The counter upsert returned no row.");
        }

        return (reader.GetInt64(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)));
    }
}
