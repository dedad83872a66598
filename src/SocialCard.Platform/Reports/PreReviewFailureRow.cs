namespace SocialCard.Platform.Reports;

/// <summary>
/// One line of a unit's pre-review failure list (照片预审不合格人员名单, seed 000, 六). Strings are written as given:
/// pass names already masked when the audience must not see them in full.
/// </summary>
/// <param name="PersonalNumber">个人编号 (10 digits), or an already-masked form.</param>
/// <param name="Name">姓名, as it should appear (masked or not).</param>
/// <param name="FileName">文件名 as uploaded.</param>
/// <param name="Result">预审结果, e.g. <c>不合格</c> or <c>人员编号不匹配</c>.</param>
/// <param name="Reasons">不合格原因, one text (join several with <see cref="PreReviewFailureReport.JoinReasons"/>).</param>
/// <param name="Advice">处理建议, e.g. <see cref="PreReviewFailureReport.DefaultAdvice"/>.</param>
/// <param name="UploadedAt">上传时间.</param>
public sealed record PreReviewFailureRow(
    string PersonalNumber,
    string Name,
    string FileName,
    string Result,
    string Reasons,
    string Advice,
    DateTimeOffset UploadedAt);
