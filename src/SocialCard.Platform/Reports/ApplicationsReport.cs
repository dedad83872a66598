using System.Globalization;
using SocialCard.Platform.Desks;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Domain.Codes;

using SocialCard.Platform.Centre;

namespace SocialCard.Platform.Reports;

/// <summary>
/// 申领信息导出: the applications the wizard collected, one row each, as .xlsx or .csv. Codes are written as their
/// names (职业 "军人", not "X"); the ID number stays masked (the personal number identifies the person).
/// </summary>
public static class ApplicationsReport
{
    public const string DefaultSheetName = "社保卡申领信息";

    public static IReadOnlyList<string> Headers { get; } = [.. Columns(new CentreOptions()).Select(static c => c.Header)];

    /// <summary>The columns; the bank is named from the centre's bank list.</summary>
    private static ReportColumn<ApplicationReview>[] Columns(CentreOptions centre) =>
    [
        new("申领编号", 10, static (r, _, _) => ReportCell.OfText(r.Id.ToString(CultureInfo.InvariantCulture))),
        new("个人编号", 14, static (r, _, _) => ReportCell.OfText(r.PersonalNumber)),
        new("姓名", 12, static (r, _, _) => ReportCell.OfText(r.Name)),
        new("证件号码", 20, static (r, _, _) => ReportCell.OfText(r.MaskedIdNumber)),
        new("手机号码", 14, static (r, _, _) => ReportCell.OfText(r.Phone ?? "")),
        new("现今工作单位", 30, static (r, _, _) => ReportCell.OfText(r.UnitName ?? r.UnitCode ?? "")),
        new("证件发证机关", 24, static (r, _, _) => ReportCell.OfText(r.IdIssuingAuthority ?? "")),
        new("证件有效期", 24, static (r, _, _) => ReportCell.OfText(Validity(r))),
        new("户口所在地址", 36, static (r, _, _) => ReportCell.OfText(r.HouseholdAddress ?? ""), Wrap: true),
        new("常住地址", 36, static (r, _, _) => ReportCell.OfText(r.ResidentialAddress ?? ""), Wrap: true),
        new("邮政编码", 10, static (r, _, _) => ReportCell.OfText(r.PostalCode ?? "")),
        new("职业", 24, static (r, _, _) => ReportCell.OfText(r.OccupationCode is { } c ? OccupationCodes.Find(c)?.Zh ?? c : "")),
        new("学历", 16, static (r, _, _) => ReportCell.OfText(r.EducationCode is { } c ? EducationCodes.Find(c)?.Zh ?? c : "")),
        new("开户银行", 24, (r, _, _) => ReportCell.OfText(Bank(r, centre))),
        new("状态", 10, static (r, _, _) => ReportCell.OfText(State(r.State))),
        new("提交时间", 20, static (r, _, offset) => r.SubmittedAt is { } t ? ReportCell.OfTime(t.ToOffset(offset).DateTime) : ReportCell.OfText("")),
    ];

    public static void WriteXlsx(Stream output, IEnumerable<ApplicationReview> rows, FailureReportOptions? options = null, CentreOptions? centre = null)
    {
        options ??= FailureReportOptions.Default;
        XlsxTableWriter.Write(output, options.SheetName ?? DefaultSheetName, Columns(centre ?? new CentreOptions()), rows, options.DisplayOffset);
    }

    public static void WriteCsv(Stream output, IEnumerable<ApplicationReview> rows, FailureReportOptions? options = null, CentreOptions? centre = null)
    {
        options ??= FailureReportOptions.Default;
        CsvTableWriter.Write(output, Columns(centre ?? new CentreOptions()), rows, options.DisplayOffset);
    }

    /// <summary>The state as the desk says it.</summary>
    public static string State(ApplicationState state) => state switch
    {
        ApplicationState.Draft => "填写中",
        ApplicationState.Submitted => "已提交（24小时内可修改）",
        ApplicationState.HandedOver => "已移交社保局",
        _ => state.ToString(),
    };

    private static string Validity(ApplicationReview r) =>
        r.IdValidFrom is not { } from ? "" : r.IdValidLongTerm ? $"{from:yyyy.MM.dd}-长期" : $"{from:yyyy.MM.dd}-{r.IdValidUntil:yyyy.MM.dd}";

    private static string Bank(ApplicationReview r, CentreOptions centre) =>
        r.BankCode is not { } code ? "" : $"{centre.BankName(code)}{(string.IsNullOrEmpty(r.BankBranch) ? "" : " " + r.BankBranch)}";
}
