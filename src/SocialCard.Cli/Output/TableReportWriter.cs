using Spectre.Console;
using SocialCard.Photos;
using SocialCard.Photos.Rules;

namespace SocialCard.Cli.Output;

/// <summary>A console table: one row per photo with its verdict and the reasons in Chinese, then a summary line.</summary>
internal static class TableReportWriter
{
    internal static void Write(IAnsiConsole console, string profileId, IReadOnlyList<PhotoReport> reports)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"照片预审 / Photo pre-review · {Markup.Escape(profileId)}");
        table.AddColumn("文件 / File");
        table.AddColumn("结论 / Verdict");
        table.AddColumn("原因 / Reasons");
        foreach (PhotoReport report in reports)
        {
            IEnumerable<string> reasons = report.Findings
                .Where(f => f.Outcome is RuleOutcome.Fail or RuleOutcome.Warn)
                .Select(f => $"{(f.Outcome == RuleOutcome.Fail ? "✗" : "!")} {f.Rule}: {f.Message.Zh}");
            table.AddRow(
                new Text(report.File),
                new Markup(Verdict(report.Verdict)),
                new Text(string.Join(Environment.NewLine, reasons)));
        }

        console.Write(table);
        console.MarkupLine(
            $"共 {reports.Count} 张 / {reports.Count} photos: " +
            $"[green]合格 {Count(reports, PhotoVerdict.Pass)}[/], [yellow]警告 {Count(reports, PhotoVerdict.Warn)}[/], " +
            $"[red]不合格 {Count(reports, PhotoVerdict.Fail)}[/], [purple]无法读取 {Count(reports, PhotoVerdict.Error)}[/]");
    }

    private static int Count(IReadOnlyList<PhotoReport> reports, PhotoVerdict verdict) => reports.Count(r => r.Verdict == verdict);

    private static string Verdict(PhotoVerdict verdict) => verdict switch
    {
        PhotoVerdict.Pass => "[green]合格 pass[/]",
        PhotoVerdict.Warn => "[yellow]警告 warn[/]",
        PhotoVerdict.Fail => "[red]不合格 fail[/]",
        _ => "[purple]无法读取 error[/]",
    };
}
