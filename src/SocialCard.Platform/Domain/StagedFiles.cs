namespace SocialCard.Platform.Domain;

/// <summary>
/// New content for an entity's images, held on the entity until its row is saved: the save
/// (<see cref="Storage.PlatformDbContext"/>) writes each into the encrypted file store and records its key in the row
/// (a null content clears the image). Keyed by slot ("original", "id-front", ...).
/// </summary>
public sealed class StagedFiles
{
    private readonly Dictionary<string, byte[]?> _pending = new(StringComparer.Ordinal);

    public int Count => _pending.Count;

    public IEnumerable<KeyValuePair<string, byte[]?>> Pending => _pending;

    public void Stage(string slot, byte[]? content) => _pending[slot] = content;

    /// <summary>True with the staged content (which may be null: cleared) when <paramref name="slot"/> has one.</summary>
    public bool TryGet(string slot, out byte[]? content) => _pending.TryGetValue(slot, out content);

    internal void Clear() => _pending.Clear();
}
