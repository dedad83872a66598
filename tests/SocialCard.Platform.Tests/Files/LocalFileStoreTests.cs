using SocialCard.Platform.Files;

namespace SocialCard.Platform.Tests.Files;

public sealed class LocalFileStoreTests : FileStoreContract, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sc-files-" + Guid.NewGuid().ToString("n")[..10]);
    private readonly LocalFileStore _store;

    public LocalFileStoreTests() => _store = new LocalFileStore(_root, NewCipher());

    protected override Task<IFileStore> StoreAsync() => Task.FromResult<IFileStore>(_store);

    protected override Task<byte[]> RawAsync(string key) => File.ReadAllBytesAsync(_store.PathOf(key));

    protected override async Task WriteRawAsync(string key, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_store.PathOf(key))!);
        await File.WriteAllBytesAsync(_store.PathOf(key), bytes);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Files_are_readable_by_the_service_account_only()
    {
        await _store.PutAsync("photos/applicants/7/original.jpg", new byte[] { 1, 2, 3 }, default);
        string path = _store.PathOf("photos/applicants/7/original.jpg");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_root));
    }

    [Fact]
    public async Task No_temp_file_is_left_and_none_is_listed()
    {
        await _store.PutAsync("exports/p.zip", new byte[100], default);
        Assert.Equal(["p.zip"], Directory.GetFiles(Path.Combine(_root, "exports")).Select(Path.GetFileName));
        File.WriteAllBytes(Path.Combine(_root, "exports", "q.zip.0badc0de.part"), new byte[40]);
        Assert.Equal(["exports/p.zip"], (await _store.ListAsync("exports/", default)).Select(f => f.Key));
    }

    [Fact]
    public async Task Another_store_on_the_same_folder_with_the_same_key_reads_the_file_and_one_with_another_key_cannot()
    {
        byte[] master = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        var first = new LocalFileStore(_root, new FileCipher(master));
        await first.PutAsync("exports/shared.zip", new byte[] { 7, 7 }, default);

        Assert.Equal(new byte[] { 7, 7 }, await new LocalFileStore(_root, new FileCipher(master)).GetAsync("exports/shared.zip", default));
        await Assert.ThrowsAnyAsync<System.Security.Cryptography.CryptographicException>(
            () => new LocalFileStore(_root, NewCipher()).GetAsync("exports/shared.zip", default));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
