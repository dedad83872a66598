namespace SocialCard.Platform.Storage;

/// <summary>Bound from the "Storage" section: <c>Storage:Provider</c> = Sqlite | PostgreSql.</summary>
public sealed class StorageOptions
{
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>PostgreSQL connection string, or an explicit SQLite one; when empty SQLite uses
    /// <see cref="DataDirectory"/>/socialcard.db.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Folder for the embedded database (and the local file store); never for the key.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Base64 256-bit master key for field encryption (key id 1), e.g. from an environment variable or a
    /// secret store; when neither this nor <see cref="EncryptionKeys"/> is set, <see cref="KeyFile"/> is used.</summary>
    public string? EncryptionKey { get; set; }

    /// <summary>Further master keys by id (base64) for rotation: the highest id seals new values.</summary>
    public IDictionary<string, string> EncryptionKeys { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Base64 256-bit index key: keys the look-up hashes, the photos' content hashes and the file store, none
    /// of which carries a key id. When unset, the key file's <c>index:</c> line, else key 1 (as before the index key
    /// had its own slot). Set it to key 1's material before key 1 leaves <see cref="EncryptionKeys"/>.</summary>
    public string? IndexKey { get; set; }

    /// <summary>Path of the key file (one <c>id:base64</c> per line), outside <see cref="DataDirectory"/>; by default
    /// <c>${XDG_CONFIG_HOME:-~/.config}/socialcard/field-key-{data directory hash}.b64</c>, one per data directory.</summary>
    public string? KeyFile { get; set; }

    /// <summary>Apply schema migrations at start-up (turn off where a deployment migrates separately).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>The key file in use: <see cref="KeyFile"/>, or the per-data-directory default under the user's
    /// configuration folder.</summary>
    public string ResolveKeyFile()
    {
        if (!string.IsNullOrWhiteSpace(KeyFile))
        {
            return KeyFile;
        }

        var config = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
        if (string.IsNullOrWhiteSpace(config))
        {
            config = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        }

        var dataDir = Path.GetFullPath(DataDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var tag = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(dataDir)).AsSpan(0, 8)).ToLowerInvariant();
        return Path.Combine(config, "socialcard", $"field-key-{tag}.b64");
    }

    public string ResolveConnectionString() =>
        !string.IsNullOrWhiteSpace(ConnectionString)
            ? ConnectionString
            : Provider == StorageProvider.Sqlite
                ? $"Data Source={Path.Combine(DataDirectory, "socialcard.db")}"
                : throw new InvalidOperationException("Storage:ConnectionString is required for PostgreSql.");
}
