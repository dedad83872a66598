namespace SocialCard.Platform.Storage.Migrations;

/// <summary>Browser sessions on the server: a signed-out or expired session's cookie no longer opens anything.</summary>
internal static class V007_SignInSessions
{
    public static SchemaMigration Migration { get; } = new(7, "sign-in sessions", Sqlite, PostgreSql);

    private const string Sqlite = """
        CREATE TABLE sign_in_sessions (
            session_hash BLOB NOT NULL PRIMARY KEY,
            audience TEXT NOT NULL,
            login TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL);
        CREATE INDEX ix_sign_in_sessions_expires ON sign_in_sessions(expires_at);
        CREATE INDEX ix_sign_in_sessions_login ON sign_in_sessions(audience, login);
        """;

    private const string PostgreSql = """
        CREATE TABLE sign_in_sessions (
            session_hash bytea NOT NULL PRIMARY KEY,
            audience text NOT NULL,
            login text NOT NULL,
            created_at bigint NOT NULL,
            expires_at bigint NOT NULL);
        CREATE INDEX ix_sign_in_sessions_expires ON sign_in_sessions(expires_at);
        CREATE INDEX ix_sign_in_sessions_login ON sign_in_sessions(audience, login);
        """;
}
