using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform.Security;

/// <summary>
/// Re-seals every protected column (every property whose converter seals with the field key) under the newest key of
/// the ring: values under an older key, in the layout from before key ids, or still in plaintext (from before a column
/// was encrypted). The keyed lookup hash of a rewritten value is written with it. Runs in the schema step that
/// encrypted the personal data, and at start-up whenever the ring holds an older key; idempotent.
/// </summary>
public static class FieldReencryption
{
    private const int BatchSize = 500;

    private static readonly Dictionary<(string Table, string Column), string> HashColumns = new()
    {
        [("people", "id_number")] = "id_number_hash",
        [("people", "phone")] = "phone_hash",
        [("people", "social_security_number")] = "social_security_number_hash",
    };

    /// <summary>Re-seals every value not under the newest key, in one transaction; returns how many were rewritten.</summary>
    public static async Task<int> RunAsync(PlatformDatabase database, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var db = database.CreateDbContext();
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var n = await RunAsync(db, Microsoft.EntityFrameworkCore.Storage.DbContextTransactionExtensions.GetDbTransaction(tx), cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return n;
    }

    /// <summary>The columns sealed as of the schema step that encrypted the personal data (later steps may add more;
    /// that step must not name columns that do not exist yet).</summary>
    internal static IReadOnlyList<(string Table, string Key, string Column)> PersonalDataColumns { get; } =
    [
        ("people", "id", "id_number"),
        ("people", "id", "phone"),
        ("people", "id", "name"),
        ("people", "id", "social_security_number"),
        ("people", "id", "birth_date"),
        ("applications", "id", "household_address"),
        ("applications", "id", "residential_address"),
    ];

    internal static async Task<int> RunAsync(PlatformDbContext db, DbTransaction transaction, CancellationToken cancellationToken) =>
        await RunAsync(db, transaction, ProtectedColumns(db), cancellationToken).ConfigureAwait(false);

    internal static async Task<int> RunAsync(PlatformDbContext db, DbTransaction transaction,
        IReadOnlyList<(string Table, string Key, string Column)> columns, CancellationToken cancellationToken)
    {
        var protector = db.Protector;
        var conn = db.Database.GetDbConnection();
        var rewritten = 0;
        foreach (var (table, key, column) in columns)
        {
            HashColumns.TryGetValue((table, column), out var hashColumn);
            long last = long.MinValue;
            while (true)
            {
                var updates = new List<(long Id, byte[] Cipher, byte[]? Hash)>();
                var read = 0;
                await using (var select = conn.CreateCommand())
                {
                    select.Transaction = transaction;
                    select.CommandText = $"SELECT {key}, {column} FROM {table} WHERE {column} IS NOT NULL AND {key} > @last ORDER BY {key} LIMIT {BatchSize}";
                    SchemaMigrator.AddParameter(select, "@last", last);
                    await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        read++;
                        last = reader.GetInt64(0);
                        if (Reseal(protector, reader.GetValue(1)) is { } plain)
                        {
                            updates.Add((last, protector.Encrypt(plain), hashColumn is null ? null : protector.LookupHash(plain)));
                        }
                    }
                }

                foreach (var (id, cipher, hash) in updates)
                {
                    await using var update = conn.CreateCommand();
                    update.Transaction = transaction;
                    update.CommandText = hash is null
                        ? $"UPDATE {table} SET {column} = @v WHERE {key} = @id"
                        : $"UPDATE {table} SET {column} = @v, {hashColumn} = @h WHERE {key} = @id";
                    SchemaMigrator.AddParameter(update, "@v", cipher);
                    SchemaMigrator.AddParameter(update, "@id", id);
                    if (hash is not null)
                    {
                        SchemaMigrator.AddParameter(update, "@h", hash);
                    }

                    await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                rewritten += updates.Count;
                if (read < BatchSize)
                {
                    break;
                }
            }
        }

        return rewritten;
    }

    /// <summary>The plain value to seal again, or null when <paramref name="stored"/> is already under the newest key.</summary>
    private static string? Reseal(FieldProtector protector, object stored) => stored switch
    {
        string plain => plain,
        byte[] bytes when protector.IsCurrent(bytes) => null,
        byte[] bytes when protector.KeyIdOf(bytes) is not null => protector.Decrypt(bytes),
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        _ => Convert.ToString(stored, System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>(table, key column, column) of every sealed property in the model.</summary>
    internal static IReadOnlyList<(string Table, string Key, string Column)> ProtectedColumns(PlatformDbContext db)
    {
        var columns = new List<(string, string, string)>();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName();
            var key = entity.FindPrimaryKey()?.Properties;
            if (table is null || key is not { Count: 1 })
            {
                continue;
            }

            foreach (var property in entity.GetProperties())
            {
                if (property.GetValueConverter() is IProtectedValueConverter)
                {
                    var column = (table, key[0].GetColumnName(), property.GetColumnName());
                    if (!columns.Contains(column))
                    {
                        columns.Add(column);
                    }
                }
            }
        }

        return columns;
    }
}
