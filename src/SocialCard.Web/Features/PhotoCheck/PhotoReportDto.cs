using SocialCard.Photos;
using SocialCard.Photos.Rules;

namespace SocialCard.Web.Features.PhotoCheck;

/// <summary>A photo's pre-review result: same shape as the CLI's JSON report (<see cref="PhotoReportJson"/>).</summary>
public sealed record PhotoReportDto(string File, string Verdict, IReadOnlyList<PhotoFindingDto> Findings)
{
    public static PhotoReportDto From(PhotoReport report) => new(
        report.File,
        PhotoReportJson.Name(report.Verdict),
        [.. report.Findings.Select(f => new PhotoFindingDto(
            f.Rule,
            PhotoReportJson.Name(f.Outcome),
            f.Value,
            f.Limit,
            new BilingualText(f.Message.Zh, f.Message.En)))]);

    /// <summary>Failing and warning findings, failures first.</summary>
    public IEnumerable<PhotoFindingDto> Problems =>
        Findings.Where(f => f.Outcome is "fail" or "warn").OrderBy(f => f.Outcome == "fail" ? 0 : 1);

    public bool Passed => Verdict is "pass" or "warn";

    internal static string OutcomeName(RuleOutcome outcome) => PhotoReportJson.Name(outcome);
}
