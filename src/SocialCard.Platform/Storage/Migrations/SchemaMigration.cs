namespace SocialCard.Platform.Storage.Migrations;

/// <summary>One versioned schema step, written by hand for each provider (there are no EF design tools here), with an
/// optional data step run after the SQL in the same transaction (for rewrites SQL cannot do, such as encryption).</summary>
public sealed record SchemaMigration(int Version, string Description, string Sqlite, string PostgreSql,
    Func<PlatformDbContext, System.Data.Common.DbTransaction, CancellationToken, Task>? Data = null)
{
    /// <summary>Work run before the step's transaction while the step is not applied yet, committing as it goes (so a
    /// long move resumes where a crash left it). It must be idempotent and safe beside another node doing the same.</summary>
    public Func<PlatformDbContext, CancellationToken, Task>? Before { get; init; }
}
