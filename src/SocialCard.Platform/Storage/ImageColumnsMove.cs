using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Files;

namespace SocialCard.Platform.Storage;

/// <summary>
/// Moves images that older versions kept in database columns into the encrypted file store, column by column: a few
/// rows at a time, each file written (<see cref="RecordFileKeys"/>: the same content under the same record always gets
/// the same key) and then its key recorded in the row, each row on its own. The bytes stay in their column until the
/// schema step that runs after this (<see cref="Migrations.V016_ImageColumnsDropped"/>) drops the columns, so a crash
/// mid-move loses nothing and the next start goes on with the rows that have no key yet; two nodes moving at once
/// write the same keys.
/// </summary>
public static class ImageColumnsMove
{
    private const int RowsPerRead = 16;

    /// <summary>(table, byte column, key column, store folder, slot): every image column there was.</summary>
    internal static readonly (string Table, string Bytes, string Key, string Folder, string Slot)[] Columns =
    [
        ("photos", "original", "original_key", "photos", Photo.OriginalSlot),
        ("photos", "fixed", "fixed_key", "photos", Photo.FixedSlot),
        ("batch_entries", "bytes", "bytes_key", "batch-entries", BatchEntry.BytesSlot),
        ("applications", "id_front_image", "id_front_key", "applications", Application.IdFrontSlot),
        ("applications", "id_back_image", "id_back_key", "applications", Application.IdBackSlot),
        ("applications", "draft_photo", "draft_photo_key", "applications", Application.DraftPhotoSlot),
        ("applications", "draft_photo_original", "draft_photo_original_key", "applications", Application.DraftPhotoOriginalSlot),
    ];

    /// <summary>Moves every image still in a column; returns how many files were written.</summary>
    public static async Task<int> RunAsync(PlatformDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var conn = db.Database.GetDbConnection();
        var moved = 0;
        foreach (var column in Columns)
        {
            while (true)
            {
                List<(long Id, byte[] Bytes)> rows;
                try
                {
                    rows = await ReadAsync(conn, column.Table, column.Bytes, column.Key, cancellationToken).ConfigureAwait(false);
                }
                catch (DbException)
                {
                    if (await ColumnsDroppedAsync(conn, cancellationToken).ConfigureAwait(false))
                    {
                        return moved; // another node finished the move and dropped the columns meanwhile
                    }

                    throw;
                }

                if (rows.Count == 0)
                {
                    break;
                }

                foreach (var (id, bytes) in rows)
                {
                    var key = RecordFileKeys.For(column.Folder, id, column.Slot, db.Protector.ContentHash(bytes));
                    await db.Files.PutAsync(key, bytes, cancellationToken).ConfigureAwait(false);
                    await using var update = conn.CreateCommand();
                    update.CommandText = $"UPDATE {column.Table} SET {column.Key} = @k WHERE id = @id AND {column.Key} IS NULL;";
                    SchemaMigrator.AddParameter(update, "@k", key);
                    SchemaMigrator.AddParameter(update, "@id", id);
                    await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    moved++;
                }
            }
        }

        return moved;
    }

    private static async Task<List<(long Id, byte[] Bytes)>> ReadAsync(DbConnection conn, string table, string bytes, string key, CancellationToken ct)
    {
        await using var select = conn.CreateCommand();
        select.CommandText = $"SELECT id, {bytes} FROM {table} WHERE {key} IS NULL AND {bytes} IS NOT NULL ORDER BY id LIMIT {RowsPerRead};";
        var rows = new List<(long, byte[])>(RowsPerRead);
        await using var reader = await select.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            rows.Add((reader.GetInt64(0), (byte[])reader.GetValue(1)));
        }

        return rows;
    }

    private static async Task<bool> ColumnsDroppedAsync(DbConnection conn, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version;";
        var version = Convert.ToInt32(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        return version >= Migrations.V016_ImageColumnsDropped.Migration.Version;
    }
}
