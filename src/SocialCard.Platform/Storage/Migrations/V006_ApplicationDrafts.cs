namespace SocialCard.Platform.Storage.Migrations;

/// <summary>Wizard drafts are application rows: the draft token's hash, the wizard's progress (encrypted), the draft
/// photo and the last write.</summary>
internal static class V006_ApplicationDrafts
{
    public static SchemaMigration Migration { get; } = new(6, "application drafts", Sqlite, PostgreSql);

    private const string Sqlite = """
        ALTER TABLE applications ADD COLUMN draft_token_hash BLOB NULL;
        ALTER TABLE applications ADD COLUMN wizard_state BLOB NULL;
        ALTER TABLE applications ADD COLUMN draft_photo BLOB NULL;
        ALTER TABLE applications ADD COLUMN draft_photo_original BLOB NULL;
        ALTER TABLE applications ADD COLUMN updated_at INTEGER NULL;
        CREATE UNIQUE INDEX ux_applications_draft_token ON applications(draft_token_hash);
        CREATE INDEX ix_applications_state_updated ON applications(state, updated_at);
        """;

    private const string PostgreSql = """
        ALTER TABLE applications ADD COLUMN draft_token_hash bytea NULL;
        ALTER TABLE applications ADD COLUMN wizard_state bytea NULL;
        ALTER TABLE applications ADD COLUMN draft_photo bytea NULL;
        ALTER TABLE applications ADD COLUMN draft_photo_original bytea NULL;
        ALTER TABLE applications ADD COLUMN updated_at bigint NULL;
        CREATE UNIQUE INDEX ux_applications_draft_token ON applications(draft_token_hash);
        CREATE INDEX ix_applications_state_updated ON applications(state, updated_at);
        """;
}
