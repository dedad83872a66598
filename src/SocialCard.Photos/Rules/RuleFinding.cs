using System.Globalization;
using SocialCard.Photos.Profiles;

namespace SocialCard.Photos.Rules;

/// <summary>What one rule found on one photo: outcome, measured value, allowed range, and a bilingual message that
/// says what is wrong and how to fix it.</summary>
public sealed record RuleFinding
{
    public required string Rule { get; init; }

    public required RuleOutcome Outcome { get; init; }

    /// <summary>Measured number, when the measure is numeric.</summary>
    public double? Number { get; init; }

    /// <summary>Measured text (a size "358x441", a colour name, a format), when not numeric.</summary>
    public string? Text { get; init; }

    /// <summary>The measured value as written to reports: the number, else the text, else null.</summary>
    public object? Value => Number is { } n ? n : Text;

    /// <summary>The allowed range or expected value in words/numbers, e.g. "10-40 KB", "&gt;= 75".</summary>
    public string Limit { get; init; } = string.Empty;

    public required LocalizedText Message { get; init; }

    public bool IsFailure => Outcome == RuleOutcome.Fail;

    public static RuleFinding Pass(string rule, LocalizedText message, double? number = null, string? text = null, string limit = "") =>
        new() { Rule = rule, Outcome = RuleOutcome.Pass, Number = Round(number), Text = text, Limit = limit, Message = message };

    /// <summary>A broken rule: fail or warn as the profile's severity says.</summary>
    public static RuleFinding Violation(string rule, RuleSettings settings, LocalizedText message, double? number = null, string? text = null, string limit = "") =>
        new()
        {
            Rule = rule,
            Outcome = settings.Severity == RuleSeverity.Warn ? RuleOutcome.Warn : RuleOutcome.Fail,
            Number = Round(number),
            Text = text,
            Limit = limit,
            Message = message,
        };

    /// <summary>
    /// A reading too close to its limit to call (within the profile's review band, <see cref="RuleSettings.Judge"/>):
    /// the finding warns with the problem it may be, and the photo waits for a look by centre staff.
    /// </summary>
    public static RuleFinding Review(string rule, LocalizedText problem, double? number = null, string? text = null, string limit = "")
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new()
        {
            Rule = rule,
            Outcome = RuleOutcome.Warn,
            Number = Round(number),
            Text = text,
            Limit = limit,
            Message = new LocalizedText($"需人工复核：此项接近限值，可能{problem.Zh}", $"Needs a look by centre staff: this is close to the limit and may be a problem: {problem.En}"),
        };
    }

    /// <summary>The finding for a reading judged by <see cref="RuleSettings.Judge"/>: pass, review (warn) or violation.</summary>
    public static RuleFinding Judged(string rule, RuleSettings settings, RuleOutcome standing, LocalizedText passed, LocalizedText failed, double? number, string limit)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return standing switch
        {
            RuleOutcome.Pass => Pass(rule, passed, number: number, limit: limit),
            RuleOutcome.Warn => Review(rule, failed, number: number, limit: limit),
            _ => Violation(rule, settings, failed, number: number, limit: limit),
        };
    }

    /// <summary>The graver of two standings from <see cref="RuleSettings.Judge"/> (fail over warn over pass).</summary>
    public static RuleOutcome Graver(RuleOutcome a, RuleOutcome b) =>
        a == RuleOutcome.Fail || b == RuleOutcome.Fail ? RuleOutcome.Fail
        : a == RuleOutcome.Warn || b == RuleOutcome.Warn ? RuleOutcome.Warn
        : RuleOutcome.Pass;

    public static RuleFinding Skip(string rule, LocalizedText reason) =>
        new() { Rule = rule, Outcome = RuleOutcome.Skip, Message = reason };

    /// <summary>Skip because the image could not be decoded.</summary>
    public static RuleFinding NoPixels(string rule) =>
        Skip(rule, new LocalizedText("图像无法解码，未检查此项", "Image could not be decoded; not checked."));

    /// <summary>Skip because the profile lacks a threshold the rule needs.</summary>
    public static RuleFinding MissingThreshold(string rule, string threshold) =>
        Skip(rule, new LocalizedText($"照片规范缺少阈值“{threshold}”，未检查此项", $"The profile lacks threshold '{threshold}'; not checked."));

    /// <summary>Number formatting used in messages and limits: invariant, at most the given decimals.</summary>
    public static string Format(double value, int decimals = 1) =>
        Math.Round(value, decimals).ToString(CultureInfo.InvariantCulture);

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 4) : null;
}
