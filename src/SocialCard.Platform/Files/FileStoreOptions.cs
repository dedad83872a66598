namespace SocialCard.Platform.Files;

/// <summary>Bound from the "FileStore" section: where photos, ID-card images and exports are kept.</summary>
public sealed class FileStoreOptions
{
    /// <summary>Local (one machine, the default) or S3 (several nodes).</summary>
    public FileStoreProvider Provider { get; set; } = FileStoreProvider.Local;

    /// <summary>Root folder of the local store; empty = <c>files</c> under <c>Storage:DataDirectory</c>.</summary>
    public string? Directory { get; set; }

    public S3FileStoreOptions S3 { get; set; } = new();
}
