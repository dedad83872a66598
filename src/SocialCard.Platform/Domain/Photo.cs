namespace SocialCard.Platform.Domain;

/// <summary>One submitted photo: original bytes (never changed), optional fixed bytes, the engine's report and the
/// verdict. A photo from a unit batch is keyed by (batch, entry) so re-processing finds the existing row. The bytes live
/// in the encrypted file store (<see cref="OriginalKey"/>, <see cref="FixedKey"/>); new ones are written when the row is saved.</summary>
public sealed class Photo : IFileBacked
{
    public const string OriginalSlot = "original";
    public const string FixedSlot = "fixed";

    private Photo()
    {
        FileName = string.Empty;
    }

    public Photo(PhotoChannel channel, string fileName, byte[] original, DateTimeOffset receivedAt, long? personId = null,
        long? batchId = null, string? entryName = null)
    {
        if (channel == PhotoChannel.UnitBatch && (batchId is null || entryName is null))
        {
            DomainThrowHelper.Throw("单位批量照片必须关联批次和文件条目。", "A unit-batch photo needs its batch and entry.");
        }

        Channel = channel;
        ArgumentNullException.ThrowIfNull(original);
        FileName = fileName;
        Staged.Stage(OriginalSlot, original);
        ReceivedAt = receivedAt;
        PersonId = personId;
        BatchId = batchId;
        EntryName = entryName;
        Verdict = PhotoVerdict.Pending;
    }

    public long Id { get; private set; }

    public PhotoChannel Channel { get; private set; }

    public long? PersonId { get; private set; }

    public long? BatchId { get; private set; }

    /// <summary>The entry (file name) inside the batch zip.</summary>
    public string? EntryName { get; private set; }

    public string FileName { get; private set; }

    /// <summary>Where the original bytes lie in the file store (set when the row is saved).</summary>
    public string? OriginalKey { get; private set; }

    /// <summary>Keyed hash of the original bytes (<see cref="Security.FieldProtector.ContentHash"/>), set when the
    /// row is saved: finds the same file offered again for someone else without keeping a plain digest.</summary>
    public byte[]? ContentHash { get; internal set; }

    /// <summary>Where the fixed bytes lie in the file store; null when the photo has no fix.</summary>
    public string? FixedKey { get; private set; }

    /// <summary>The key of the version that goes on the card: the fixed one when there is one.</summary>
    public string? CardVersionKey => FixedKey ?? OriginalKey;

    /// <summary>True when the photo has (or is about to store) a fixed version.</summary>
    public bool HasFixed => Staged.TryGet(FixedSlot, out var staged) ? staged is not null : FixedKey is not null;

    public string FileFolder => "photos";

    public StagedFiles Staged { get; } = new();

    public IEnumerable<string> FileKeys => new[] { OriginalKey, FixedKey }.OfType<string>();

    /// <summary>The original bytes of a photo not saved yet (null once they are in the store).</summary>
    internal byte[]? StagedOriginal => Staged.TryGet(OriginalSlot, out var bytes) ? bytes : null;

    /// <summary>The face descriptor (<see cref="Security.FaceDescriptorText"/>) of a photo with one face, sealed at rest
    /// like every personal field (biometric data); null when the photo has none or was stored before descriptors.</summary>
    public string? FaceDescriptor { get; internal set; }

    /// <summary>The photo engine's report (findings) as JSON.</summary>
    public string? ReportJson { get; private set; }

    public PhotoVerdict Verdict { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }

    /// <summary>Records a review and keeps the fixed version the photo has (a staff override, or a review without a fix).</summary>
    public void RecordReview(PhotoVerdict verdict, string reportJson, DateTimeOffset at)
    {
        if (verdict == PhotoVerdict.Pending)
        {
            DomainThrowHelper.Throw("预审结果不能为待审。", "A review result cannot be pending.");
        }

        Verdict = verdict;
        ReportJson = reportJson;
        ReviewedAt = at;
    }

    /// <summary>Records the engine's review with its fixed version (null: none).</summary>
    public void RecordReview(PhotoVerdict verdict, string reportJson, DateTimeOffset at, byte[]? fixedBytes)
    {
        RecordReview(verdict, reportJson, at);
        Staged.Stage(FixedSlot, fixedBytes);
    }

    public string? GetFileKey(string slot) => slot switch
    {
        OriginalSlot => OriginalKey,
        FixedSlot => FixedKey,
        _ => throw new ArgumentOutOfRangeException(nameof(slot), slot, null),
    };

    public void SetFileKey(string slot, string? key)
    {
        switch (slot)
        {
            case OriginalSlot:
                OriginalKey = key;
                break;
            case FixedSlot:
                FixedKey = key;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(slot), slot, null);
        }
    }
}
