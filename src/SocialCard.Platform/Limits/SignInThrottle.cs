using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform.Limits;

/// <summary>
/// Progressive delay for password sign-in, kept in the <c>rate_counters</c> table so every node and every restart
/// sees the same counts. Three counters per attempt: the login from this address, the login from anywhere and this
/// address for any login. Each counts failed attempts; once a counter is past its free failures, the next attempt
/// must wait a delay that doubles with every further failure, up to its cap. No lock: the right password from another
/// address is held up only by the login's own (larger) allowance, and a success takes its attempt back.
/// The counters are keyed by the login text as typed, so an unknown login is counted and delayed exactly like a known
/// one. An attempt is counted before the password is checked, in one transaction with the wait check, so parallel
/// attempts cannot slip past the delay. A row's window ends <see cref="SignInThrottlePolicy.Forget"/> after its last
/// counted attempt: then the counts are forgotten and the purge job removes it.
/// </summary>
public sealed class SignInThrottle(PlatformDatabase database, TimeProvider time, SignInThrottlePolicy policy)
{
    private const string LockSql = """
        INSERT INTO rate_counters (counter_key, hits, window_ends_at) VALUES (@key, 0, @now)
        ON CONFLICT (counter_key) DO UPDATE SET hits = rate_counters.hits
        RETURNING hits, window_ends_at;
        """;

    private const string UpdateSql = "UPDATE rate_counters SET hits = @hits, window_ends_at = @ends WHERE counter_key = @key;";

    private const string TakeBackSql = "UPDATE rate_counters SET hits = hits - 1 WHERE counter_key = @key AND hits > 0;";

    private const string DeleteSql = "DELETE FROM rate_counters WHERE counter_key = @key;";

    /// <summary>
    /// Counts an attempt of <paramref name="login"/> from <paramref name="address"/> unless one of its counters still
    /// asks to wait; then nothing is counted and the answer says how long.
    /// </summary>
    public async Task<RateDecision> TryBeginAsync(string login, string address, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var db = database.CreateDbContext();
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var conn = db.Database.GetDbConnection();
        var transaction = tx.GetDbTransaction();
        var counters = Counters(db, login, address);
        var hits = new long[counters.Length];
        var wait = TimeSpan.Zero;
        var refusedIndex = -1;
        for (var i = 0; i < counters.Length; i++)
        {
            var (count, endsAt) = await LockAsync(conn, transaction, counters[i].Key, now, cancellationToken).ConfigureAwait(false);
            hits[i] = endsAt <= now ? 0 : count;
            var lastAttempt = endsAt - policy.Forget;
            var nextAllowed = lastAttempt + counters[i].Rule.DelayAfter(hits[i]);
            if (nextAllowed - now > wait)
            {
                wait = nextAllowed - now;
                refusedIndex = i;
            }
        }

        if (refusedIndex >= 0)
        {
            await tx.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return new RateDecision(false, refusedIndex, wait);
        }

        for (var i = 0; i < counters.Length; i++)
        {
            await ExecuteAsync(conn, transaction, UpdateSql, counters[i].Key, cancellationToken,
                ("@hits", hits[i] + 1), ("@ends", (now + policy.Forget).ToUnixTimeMilliseconds())).ConfigureAwait(false);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return RateDecision.Allow;
    }

    /// <summary>
    /// The attempt begun by <see cref="TryBeginAsync"/> had the right password: it is not a failure. The login's
    /// counter from this address starts again; the others give back the attempt.
    /// </summary>
    public async Task SucceededAsync(string login, string address, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateDbContext();
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var conn = db.Database.GetDbConnection();
        var transaction = tx.GetDbTransaction();
        foreach (var counter in Counters(db, login, address))
        {
            await ExecuteAsync(conn, transaction, counter.StartsAgainOnSuccess ? DeleteSql : TakeBackSql, counter.Key, cancellationToken)
                .ConfigureAwait(false);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The three counters of an attempt, in key order (rows are locked in that order: no lock cycles).</summary>
    private (string Key, SignInThrottleRule Rule, bool StartsAgainOnSuccess)[] Counters(PlatformDbContext db, string login, string address)
    {
        var account = login.Trim().ToUpperInvariant();
        (string Key, SignInThrottleRule Rule, bool StartsAgainOnSuccess)[] counters =
        [
            (Key(db, "signin.login-address", account + "\n" + address), policy.LoginFromAddress, true),
            (Key(db, "signin.login", account), policy.Login, false),
            (Key(db, "signin.address", address), policy.Address, false),
        ];
        Array.Sort(counters, (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return counters;
    }

    private static string Key(PlatformDbContext db, string scope, string subject) =>
        scope + ":" + Convert.ToHexString(db.LookupHash(subject));

    private static async Task<(long Hits, DateTimeOffset EndsAt)> LockAsync(DbConnection conn, DbTransaction transaction, string key,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = LockSql;
        SchemaMigrator.AddParameter(cmd, "@key", key);
        SchemaMigrator.AddParameter(cmd, "@now", now.ToUnixTimeMilliseconds());
        await using var reader = await cmd.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException("The counter upsert returned no row.");
        }

        return (reader.GetInt64(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)));
    }

    private static async Task ExecuteAsync(DbConnection conn, DbTransaction transaction, string sql, string key,
        CancellationToken cancellationToken, params (string Name, long Value)[] values)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = sql;
        SchemaMigrator.AddParameter(cmd, "@key", key);
        foreach (var (name, value) in values)
        {
            SchemaMigrator.AddParameter(cmd, name, value);
        }

        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
