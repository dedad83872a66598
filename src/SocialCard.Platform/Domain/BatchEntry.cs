namespace SocialCard.Platform.Domain;

/// <summary>One file of a batch as received, before review. The pre-review job turns each into a <see cref="Photo"/>.
/// Its bytes live in the encrypted file store (<see cref="BytesKey"/>), written when the row is saved.</summary>
public sealed class BatchEntry : IFileBacked
{
    public const string BytesSlot = "bytes";

    private BatchEntry()
    {
        EntryName = string.Empty;
        PersonalNumber = string.Empty;
    }

    public BatchEntry(long batchId, string entryName, string personalNumber, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        BatchId = batchId;
        EntryName = entryName;
        PersonalNumber = personalNumber;
        Staged.Stage(BytesSlot, bytes);
    }

    public long Id { get; private set; }

    public long BatchId { get; private set; }

    public string EntryName { get; private set; }

    /// <summary>The 10-digit personal number taken from the file name.</summary>
    public string PersonalNumber { get; private set; }

    /// <summary>Where the file's bytes lie in the file store (set when the row is saved).</summary>
    public string? BytesKey { get; private set; }

    public string FileFolder => "batch-entries";

    public StagedFiles Staged { get; } = new();

    public IEnumerable<string> FileKeys => BytesKey is null ? [] : [BytesKey];

    public string? GetFileKey(string slot) =>
        slot == BytesSlot ? BytesKey : throw new ArgumentOutOfRangeException(nameof(slot), slot, null);

    public void SetFileKey(string slot, string? key) =>
        BytesKey = slot == BytesSlot ? key : throw new ArgumentOutOfRangeException(nameof(slot), slot, null);
}
