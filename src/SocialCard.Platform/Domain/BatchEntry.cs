namespace SocialCard.Platform.Domain;

/// <summary>One file of a batch as received, before review. The pre-review job turns each into a <see cref="Photo"/>.</summary>
public sealed class BatchEntry
{
    private BatchEntry()
    {
        EntryName = string.Empty;
        PersonalNumber = string.Empty;
        Bytes = [];
    }

    public BatchEntry(long batchId, string entryName, string personalNumber, byte[] bytes)
    {
        BatchId = batchId;
        EntryName = entryName;
        PersonalNumber = personalNumber;
        Bytes = bytes;
    }

    public long Id { get; private set; }

    public long BatchId { get; private set; }

    public string EntryName { get; private set; }

    /// <summary>The 10-digit personal number taken from the file name.</summary>
    public string PersonalNumber { get; private set; }

    public byte[] Bytes { get; private set; }
}
