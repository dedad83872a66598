namespace SocialCard.Platform.Reports;

/// <summary>
/// One line of a unit's card-production failure list (单位制卡失败人员名单, seed 000, 四). Strings are written as given:
/// pass names already masked when the audience must not see them in full.
/// </summary>
/// <param name="PersonalNumber">个人编号, or an already-masked form.</param>
/// <param name="Name">姓名, as it should appear (masked or not).</param>
/// <param name="FailureReason">失败原因, e.g. <c>无照片</c>.</param>
/// <param name="Status">制卡状态, e.g. <c>制卡失败</c>.</param>
/// <param name="UpdatedAt">更新时间.</param>
public sealed record CardProductionFailureRow(
    string PersonalNumber,
    string Name,
    string FailureReason,
    string Status,
    DateTimeOffset UpdatedAt);
