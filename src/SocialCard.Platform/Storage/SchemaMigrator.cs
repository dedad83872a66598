using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Storage.Migrations;

namespace SocialCard.Platform.Storage;

/// <summary>Applies <see cref="SchemaMigrations.All"/> in order, each in its own transaction together with its
/// schema_version row. On PostgreSQL an advisory lock serialises concurrent start-ups; on SQLite the immediate
/// (write) transaction does.</summary>
public static class SchemaMigrator
{
    private const long AdvisoryLockKey = 0x5C_CA_4D_00;

    /// <summary>Returns how many steps were applied.</summary>
    public static Task<int> MigrateAsync(PlatformDbContext db, CancellationToken cancellationToken = default) =>
        MigrateAsync(db, SchemaMigrations.All, cancellationToken);

    internal static async Task<int> MigrateAsync(PlatformDbContext db, IReadOnlyList<SchemaMigration> steps, CancellationToken ct)
    {
        var pg = db.IsPostgreSql;
        var conn = db.Database.GetDbConnection();
        var opened = conn.State != ConnectionState.Open;
        if (opened)
        {
            await conn.OpenAsync(ct).ConfigureAwait(false);
        }

        try
        {
            if (!pg)
            {
                // WAL lets readers work beside the one writer; busy waits are handled by Microsoft.Data.Sqlite.
                await ExecAsync(conn, null, "PRAGMA journal_mode=WAL;", ct).ConfigureAwait(false);
            }

            // Concurrent CREATE TABLE IF NOT EXISTS races in PostgreSQL's catalog: take the same lock first.
            await using (var createTx = await conn.BeginTransactionAsync(ct).ConfigureAwait(false))
            {
                if (pg)
                {
                    await ExecAsync(conn, createTx, $"SELECT pg_advisory_xact_lock({AdvisoryLockKey});", ct).ConfigureAwait(false);
                }

                await ExecAsync(conn, createTx, pg
                    ? "CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, description text NOT NULL, applied_at bigint NOT NULL);"
                    : "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at INTEGER NOT NULL);",
                    ct).ConfigureAwait(false);
                await createTx.CommitAsync(ct).ConfigureAwait(false);
            }

            var applied = 0;
            foreach (var step in steps.OrderBy(s => s.Version))
            {
                if (step.Before is { } before && await CurrentVersionAsync(conn, null, ct).ConfigureAwait(false) < step.Version)
                {
                    await before(db, ct).ConfigureAwait(false);
                }

                await using var tx = await conn.BeginTransactionAsync(ct).ConfigureAwait(false);
                if (pg)
                {
                    await ExecAsync(conn, tx, $"SELECT pg_advisory_xact_lock({AdvisoryLockKey});", ct).ConfigureAwait(false);
                }

                var current = await CurrentVersionAsync(conn, tx, ct).ConfigureAwait(false);
                if (step.Version <= current)
                {
                    await tx.CommitAsync(ct).ConfigureAwait(false);
                    continue;
                }

                if (step.Version != current + 1)
                {
                    throw new InvalidOperationException($"Schema step {step.Version} cannot follow version {current}.");
                }

                await ExecAsync(conn, tx, pg ? step.PostgreSql : step.Sqlite, ct).ConfigureAwait(false);
                if (step.Data is { } data)
                {
                    await data(db, tx, ct).ConfigureAwait(false);
                }

                await using (var cmd = conn.CreateCommand())
                {
                    cmd.Transaction = tx;
                    cmd.CommandText = "INSERT INTO schema_version (version, description, applied_at) VALUES (@v, @d, @t);";
                    AddParameter(cmd, "@v", step.Version);
                    AddParameter(cmd, "@d", step.Description);
                    AddParameter(cmd, "@t", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
                    await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }

                await tx.CommitAsync(ct).ConfigureAwait(false);
                applied++;
            }

            return applied;
        }
        finally
        {
            if (opened)
            {
                await conn.CloseAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>The newest applied version, 0 for an empty database.</summary>
    public static async Task<int> CurrentVersionAsync(PlatformDbContext db, CancellationToken ct = default)
    {
        var conn = db.Database.GetDbConnection();
        var opened = conn.State != ConnectionState.Open;
        if (opened)
        {
            await conn.OpenAsync(ct).ConfigureAwait(false);
        }

        try
        {
            return await CurrentVersionAsync(conn, null, ct).ConfigureAwait(false);
        }
        catch (DbException)
        {
            return 0;
        }
        finally
        {
            if (opened)
            {
                await conn.CloseAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task<int> CurrentVersionAsync(DbConnection conn, DbTransaction? tx, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version;";
        var v = await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false);
        return Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecAsync(DbConnection conn, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    internal static void AddParameter(DbCommand cmd, string name, object? value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        cmd.Parameters.Add(p);
    }
}
