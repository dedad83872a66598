using SocialCard.Photos;
using SocialCard.Photos.Analysis;

namespace SocialCard.Benchmarks.Calibration;

/// <summary>
/// One measure a rule compares against one profile threshold: which rule, which threshold, which way is worse, and how
/// to read it from a checked photo (its context and report). <see cref="HigherIsWorse"/> false means the photo fails
/// below the threshold.
/// </summary>
internal sealed record CalibrationMeasure(
    string Rule,
    string Threshold,
    bool HigherIsWorse,
    Func<PhotoContext, PhotoReport, double?> Read)
{
    /// <summary>The measure as the rule reports it (the finding's number), optionally as its magnitude.</summary>
    public static CalibrationMeasure FromFinding(string rule, string threshold, bool higherIsWorse, bool magnitude = false) =>
        new(rule, threshold, higherIsWorse, (_, report) =>
        {
            double? n = report.Findings.FirstOrDefault(f => f.Rule == rule)?.Number;
            return magnitude && n is { } v ? Math.Abs(v) : n;
        });

    public string Name => $"{Rule} {Threshold}";

    /// <summary>True when <paramref name="value"/> is on the failing side of <paramref name="limit"/>.</summary>
    public bool Fails(double value, double limit) => HigherIsWorse ? value > limit : value < limit;
}
