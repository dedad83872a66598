using SocialCard.Platform.Batches;

namespace SocialCard.Platform.Reports;

/// <summary>
/// The unit's pre-review failure list (照片预审不合格人员名单) as .xlsx or .csv, with the columns
/// 序号, 个人编号, 姓名, 文件名, 预审结果, 不合格原因, 处理建议, 上传时间.
/// </summary>
public static class PreReviewFailureReport
{
    /// <summary>Default 处理建议 (seed 000, 六、2: the unit must collect and submit a standard photo again).</summary>
    public const string DefaultAdvice = "请按采集要求重新采集并提交标准照片";

    /// <summary>预审结果 for a photo that failed pre-review.</summary>
    public const string ResultFailed = "预审不合格";

    /// <summary>预审结果 for a passed photo whose personal number is not in the card database.</summary>
    public const string ResultUnmatched = "人员编号不匹配";

    /// <summary>Default worksheet name.</summary>
    public const string DefaultSheetName = "预审不合格人员名单";

    /// <summary>Column headers, in order.</summary>
    public static IReadOnlyList<string> Headers { get; } = [.. Columns.Select(static c => c.Header)];

    private static ReportColumn<PreReviewFailureRow>[] Columns =>
    [
        new("序号", 6, static (_, seq, _) => ReportCell.OfNumber(seq)),
        new("个人编号", 14, static (r, _, _) => ReportCell.OfText(r.PersonalNumber)),
        new("姓名", 12, static (r, _, _) => ReportCell.OfText(r.Name)),
        new("文件名", 20, static (r, _, _) => ReportCell.OfText(r.FileName)),
        new("预审结果", 14, static (r, _, _) => ReportCell.OfText(r.Result)),
        new("不合格原因", 50, static (r, _, _) => ReportCell.OfText(r.Reasons), Wrap: true),
        new("处理建议", 36, static (r, _, _) => ReportCell.OfText(r.Advice), Wrap: true),
        new("上传时间", 20, static (r, _, offset) => ReportCell.OfTime(r.UploadedAt.ToOffset(offset).DateTime)),
    ];

    /// <summary>Writes the list as an .xlsx workbook with one sheet.</summary>
    public static void WriteXlsx(Stream output, IEnumerable<PreReviewFailureRow> rows, FailureReportOptions? options = null)
    {
        options ??= FailureReportOptions.Default;
        XlsxTableWriter.Write(output, options.SheetName ?? DefaultSheetName, Columns, rows, options.DisplayOffset);
    }

    /// <summary>Writes the list as UTF-8 (with BOM) CSV.</summary>
    public static void WriteCsv(Stream output, IEnumerable<PreReviewFailureRow> rows, FailureReportOptions? options = null)
    {
        options ??= FailureReportOptions.Default;
        CsvTableWriter.Write(output, Columns, rows, options.DisplayOffset);
    }

    /// <summary>Joins reasons into one 不合格原因 cell: <c>1. …；2. …</c> (a single reason is written bare).</summary>
    public static string JoinReasons(IEnumerable<string> reasons)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        var list = reasons.Where(static r => !string.IsNullOrWhiteSpace(r)).ToList();
        return list.Count switch
        {
            0 => string.Empty,
            1 => list[0],
            _ => string.Join("；", list.Select(static (r, i) => $"{i + 1}. {r}")),
        };
    }

    /// <summary>
    /// Builds a row from a voided pre-review outcome (failed or unmatched), with the Chinese reasons joined.
    /// </summary>
    /// <param name="outcome">A <see cref="PreReviewDisposition.FailedPreReview"/> or <see cref="PreReviewDisposition.Unmatched"/> outcome.</param>
    /// <param name="displayName">姓名 as it should appear (already masked if needed).</param>
    /// <param name="uploadedAt">When the batch was uploaded.</param>
    /// <param name="advice">处理建议; <see cref="DefaultAdvice"/> when null.</param>
    /// <param name="displayNumber">个人编号 as it should appear; the entry's number when null.</param>
    public static PreReviewFailureRow RowFromOutcome(BatchEntryOutcome outcome, string displayName, DateTimeOffset uploadedAt, string? advice = null, string? displayNumber = null)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (!outcome.IsVoided)
        {
            throw new ArgumentException("Only voided outcomes belong on the failure list.", nameof(outcome));
        }

        return new PreReviewFailureRow(
            displayNumber ?? outcome.Entry.PersonalNumber,
            displayName,
            outcome.Entry.FileName,
            outcome.Disposition == PreReviewDisposition.Unmatched ? ResultUnmatched : ResultFailed,
            JoinReasons(outcome.Reasons.Select(static r => r.MessageZh)),
            advice ?? DefaultAdvice,
            uploadedAt);
    }
}
