using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform.Registry;

/// <summary>Inserts many people fast, encrypting and hashing as EF would: binary COPY on PostgreSQL, prepared
/// inserts in 10,000-row transactions on SQLite. Insert only (no upsert): use for initial loads and benchmarks.</summary>
public static class PeopleBulkWriter
{
    private const string Columns =
        "id_type, id_number, id_number_hash, country_code, social_security_number, social_security_number_hash, personal_number, name, gender, birth_date, nationality, phone, phone_hash, unit_id";

    public static async Task<long> WriteAsync(PlatformDatabase database, IEnumerable<PersonRow> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        return database.Provider == StorageProvider.PostgreSql
            ? await CopyAsync(database, rows, cancellationToken).ConfigureAwait(false)
            : await InsertSqliteAsync(database, rows, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<long> CopyAsync(PlatformDatabase database, IEnumerable<PersonRow> rows, CancellationToken ct)
    {
        const int chunk = 8192;
        var p = database.Protector;
        await using var conn = new NpgsqlConnection(database.ConnectionString);
        await conn.OpenAsync(ct).ConfigureAwait(false);
        await using var writer = await conn.BeginBinaryImportAsync($"COPY people ({Columns}) FROM STDIN (FORMAT BINARY)", ct).ConfigureAwait(false);
        long n = 0;
        foreach (var batch in rows.Chunk(chunk))
        {
            // Encryption and hashing dominate: do them on every core, then stream the chunk in order.
            var sealedRows = new SealedFields[batch.Length];
            Parallel.For(0, batch.Length, i =>
            {
                var r = batch[i];
                sealedRows[i] = SealedFields.Of(p, r);
            });
            for (var i = 0; i < batch.Length; i++)
            {
                var r = batch[i];
                var f = sealedRows[i];
                await writer.StartRowAsync(ct).ConfigureAwait(false);
                await writer.WriteAsync(r.IdType.ToString(), NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await writer.WriteAsync(f.IdCipher, NpgsqlDbType.Bytea, ct).ConfigureAwait(false);
                await writer.WriteAsync(f.IdHash, NpgsqlDbType.Bytea, ct).ConfigureAwait(false);
                await writer.WriteAsync(r.CountryCode, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await WriteNullableAsync(writer, f.SsnCipher, NpgsqlDbType.Bytea, ct).ConfigureAwait(false);
                await WriteNullableAsync(writer, f.SsnHash, NpgsqlDbType.Bytea, ct).ConfigureAwait(false);
                await writer.WriteAsync(r.PersonalNumber, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await writer.WriteAsync(f.NameCipher, NpgsqlDbType.Bytea, ct).ConfigureAwait(false);
                await writer.WriteAsync(r.Gender.ToString(), NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await writer.WriteAsync(f.BirthDateCipher, NpgsqlDbType.Bytea, ct).ConfigureAwait(false);
                await writer.WriteAsync(r.Nationality, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await WriteNullableAsync(writer, f.PhoneCipher, NpgsqlDbType.Bytea, ct).ConfigureAwait(false);
                await WriteNullableAsync(writer, f.PhoneHash, NpgsqlDbType.Bytea, ct).ConfigureAwait(false);
                if (r.UnitId is { } u)
                {
                    await writer.WriteAsync(u, NpgsqlDbType.Bigint, ct).ConfigureAwait(false);
                }
                else
                {
                    await writer.WriteNullAsync(ct).ConfigureAwait(false);
                }
            }

            n += batch.Length;
        }

        await writer.CompleteAsync(ct).ConfigureAwait(false);
        return n;
    }

    /// <summary>A row's encrypted fields and lookup hashes, as the EF model stores them.</summary>
    private readonly record struct SealedFields(byte[] IdCipher, byte[] IdHash, byte[]? PhoneCipher, byte[]? PhoneHash,
        byte[]? SsnCipher, byte[]? SsnHash, byte[] NameCipher, byte[] BirthDateCipher)
    {
        public static SealedFields Of(Security.FieldProtector p, PersonRow r) => new(
            p.Encrypt(r.IdNumber), p.LookupHash(r.IdNumber),
            r.Phone is null ? null : p.Encrypt(r.Phone), r.Phone is null ? null : p.LookupHash(r.Phone),
            r.SocialSecurityNumber is null ? null : p.Encrypt(r.SocialSecurityNumber),
            r.SocialSecurityNumber is null ? null : p.LookupHash(r.SocialSecurityNumber),
            p.Encrypt(r.Name),
            p.Encrypt(r.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type, CancellationToken ct)
        where T : class =>
        value is null ? writer.WriteNullAsync(ct) : writer.WriteAsync(value, type, ct);

    private static async Task<long> InsertSqliteAsync(PlatformDatabase database, IEnumerable<PersonRow> rows, CancellationToken ct)
    {
        const int chunk = 10_000;
        var p = database.Protector;
        await using var db = database.CreateDbContext();
        var conn = (SqliteConnection)db.Database.GetDbConnection();
        await conn.OpenAsync(ct).ConfigureAwait(false);
        long n = 0;
        SqliteTransaction? tx = null;
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"INSERT INTO people ({Columns}) VALUES (@t, @id, @idh, @cc, @ssn, @ssnh, @pn, @name, @g, @bd, @nat, @ph, @phh, @unit)";
        var names = new[] { "@t", "@id", "@idh", "@cc", "@ssn", "@ssnh", "@pn", "@name", "@g", "@bd", "@nat", "@ph", "@phh", "@unit" };
        var prms = names.Select(nm => cmd.Parameters.Add(new SqliteParameter { ParameterName = nm })).ToArray();
        try
        {
            foreach (var r in rows)
            {
                if (tx is null)
                {
                    tx = (SqliteTransaction)await conn.BeginTransactionAsync(ct).ConfigureAwait(false);
                    cmd.Transaction = tx;
                }

                var f = SealedFields.Of(p, r);
                prms[0].Value = r.IdType.ToString();
                prms[1].Value = f.IdCipher;
                prms[2].Value = f.IdHash;
                prms[3].Value = r.CountryCode;
                prms[4].Value = (object?)f.SsnCipher ?? DBNull.Value;
                prms[5].Value = (object?)f.SsnHash ?? DBNull.Value;
                prms[6].Value = r.PersonalNumber;
                prms[7].Value = f.NameCipher;
                prms[8].Value = r.Gender.ToString();
                prms[9].Value = f.BirthDateCipher;
                prms[10].Value = r.Nationality;
                prms[11].Value = (object?)f.PhoneCipher ?? DBNull.Value;
                prms[12].Value = (object?)f.PhoneHash ?? DBNull.Value;
                prms[13].Value = (object?)r.UnitId ?? DBNull.Value;
                await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                if (++n % chunk == 0)
                {
                    await tx.CommitAsync(ct).ConfigureAwait(false);
                    await tx.DisposeAsync().ConfigureAwait(false);
                    tx = null;
                }
            }

            if (tx is not null)
            {
                await tx.CommitAsync(ct).ConfigureAwait(false);
            }
        }
        finally
        {
            if (tx is not null)
            {
                await tx.DisposeAsync().ConfigureAwait(false);
            }
        }

        return n;
    }
}
