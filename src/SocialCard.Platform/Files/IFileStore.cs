namespace SocialCard.Platform.Files;

/// <summary>
/// Where the platform keeps files every node must see: photos, ID-card images and card-centre export packages.
/// Keys are relative, slash-separated names (<see cref="FileKey"/>); contents are encrypted in the store
/// (<see cref="FileCipher"/>), so callers read and write plain bytes. <see cref="LocalFileStore"/> is the
/// single-machine default, <see cref="S3FileStore"/> serves several nodes from S3-compatible object storage.
/// </summary>
public interface IFileStore
{
    /// <summary>Writes (or replaces) the file; a reader sees the old or the new content, never half of it.</summary>
    Task PutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>The plain content, or null when there is no such file.</summary>
    Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Returns false when there was no such file.</summary>
    Task<bool> DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Files whose key starts with <paramref name="prefix"/> (a folder such as "exports/"), in key order.</summary>
    Task<IReadOnlyList<StoredFile>> ListAsync(string prefix, CancellationToken cancellationToken);
}
