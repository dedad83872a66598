namespace SocialCard.Platform.Storage;

/// <summary>The database behind the platform.</summary>
public enum StorageProvider
{
    /// <summary>One file under data/ (embedded default).</summary>
    Sqlite = 0,

    /// <summary>A PostgreSQL server (real deployments, many nodes).</summary>
    PostgreSql = 1,
}
