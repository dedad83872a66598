namespace SocialCard.Platform.Storage.Migrations;

/// <summary>Units can be closed; accounts can be disabled; unit accounts carry a role and, for an HR clerk's own login,
/// the clerk's login and name. Existing unit logins (the unit code alone) become their unit's administrator and keep
/// working as before.</summary>
internal static class V017_UnitAndAccountManagement
{
    public static SchemaMigration Migration { get; } = new(17, "unit and account management", Sqlite, PostgreSql);

    private const string Sqlite = """
        ALTER TABLE units ADD COLUMN closed INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE accounts ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE accounts ADD COLUMN clerk_login TEXT NULL;
        ALTER TABLE accounts ADD COLUMN clerk_name TEXT NULL;
        ALTER TABLE accounts ADD COLUMN unit_role TEXT NULL;
        UPDATE accounts SET unit_role = 'UnitAdmin' WHERE kind = 'unit';
        CREATE INDEX ix_accounts_unit ON accounts(unit_id);
        """;

    private const string PostgreSql = """
        ALTER TABLE units ADD COLUMN closed boolean NOT NULL DEFAULT false;
        ALTER TABLE accounts ADD COLUMN disabled boolean NOT NULL DEFAULT false;
        ALTER TABLE accounts ADD COLUMN clerk_login text NULL;
        ALTER TABLE accounts ADD COLUMN clerk_name text NULL;
        ALTER TABLE accounts ADD COLUMN unit_role text NULL;
        UPDATE accounts SET unit_role = 'UnitAdmin' WHERE kind = 'unit';
        CREATE INDEX ix_accounts_unit ON accounts(unit_id);
        """;
}
