namespace SocialCard.Platform.Domain;

/// <summary>How a photo reached us.</summary>
public enum PhotoChannel
{
    /// <summary>申请人上传 / uploaded by the applicant in the wizard.</summary>
    Applicant = 1,

    /// <summary>单位批量上传 / a unit's zip batch.</summary>
    UnitBatch = 2,

    /// <summary>柜面提交 / scanned at the counter from a paper photo.</summary>
    Counter = 3,
}
