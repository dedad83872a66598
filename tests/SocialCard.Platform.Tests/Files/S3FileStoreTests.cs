using Amazon.S3;
using Amazon.S3.Model;
using SocialCard.Platform.Files;
using SocialCard.Platform.Storage;
using SocialCard.Platform.Tests.Infrastructure;

namespace SocialCard.Platform.Tests.Files;

/// <summary>The S3 store against a real S3-compatible server (moto) the test starts; one bucket per test.</summary>
public sealed class S3FileStoreTests : FileStoreContract, IClassFixture<MotoServer>, IDisposable
{
    private const string Prefix = "centre-a";
    private readonly MotoServer _moto;
    private readonly string _bucket = "sc-" + Guid.NewGuid().ToString("n")[..12];
    private AmazonS3Client? _client;

    public S3FileStoreTests(MotoServer moto) => _moto = moto;

    protected override async Task<IFileStore> StoreAsync()
    {
        _client ??= await _moto.BucketAsync(_bucket);
        return FileStores.Create(new FileStoreOptions { Provider = FileStoreProvider.S3, S3 = _moto.Options(_bucket, Prefix) },
            new StorageOptions(), Cipher);
    }

    private FileCipher Cipher { get; } = NewCipher();

    protected override async Task<byte[]> RawAsync(string key)
    {
        using GetObjectResponse response = await _client!.GetObjectAsync(_bucket, Prefix + "/" + key);
        using var buffer = new MemoryStream();
        await response.ResponseStream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    protected override async Task WriteRawAsync(string key, byte[] bytes)
    {
        using var body = new MemoryStream(bytes);
        await _client!.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = Prefix + "/" + key, InputStream = body });
    }

    [Fact]
    public async Task Objects_live_under_the_configured_prefix_and_two_nodes_see_the_same_files()
    {
        IFileStore nodeA = await StoreAsync();
        IFileStore nodeB = await StoreAsync();
        await nodeA.PutAsync("exports/package-1.zip", new byte[] { 1, 2, 3 }, default);

        Assert.Equal(new byte[] { 1, 2, 3 }, await nodeB.GetAsync("exports/package-1.zip", default));
        ListObjectsV2Response objects = await _client!.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket });
        Assert.Equal(["centre-a/exports/package-1.zip"], (objects.S3Objects ?? []).Select(o => o.Key));
    }

    [Fact]
    public async Task Listing_follows_continuation_pages()
    {
        _client ??= await _moto.BucketAsync(_bucket);
        var store = new S3FileStore(_client, _bucket, Prefix, Cipher) { ListPageSize = 3 };
        for (int i = 0; i < 8; i++)
        {
            await store.PutAsync($"many/{i:D2}.bin", new byte[] { (byte)i }, default);
        }

        IReadOnlyList<StoredFile> files = await store.ListAsync("many/", default);
        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"many/{i:D2}.bin"), files.Select(f => f.Key));
    }

    public void Dispose() => _client?.Dispose();
}
