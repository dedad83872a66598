namespace SocialCard.Platform.Storage.Migrations;

/// <summary>Counters behind the public limits, shared by every node.</summary>
internal static class V004_RateCounters
{
    public static SchemaMigration Migration { get; } = new(4, "rate counters", Sqlite, PostgreSql);

    private const string Sqlite = """
        CREATE TABLE rate_counters (
            counter_key TEXT NOT NULL PRIMARY KEY,
            hits INTEGER NOT NULL,
            window_ends_at INTEGER NOT NULL);
        CREATE INDEX ix_rate_counters_ends ON rate_counters(window_ends_at);
        """;

    private const string PostgreSql = """
        CREATE TABLE rate_counters (
            counter_key text NOT NULL PRIMARY KEY,
            hits bigint NOT NULL,
            window_ends_at bigint NOT NULL);
        CREATE INDEX ix_rate_counters_ends ON rate_counters(window_ends_at);
        """;
}
