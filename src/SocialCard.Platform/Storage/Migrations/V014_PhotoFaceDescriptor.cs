namespace SocialCard.Platform.Storage.Migrations;

/// <summary>The sealed face descriptor of each photo with one face, so a later photo of the same face for someone else
/// is sent to centre review (photos stored before this step have none and are not compared by face).</summary>
internal static class V014_PhotoFaceDescriptor
{
    public static SchemaMigration Migration { get; } = new(14, "photo face descriptor", Sqlite, PostgreSql);

    private const string Sqlite = """
        ALTER TABLE photos ADD COLUMN face_descriptor BLOB NULL;
        """;

    private const string PostgreSql = """
        ALTER TABLE photos ADD COLUMN face_descriptor bytea NULL;
        """;
}
