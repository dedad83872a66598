namespace SocialCard.Platform.Storage;

/// <summary>Bound from the "Storage" section: <c>Storage:Provider</c> = Sqlite | PostgreSql.</summary>
public sealed class StorageOptions
{
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>PostgreSQL connection string, or an explicit SQLite one; when empty SQLite uses
    /// <see cref="DataDirectory"/>/socialcard.db.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Folder for the embedded database and the generated key file.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Base64 256-bit master key for field encryption; when empty a key file under
    /// <see cref="DataDirectory"/> is used (created on first start).</summary>
    public string? EncryptionKey { get; set; }

    /// <summary>Apply schema migrations at start-up (turn off where a deployment migrates separately).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    public string KeyFilePath => Path.Combine(DataDirectory, "field-key.b64");

    public string ResolveConnectionString() =>
        !string.IsNullOrWhiteSpace(ConnectionString)
            ? ConnectionString
            : Provider == StorageProvider.Sqlite
                ? $"Data Source={Path.Combine(DataDirectory, "socialcard.db")}"
                : throw new InvalidOperationException("Storage:ConnectionString is required for PostgreSql.");
}
