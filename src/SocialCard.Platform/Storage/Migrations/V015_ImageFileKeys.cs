namespace SocialCard.Platform.Storage.Migrations;

/// <summary>Images move from database columns into the encrypted file store: each image column gets a key column
/// (<see cref="Files.RecordFileKeys"/>). The bytes are moved and their columns dropped by the next step.</summary>
internal static class V015_ImageFileKeys
{
    public static SchemaMigration Migration { get; } = new(15, "image file keys", Sqlite, PostgreSql);

    private const string Sqlite = """
        ALTER TABLE photos ADD COLUMN original_key TEXT NULL;
        ALTER TABLE photos ADD COLUMN fixed_key TEXT NULL;
        ALTER TABLE batch_entries ADD COLUMN bytes_key TEXT NULL;
        ALTER TABLE applications ADD COLUMN id_front_key TEXT NULL;
        ALTER TABLE applications ADD COLUMN id_back_key TEXT NULL;
        ALTER TABLE applications ADD COLUMN draft_photo_key TEXT NULL;
        ALTER TABLE applications ADD COLUMN draft_photo_original_key TEXT NULL;
        """;

    private const string PostgreSql = """
        ALTER TABLE photos ADD COLUMN original_key text NULL;
        ALTER TABLE photos ADD COLUMN fixed_key text NULL;
        ALTER TABLE batch_entries ADD COLUMN bytes_key text NULL;
        ALTER TABLE applications ADD COLUMN id_front_key text NULL;
        ALTER TABLE applications ADD COLUMN id_back_key text NULL;
        ALTER TABLE applications ADD COLUMN draft_photo_key text NULL;
        ALTER TABLE applications ADD COLUMN draft_photo_original_key text NULL;
        """;
}
