namespace SocialCard.Platform.Domain;

/// <summary>One submitted photo: original bytes (never changed), optional fixed bytes, the engine's report and the
/// verdict. A photo from a unit batch is keyed by (batch, entry) so re-processing finds the existing row.</summary>
public sealed class Photo
{
    private Photo()
    {
        Original = [];
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
        FileName = fileName;
        Original = original;
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

    public byte[] Original { get; private set; }

    /// <summary>Keyed hash of <see cref="Original"/> (<see cref="Security.FieldProtector.ContentHash"/>), set when the
    /// row is saved: finds the same file offered again for someone else without keeping a plain digest.</summary>
    public byte[]? ContentHash { get; internal set; }

    /// <summary>The face descriptor (<see cref="Security.FaceDescriptorText"/>) of a photo with one face, sealed at rest
    /// like every personal field (biometric data); null when the photo has none or was stored before descriptors.</summary>
    public string? FaceDescriptor { get; internal set; }

    public byte[]? Fixed { get; private set; }

    /// <summary>The photo engine's report (findings) as JSON.</summary>
    public string? ReportJson { get; private set; }

    public PhotoVerdict Verdict { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }

    public void RecordReview(PhotoVerdict verdict, string reportJson, DateTimeOffset at, byte[]? fixedBytes = null)
    {
        if (verdict == PhotoVerdict.Pending)
        {
            DomainThrowHelper.Throw("预审结果不能为待审。", "A review result cannot be pending.");
        }

        Verdict = verdict;
        ReportJson = reportJson;
        ReviewedAt = at;
        Fixed = fixedBytes;
    }
}
