using SocialCard.Platform.Storage;

namespace SocialCard.Platform.Files;

/// <summary>Builds the configured <see cref="IFileStore"/>.</summary>
public static class FileStores
{
    /// <summary>The folder under the data directory that holds the local store by default.</summary>
    public const string DefaultFolder = "files";

    public static IFileStore Create(FileStoreOptions options, StorageOptions storage, FileCipher cipher)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(storage);
        return options.Provider switch
        {
            FileStoreProvider.S3 => new S3FileStore(S3FileStore.CreateClient(options.S3), options.S3.Bucket, options.S3.KeyPrefix, cipher),
            _ => new LocalFileStore(string.IsNullOrWhiteSpace(options.Directory) ? Path.Combine(storage.DataDirectory, DefaultFolder) : options.Directory, cipher),
        };
    }
}
