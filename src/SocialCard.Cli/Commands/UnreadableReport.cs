using SocialCard.Photos;
using SocialCard.Photos.Rules;

namespace SocialCard.Cli.Commands;

/// <summary>The report of an input whose bytes could not be read at all (I/O error, damaged zip entry, oversize).</summary>
internal static class UnreadableReport
{
    internal const string RuleId = "file.read";

    /// <param name="file">The input as the user gave it.</param>
    /// <param name="reason">"中文 / English".</param>
    /// <param name="ruleId">The finding's rule id (<see cref="RuleId"/> unless another step failed).</param>
    internal static PhotoReport Create(string file, string reason, string ruleId = RuleId)
    {
        string[] parts = reason.Split(" / ", 2);
        var finding = new RuleFinding
        {
            Rule = ruleId,
            Outcome = RuleOutcome.Fail,
            Message = new LocalizedText(parts[0], parts.Length > 1 ? parts[1] : parts[0]),
        };
        return new PhotoReport { File = file, Verdict = PhotoVerdict.Error, Findings = [finding] };
    }
}
