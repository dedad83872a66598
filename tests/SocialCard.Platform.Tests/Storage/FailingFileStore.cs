using SocialCard.Platform.Files;

namespace SocialCard.Platform.Tests.Storage;

/// <summary>A real store that fails every write after the first <c>writesBeforeFailing</c> (a crash mid-move).</summary>
internal sealed class FailingFileStore(IFileStore inner, int writesBeforeFailing) : IFileStore
{
    private int _writes;

    public int Writes => _writes;

    public Task PutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        Interlocked.Increment(ref _writes) > writesBeforeFailing
            ? throw new IOException("The store went away.")
            : inner.PutAsync(key, content, cancellationToken);

    public Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);

    public Task<IReadOnlyList<StoredFile>> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);
}
