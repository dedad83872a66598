namespace SocialCard.Platform.Storage.Migrations;

/// <summary>Accounts whose password an administrator reset: the holder must choose a new one at the next sign-in.</summary>
internal static class V011_PasswordMustChange
{
    public static SchemaMigration Migration { get; } = new(11, "password must change", Sqlite, PostgreSql);

    private const string Sqlite = """
        ALTER TABLE accounts ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
        """;

    private const string PostgreSql = """
        ALTER TABLE accounts ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
        """;
}
