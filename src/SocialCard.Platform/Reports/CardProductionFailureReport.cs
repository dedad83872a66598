namespace SocialCard.Platform.Reports;

/// <summary>
/// The unit's card-production failure list (单位制卡失败人员名单) as .xlsx or .csv, with the columns
/// 个人编号, 姓名, 失败原因, 制卡状态, 更新时间.
/// </summary>
public static class CardProductionFailureReport
{
    /// <summary>Default worksheet name.</summary>
    public const string DefaultSheetName = "制卡失败人员名单";

    /// <summary>Column headers, in order.</summary>
    public static IReadOnlyList<string> Headers { get; } = [.. Columns.Select(static c => c.Header)];

    private static ReportColumn<CardProductionFailureRow>[] Columns =>
    [
        new("个人编号", 14, static (r, _, _) => ReportCell.OfText(r.PersonalNumber)),
        new("姓名", 12, static (r, _, _) => ReportCell.OfText(r.Name)),
        new("失败原因", 50, static (r, _, _) => ReportCell.OfText(r.FailureReason), Wrap: true),
        new("制卡状态", 14, static (r, _, _) => ReportCell.OfText(r.Status)),
        new("更新时间", 20, static (r, _, offset) => ReportCell.OfTime(r.UpdatedAt.ToOffset(offset).DateTime)),
    ];

    /// <summary>Writes the list as an .xlsx workbook with one sheet.</summary>
    public static void WriteXlsx(Stream output, IEnumerable<CardProductionFailureRow> rows, FailureReportOptions? options = null)
    {
        options ??= FailureReportOptions.Default;
        XlsxTableWriter.Write(output, options.SheetName ?? DefaultSheetName, Columns, rows, options.DisplayOffset);
    }

    /// <summary>Writes the list as UTF-8 (with BOM) CSV.</summary>
    public static void WriteCsv(Stream output, IEnumerable<CardProductionFailureRow> rows, FailureReportOptions? options = null)
    {
        options ??= FailureReportOptions.Default;
        CsvTableWriter.Write(output, Columns, rows, options.DisplayOffset);
    }
}
