using System.Globalization;
using CsvHelper;
using SocialCard.Photos;
using SocialCard.Photos.Rules;

namespace SocialCard.Cli.Output;

/// <summary>One row per finding that is not a pass (one row with an empty rule for a photo that passes everything).
/// UTF-8 with a byte-order mark so that Excel shows the Chinese text.</summary>
internal static class CsvReportWriter
{
    private static readonly CsvWriterOptions Options = new()
    {
        Injection = CsvInjection.Escape,
        NewLine = "\r\n",
        FormatProvider = CultureInfo.InvariantCulture,
    };

    internal static void Write(TextWriter writer, IReadOnlyList<PhotoReport> reports)
    {
        using var csv = CsvWriter.Create(writer, Options, leaveOpen: true);
        foreach (string header in new[] { "file", "verdict", "rule", "outcome", "value", "limit", "message_zh", "message_en" })
        {
            csv.WriteField(header);
        }

        csv.EndRecord();
        foreach (PhotoReport report in reports)
        {
            bool any = false;
            foreach (RuleFinding finding in report.Findings)
            {
                if (finding.Outcome is RuleOutcome.Pass or RuleOutcome.Skip)
                {
                    continue;
                }

                any = true;
                WriteRow(csv, report, finding.Rule, finding.Outcome.ToString().ToLowerInvariant(), Convert.ToString(finding.Value, CultureInfo.InvariantCulture),
                    finding.Limit, finding.Message.Zh, finding.Message.En);
            }

            if (!any)
            {
                WriteRow(csv, report, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty);
            }
        }
    }

    private static void WriteRow(CsvWriter csv, PhotoReport report, string rule, string outcome, string? value, string limit, string zh, string en)
    {
        csv.WriteField(report.File);
        csv.WriteField(report.Verdict.ToString().ToLowerInvariant());
        csv.WriteField(rule);
        csv.WriteField(outcome);
        csv.WriteField(value ?? string.Empty);
        csv.WriteField(limit);
        csv.WriteField(zh);
        csv.WriteField(en);
        csv.EndRecord();
    }
}
