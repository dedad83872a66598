using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using SocialCard.Platform.Files;
using SocialCard.Platform.Security;

namespace SocialCard.Platform.Storage;

/// <summary>Opens contexts on the configured provider with the field key and the file store (local folder under the data
/// directory by default, or the bucket <see cref="FileStoreOptions"/> names); the host can register it as a singleton
/// and services take it to open one short-lived context per operation.</summary>
public sealed class PlatformDatabase : IDbContextFactory<PlatformDbContext>
{
    private readonly DbContextOptions<PlatformDbContext> _options;

    public PlatformDatabase(StorageOptions storage, FileStoreOptions? files = null)
        : this(storage, ring => FileStores.Create(files ?? new FileStoreOptions(), storage, new FileCipher(ring.IndexKey)))
    {
    }

    /// <summary>With a file store of the caller's (<paramref name="files"/> gets the key ring: files are encrypted with
    /// the ring's index key, which never rotates, under a key of their own derived from it).</summary>
    public PlatformDatabase(StorageOptions storage, Func<FieldKeyRing, IFileStore> files)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(files);
        Storage = storage;
        KeyRing = FieldKeySource.LoadRing(storage);
        Protector = new FieldProtector(KeyRing);
        Files = files(KeyRing);
        ConnectionString = storage.Provider == StorageProvider.PostgreSql
            ? WithPostgreSqlDefaults(storage.ResolveConnectionString())
            : storage.ResolveConnectionString();
        if (storage.Provider == StorageProvider.Sqlite && string.IsNullOrWhiteSpace(storage.ConnectionString))
        {
            DataFiles.PrepareSqlite(storage.DataDirectory, Path.Combine(storage.DataDirectory, "socialcard.db"));
        }

        var b = new DbContextOptionsBuilder<PlatformDbContext>();
        Configure(b, storage.Provider, ConnectionString);
        _options = b.Options;
    }

    public StorageOptions Storage { get; }

    public StorageProvider Provider => Storage.Provider;

    public string ConnectionString { get; }

    public FieldProtector Protector { get; }

    /// <summary>The encrypted file store: photos, ID-card images, batch files, exports.</summary>
    public IFileStore Files { get; }

    /// <summary>The master keys (files are sealed under the first; fields under the newest).</summary>
    public FieldKeyRing KeyRing { get; }

    public static void Configure(DbContextOptionsBuilder builder, StorageProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (provider == StorageProvider.PostgreSql)
        {
            builder.UseNpgsql(connectionString);
        }
        else
        {
            builder.UseSqlite(connectionString);
        }

        builder.ReplaceService<IModelCacheKeyFactory, PlatformModelCacheKeyFactory>();
    }

    public PlatformDbContext CreateDbContext() => new(_options, Protector, Files);

    /// <summary>
    /// The PostgreSQL connection string with the platform's defaults where it leaves them out: automatic preparation
    /// of the statements a connection runs often (<c>Max Auto Prepare</c> 64), so hot look-ups such as the card
    /// status are parsed and planned once per pooled connection instead of on every call. Npgsql keeps prepared
    /// statements across pooled open/close. A value the operator sets wins.
    /// </summary>
    public static string WithPostgreSqlDefaults(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!ContainsKey(connectionString, "Max Auto Prepare", "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
        }

        return builder.ConnectionString;
    }

    private static bool ContainsKey(string connectionString, params string[] keys)
    {
        var parsed = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return keys.Any(parsed.ContainsKey);
    }

    /// <summary>Brings the schema to the newest version (idempotent, safe to run from several nodes at once), moving
    /// images older versions kept in database columns into the file store (<see cref="ImageColumnsMove"/>); with a
    /// rotated key in the ring, then re-seals every personal field still under an older key; then gives photos stored
    /// before the content hash theirs (<see cref="PhotoContentHashBackfill"/>).</summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken = default)
    {
        int applied;
        await using (var db = CreateDbContext())
        {
            applied = await SchemaMigrator.MigrateAsync(db, cancellationToken).ConfigureAwait(false);
        }

        if (Protector.HasOlderKeys)
        {
            await FieldReencryption.RunAsync(this, cancellationToken).ConfigureAwait(false);
        }

        await PhotoContentHashBackfill.RunAsync(this, cancellationToken).ConfigureAwait(false);
        return applied;
    }
}
