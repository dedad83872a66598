namespace SocialCard.Platform.Storage.Migrations;

/// <summary>A keyed hash of each photo's bytes, so the same file offered later for another person is found (photos
/// stored before this step have none and are not compared).</summary>
internal static class V012_PhotoContentHash
{
    public static SchemaMigration Migration { get; } = new(12, "photo content hash", Sqlite, PostgreSql);

    private const string Sqlite = """
        ALTER TABLE photos ADD COLUMN content_hash BLOB NULL;
        CREATE INDEX ix_photos_content_hash ON photos(content_hash);
        """;

    private const string PostgreSql = """
        ALTER TABLE photos ADD COLUMN content_hash bytea NULL;
        CREATE INDEX ix_photos_content_hash ON photos(content_hash);
        """;
}
