using SocialCard.Photos.Rules;

namespace SocialCard.Photos.Fixes;

/// <summary>What one step did, why, and the metric it acted on before and after (in the step's own unit).</summary>
public sealed record FixStepResult
{
    public required string Step { get; init; }

    public required FixStepOutcome Outcome { get; init; }

    public required LocalizedText Reason { get; init; }

    /// <summary>Name and unit of the metric, e.g. "roll (deg)".</summary>
    public string Metric { get; init; } = string.Empty;

    public double? Before { get; init; }

    public double? After { get; init; }

    public static FixStepResult Applied(string step, LocalizedText reason, string metric = "", double? before = null, double? after = null) =>
        new() { Step = step, Outcome = FixStepOutcome.Applied, Reason = reason, Metric = metric, Before = before, After = after };

    public static FixStepResult Skipped(string step, LocalizedText reason, string metric = "", double? value = null) =>
        new() { Step = step, Outcome = FixStepOutcome.Skipped, Reason = reason, Metric = metric, Before = value, After = value };

    public static FixStepResult Failed(string step, LocalizedText reason, string metric = "", double? value = null) =>
        new() { Step = step, Outcome = FixStepOutcome.Failed, Reason = reason, Metric = metric, Before = value };

    public override string ToString() =>
        $"{Step}: {Outcome} {Metric} {Before?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} -> " +
        $"{After?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} ({Reason.En})";
}
