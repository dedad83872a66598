namespace SocialCard.Platform.Storage.Migrations;

/// <summary>One versioned schema step, written by hand for each provider (there are no EF design tools here).</summary>
public sealed record SchemaMigration(int Version, string Description, string Sqlite, string PostgreSql);
