using SocialCard.Platform.Storage;

namespace SocialCard.Platform.Tests.Infrastructure;

/// <summary>A fresh, migrated database on one provider: a temp SQLite file or a new PostgreSQL database. Deleted on
/// dispose.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public static readonly string TestKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)(i * 7)).ToArray());

    private readonly PostgresServer? _server;
    private readonly string _dir;

    private TestDatabase(PlatformDatabase database, PostgresServer? server, string dir)
    {
        Database = database;
        _server = server;
        _dir = dir;
    }

    public PlatformDatabase Database { get; }

    public string ConnectionString => Database.ConnectionString;

    public StorageProvider Provider => Database.Provider;

    public static async Task<TestDatabase> CreateAsync(string provider, PostgresServer server, string hint, bool migrate = true,
        SocialCard.Platform.Files.FileStoreOptions? files = null)
    {
        var dir = Path.Combine(Path.GetTempPath(), "sc-db-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(dir);
        StorageOptions options;
        if (provider == "PostgreSql")
        {
            options = new StorageOptions
            {
                Provider = StorageProvider.PostgreSql,
                ConnectionString = await server.CreateDatabaseAsync(hint),
                DataDirectory = dir,
                EncryptionKey = TestKey,
            };
        }
        else
        {
            options = new StorageOptions { Provider = StorageProvider.Sqlite, DataDirectory = dir, EncryptionKey = TestKey };
        }

        var db = new TestDatabase(new PlatformDatabase(options, files), provider == "PostgreSql" ? server : null, dir);
        if (migrate)
        {
            await db.Database.MigrateAsync();
        }

        return db;
    }

    public PlatformDbContext NewContext() => Database.CreateDbContext();

    /// <summary>The local file store's root (under the test's data folder).</summary>
    public string FilesRoot => Path.Combine(_dir, SocialCard.Platform.Files.FileStores.DefaultFolder);

    /// <summary>The same database with another file store (a second node, or a store that fails on purpose).</summary>
    public PlatformDatabase WithFiles(Func<SocialCard.Platform.Security.FieldKeyRing, SocialCard.Platform.Files.IFileStore> files) =>
        new(Database.Storage, files);

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DropDatabaseAsync(Database.ConnectionString);
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open on some platforms; the temp dir is cleaned by the OS.
        }
    }
}
