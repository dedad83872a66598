namespace SocialCard.Platform.Domain;

/// <summary>单位照片批次 / one zip uploaded by a unit (at most 50 photos, seed 000).</summary>
public sealed class Batch
{
    public const int MaxEntries = 50;

    private Batch()
    {
        Operator = string.Empty;
        FileName = string.Empty;
    }

    public Batch(long unitId, string operatorName, string fileName, int entryCount, DateTimeOffset receivedAt)
    {
        if (entryCount is < 1 or > MaxEntries)
        {
            DomainThrowHelper.Throw($"一次上传的照片数应在1至{MaxEntries}张之间。", $"A batch holds 1 to {MaxEntries} photos.");
        }

        UnitId = unitId;
        Operator = operatorName;
        FileName = fileName;
        EntryCount = entryCount;
        ReceivedAt = receivedAt;
        State = BatchState.Received;
    }

    public long Id { get; private set; }

    public long UnitId { get; private set; }

    public string Operator { get; private set; }

    public string FileName { get; private set; }

    public int EntryCount { get; private set; }

    public int PassedCount { get; private set; }

    public int FailedCount { get; private set; }

    public BatchState State { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }

    public void CompleteReview(int passed, int failed, DateTimeOffset at)
    {
        if (State != BatchState.Received)
        {
            DomainThrowHelper.Throw("批次已完成预审。", "The batch has already been reviewed.");
        }

        if (passed + failed != EntryCount)
        {
            DomainThrowHelper.Throw("预审结果数与批次照片数不一致。", "Review counts do not add up to the batch size.");
        }

        PassedCount = passed;
        FailedCount = failed;
        ReviewedAt = at;
        State = BatchState.Reviewed;
    }

    public void MarkSent()
    {
        if (State != BatchState.Reviewed)
        {
            DomainThrowHelper.Throw("只有已预审的批次才能发送至制卡中心。", "Only a reviewed batch can be sent to the card centre.");
        }

        State = BatchState.SentToCardCentre;
    }
}
