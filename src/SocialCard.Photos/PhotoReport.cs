using SocialCard.Photos.Rules;

namespace SocialCard.Photos;

/// <summary>The pre-review result of one photo: verdict and one finding per rule, in rule order.</summary>
public sealed record PhotoReport
{
    public required string File { get; init; }

    public required PhotoVerdict Verdict { get; init; }

    public required IReadOnlyList<RuleFinding> Findings { get; init; }

    /// <summary>Findings that reject the photo.</summary>
    public IEnumerable<RuleFinding> Failures => Findings.Where(f => f.Outcome == RuleOutcome.Fail);

    /// <summary>Findings that fail or warn.</summary>
    public IEnumerable<RuleFinding> Problems => Findings.Where(f => f.Outcome is RuleOutcome.Fail or RuleOutcome.Warn);

    /// <summary>Verdict of a set of findings: fail if any fails, warn if any warns, else pass (error is decided by the checker).</summary>
    public static PhotoVerdict VerdictOf(IReadOnlyList<RuleFinding> findings)
    {
        PhotoVerdict verdict = PhotoVerdict.Pass;
        foreach (RuleFinding finding in findings)
        {
            if (finding.Outcome == RuleOutcome.Fail)
            {
                return PhotoVerdict.Fail;
            }

            if (finding.Outcome == RuleOutcome.Warn)
            {
                verdict = PhotoVerdict.Warn;
            }
        }

        return verdict;
    }
}
