using SocialCard.Platform.Security;

namespace SocialCard.Platform.Storage.Migrations;

/// <summary>Names, social security numbers, birth dates and addresses encrypted like ID numbers and phones: the columns
/// become binary (PostgreSQL; SQLite stores either), the social security number gets a keyed lookup hash, and every
/// plaintext value is sealed under the newest field key (with every older sealed value) in the same transaction.</summary>
internal static class V008_PersonalDataEncrypted
{
    public static SchemaMigration Migration { get; } = new(8, "personal data encrypted", Sqlite, PostgreSql,
        (db, tx, ct) => FieldReencryption.RunAsync(db, tx, FieldReencryption.PersonalDataColumns, ct));

    private const string Sqlite = """
        ALTER TABLE people ADD COLUMN social_security_number_hash BLOB NULL;
        CREATE INDEX ix_people_ssn_hash ON people(social_security_number_hash);
        """;

    private const string PostgreSql = """
        ALTER TABLE people ALTER COLUMN name TYPE bytea USING convert_to(name, 'UTF8');
        ALTER TABLE people ALTER COLUMN social_security_number TYPE bytea USING convert_to(social_security_number, 'UTF8');
        ALTER TABLE people ALTER COLUMN birth_date TYPE bytea USING convert_to(to_char(birth_date, 'YYYY-MM-DD'), 'UTF8');
        ALTER TABLE applications ALTER COLUMN household_address TYPE bytea USING convert_to(household_address, 'UTF8');
        ALTER TABLE applications ALTER COLUMN residential_address TYPE bytea USING convert_to(residential_address, 'UTF8');
        ALTER TABLE people ADD COLUMN social_security_number_hash bytea NULL;
        CREATE INDEX ix_people_ssn_hash ON people(social_security_number_hash);
        """;
}
