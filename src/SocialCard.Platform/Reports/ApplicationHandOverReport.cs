namespace SocialCard.Platform.Reports;

/// <summary>
/// The file that goes to the social insurance bureau with the applications handed over after their 24 hours: CSV
/// (<see cref="CsvTableWriter"/>: UTF-8 with BOM, Chinese header, Beijing time). It carries full ID numbers, so it
/// lives only in the encrypted file store.
/// </summary>
public static class ApplicationHandOverReport
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>Column headers, in order.</summary>
    public static IReadOnlyList<string> Headers { get; } = [.. Columns.Select(static c => c.Header)];

    private static ReportColumn<ApplicationHandOverRow>[] Columns =>
    [
        new("序号", 6, static (_, seq, _) => ReportCell.OfNumber(seq)),
        new("申请编号", 10, static (r, _, _) => ReportCell.OfNumber(r.ApplicationId)),
        new("姓名", 12, static (r, _, _) => ReportCell.OfText(r.Name)),
        new("证件类型", 10, static (r, _, _) => ReportCell.OfText(r.IdType)),
        new("证件号码", 20, static (r, _, _) => ReportCell.OfText(r.IdNumber)),
        new("社会保障号码", 14, static (r, _, _) => ReportCell.OfText(r.SocialSecurityNumber)),
        new("个人编号", 14, static (r, _, _) => ReportCell.OfText(r.PersonalNumber)),
        new("银行代码", 10, static (r, _, _) => ReportCell.OfText(r.BankCode)),
        new("开户网点", 16, static (r, _, _) => ReportCell.OfText(r.BankBranch)),
        new("提交时间", 20, static (r, _, offset) => r.SubmittedAt is { } at ? ReportCell.OfTime(at.ToOffset(offset).DateTime) : ReportCell.OfText(null)),
        new("移交时间", 20, static (r, _, offset) => ReportCell.OfTime(r.HandedOverAt.ToOffset(offset).DateTime)),
    ];

    public static byte[] ToCsv(IEnumerable<ApplicationHandOverRow> rows)
    {
        using var output = new MemoryStream();
        CsvTableWriter.Write(output, Columns, rows, Beijing);
        return output.ToArray();
    }
}
