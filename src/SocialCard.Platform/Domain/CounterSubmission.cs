namespace SocialCard.Platform.Domain;

/// <summary>
/// 柜面提交纸质照片 (seed 000 五.2): a unit's paper submission for one person taken at the centre's counter: the
/// scanned photo (a <see cref="Photo"/> of channel <see cref="PhotoChannel.Counter"/>, in the same pre-review and
/// card pipeline as every photo) and whether the unit handed in the 申领表 (application form) and the 采集表
/// (collection form) with it.
/// </summary>
public sealed class CounterSubmission
{
    private CounterSubmission()
    {
        StaffActor = string.Empty;
    }

    public CounterSubmission(long unitId, long personId, long photoId, DateTimeOffset receivedAt, string staffActor,
        bool applicationFormReceived, bool collectionFormReceived)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(staffActor);
        UnitId = unitId;
        PersonId = personId;
        PhotoId = photoId;
        ReceivedAt = receivedAt;
        StaffActor = staffActor;
        ApplicationFormReceived = applicationFormReceived;
        CollectionFormReceived = collectionFormReceived;
    }

    public long Id { get; private set; }

    /// <summary>The unit that handed the paper in (the one the clerk selected; the person may sit in a sub-unit).</summary>
    public long UnitId { get; private set; }

    public long PersonId { get; private set; }

    public long PhotoId { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>The centre clerk who took it ("staff:login").</summary>
    public string StaffActor { get; private set; }

    /// <summary>申领表 received.</summary>
    public bool ApplicationFormReceived { get; private set; }

    /// <summary>采集表 received.</summary>
    public bool CollectionFormReceived { get; private set; }
}
