namespace SocialCard.Platform.Files;

/// <summary>
/// The single-machine store: one encrypted file per key under a root folder. Files are 0600 and folders 0700 (the
/// service account only); a write goes to a temp name and is renamed, so a reader never sees half a file.
/// </summary>
public sealed class LocalFileStore : IFileStore
{
    private const string PartSuffix = ".part";
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private readonly string _root;
    private readonly FileCipher _cipher;

    public LocalFileStore(string root, FileCipher cipher)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        _root = Path.GetFullPath(root);
        _cipher = cipher ?? throw new ArgumentNullException(nameof(cipher));
    }

    public string Root => _root;

    /// <summary>Where the file of <paramref name="key"/> lies on disk (for tests and operators; its content is encrypted).</summary>
    public string PathOf(string key) => Path.Combine(_root, FileKey.Validate(key).Replace('/', Path.DirectorySeparatorChar));

    public async Task PutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        string path = PathOf(key);
        CreateFolder(Path.GetDirectoryName(path)!);
        byte[] stored = _cipher.Encrypt(key, content.Span);
        string part = path + "." + Guid.NewGuid().ToString("n")[..8] + PartSuffix;
        var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        try
        {
            await using (var stream = new FileStream(part, options))
            {
                await stream.WriteAsync(stored, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            File.Move(part, path, overwrite: true);
        }
        catch
        {
            File.Delete(part);
            throw;
        }
    }

    public async Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        string path = PathOf(key);
        byte[] stored;
        try
        {
            stored = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        return _cipher.Decrypt(key, stored);
    }

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken)
    {
        string path = PathOf(key);
        if (!File.Exists(path))
        {
            return Task.FromResult(false);
        }

        File.Delete(path);
        return Task.FromResult(true);
    }

    public Task<IReadOnlyList<StoredFile>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        FileKey.ValidatePrefix(prefix);
        if (!Directory.Exists(_root))
        {
            return Task.FromResult<IReadOnlyList<StoredFile>>([]);
        }

        // Walk only the folder the prefix names (its part up to the last '/'), then filter by the whole prefix.
        int slash = prefix.LastIndexOf('/');
        string folder = slash < 0 ? _root : Path.Combine(_root, prefix[..slash].Replace('/', Path.DirectorySeparatorChar));
        if (!Directory.Exists(folder))
        {
            return Task.FromResult<IReadOnlyList<StoredFile>>([]);
        }

        List<StoredFile> files = [];
        foreach (FileInfo file in new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            string key = Path.GetRelativePath(_root, file.FullName).Replace(Path.DirectorySeparatorChar, '/');
            if (key.StartsWith(prefix, StringComparison.Ordinal) && !key.EndsWith(PartSuffix, StringComparison.Ordinal) && FileKey.IsValid(key))
            {
                files.Add(new StoredFile(key, Math.Max(0, file.Length - FileCipher.Overhead), new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero)));
            }
        }

        files.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return Task.FromResult<IReadOnlyList<StoredFile>>(files);
    }

    private void CreateFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }

        // Each missing level 0700, from the root down.
        string? parent = Path.GetDirectoryName(folder);
        if (parent is not null && !string.Equals(folder, _root, StringComparison.Ordinal) && !Directory.Exists(parent))
        {
            CreateFolder(parent);
        }

        Directory.CreateDirectory(folder, FolderMode);
    }
}
