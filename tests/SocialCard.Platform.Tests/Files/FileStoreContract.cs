using System.Security.Cryptography;
using System.Text;
using SocialCard.Platform.Files;

namespace SocialCard.Platform.Tests.Files;

/// <summary>What every <see cref="IFileStore"/> must do, run against the local store and the S3 store alike.</summary>
public abstract class FileStoreContract
{
    protected abstract Task<IFileStore> StoreAsync();

    /// <summary>The stored (encrypted) bytes of a key, as the disk or the bucket holds them.</summary>
    protected abstract Task<byte[]> RawAsync(string key);

    /// <summary>Replaces the stored bytes of a key behind the store's back.</summary>
    protected abstract Task WriteRawAsync(string key, byte[] bytes);

    [Fact]
    public async Task A_file_written_reads_back_and_is_encrypted_where_it_is_kept()
    {
        IFileStore store = await StoreAsync();
        byte[] plain = Encoding.UTF8.GetBytes("身份证号 510107198001010011 / 张小明 " + new string('x', 5000));
        await store.PutAsync("photos/applicants/1/original.jpg", plain, default);

        Assert.Equal(plain, await store.GetAsync("photos/applicants/1/original.jpg", default));
        byte[] raw = await RawAsync("photos/applicants/1/original.jpg");
        Assert.Equal(plain.Length + FileCipher.Overhead, raw.Length);
        Assert.Equal(-1, raw.AsSpan().IndexOf(Encoding.UTF8.GetBytes("510107198001010011")));
        Assert.Equal(-1, raw.AsSpan().IndexOf(Encoding.UTF8.GetBytes("张小明")));
    }

    [Fact]
    public async Task A_missing_file_reads_as_null_and_deletes_as_false()
    {
        IFileStore store = await StoreAsync();
        Assert.Null(await store.GetAsync("exports/none.zip", default));
        Assert.False(await store.DeleteAsync("exports/none.zip", default));
    }

    [Fact]
    public async Task Writing_again_replaces_and_delete_removes()
    {
        IFileStore store = await StoreAsync();
        await store.PutAsync("exports/a.zip", new byte[] { 1, 2, 3 }, default);
        await store.PutAsync("exports/a.zip", new byte[] { 4, 5 }, default);
        Assert.Equal(new byte[] { 4, 5 }, await store.GetAsync("exports/a.zip", default));

        Assert.True(await store.DeleteAsync("exports/a.zip", default));
        Assert.Null(await store.GetAsync("exports/a.zip", default));
        Assert.Empty(await store.ListAsync("exports/", default));
    }

    [Fact]
    public async Task List_returns_the_files_under_a_prefix_in_key_order_with_their_plain_sizes()
    {
        IFileStore store = await StoreAsync();
        await store.PutAsync("exports/b.zip", new byte[10], default);
        await store.PutAsync("exports/a.zip", new byte[20], default);
        await store.PutAsync("exports/old/c.zip", new byte[5], default);
        await store.PutAsync("exportsx/d.zip", new byte[1], default);
        await store.PutAsync("photos/1.jpg", new byte[1], default);

        IReadOnlyList<StoredFile> files = await store.ListAsync("exports/", default);
        Assert.Equal(["exports/a.zip", "exports/b.zip", "exports/old/c.zip"], files.Select(f => f.Key));
        Assert.Equal([20L, 10L, 5L], files.Select(f => f.Size));
        Assert.All(files, f => Assert.True(f.LastModified > DateTimeOffset.UtcNow.AddHours(-1)));
    }

    [Fact]
    public async Task A_changed_blob_or_a_blob_moved_to_another_key_does_not_decrypt()
    {
        IFileStore store = await StoreAsync();
        await store.PutAsync("idcards/1/front.jpg", new byte[] { 9, 9, 9, 9 }, default);
        byte[] raw = await RawAsync("idcards/1/front.jpg");

        await WriteRawAsync("idcards/2/front.jpg", raw); // same bytes under another name
        await Assert.ThrowsAnyAsync<CryptographicException>(() => store.GetAsync("idcards/2/front.jpg", default));

        raw[^1] ^= 0x01;
        await WriteRawAsync("idcards/1/front.jpg", raw);
        await Assert.ThrowsAnyAsync<CryptographicException>(() => store.GetAsync("idcards/1/front.jpg", default));
    }

    [Theory]
    [InlineData("../escape.jpg")]
    [InlineData("photos/../../escape.jpg")]
    [InlineData("/absolute.jpg")]
    [InlineData("photos//double.jpg")]
    [InlineData("photos/./here.jpg")]
    [InlineData("photos\\back.jpg")]
    [InlineData("照片.jpg")]
    [InlineData("")]
    public async Task Keys_outside_the_key_rule_are_refused(string key)
    {
        IFileStore store = await StoreAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync(key, new byte[] { 1 }, default));
        await Assert.ThrowsAsync<ArgumentException>(() => store.GetAsync(key, default));
    }

    protected static FileCipher NewCipher() => new(RandomNumberGenerator.GetBytes(32));
}
