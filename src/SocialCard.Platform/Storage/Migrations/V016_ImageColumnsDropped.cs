namespace SocialCard.Platform.Storage.Migrations;

/// <summary>After <see cref="ImageColumnsMove"/> has put every image still held in a database column into the file
/// store (before this step's transaction, row by row, resumable), the byte columns go.</summary>
internal static class V016_ImageColumnsDropped
{
    public static SchemaMigration Migration { get; } = new(16, "image columns dropped", Sql, Sql)
    {
        Before = ImageColumnsMove.RunAsync,
    };

    /// <summary>The same on both providers (SQLite drops a column since 3.35).</summary>
    private const string Sql = """
        ALTER TABLE photos DROP COLUMN original;
        ALTER TABLE photos DROP COLUMN fixed;
        ALTER TABLE batch_entries DROP COLUMN bytes;
        ALTER TABLE applications DROP COLUMN id_front_image;
        ALTER TABLE applications DROP COLUMN id_back_image;
        ALTER TABLE applications DROP COLUMN draft_photo;
        ALTER TABLE applications DROP COLUMN draft_photo_original;
        """;
}
