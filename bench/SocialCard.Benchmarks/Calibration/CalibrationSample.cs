namespace SocialCard.Benchmarks.Calibration;

/// <summary>One devset photo as the calibration sees it: its label, the person, and the measures read under each
/// variant (index 0 the photo as stored; the others re-encoded, rescaled or re-detected).</summary>
internal sealed record CalibrationSample(string File, string Expected, IReadOnlySet<string> Also, string Person, double?[][] Values)
{
    /// <summary>True when the photo carries <paramref name="rule"/> as its label or as an extra defect.</summary>
    public bool IsDefect(string rule) => Expected == rule || Also.Contains(rule);

    /// <summary>True when the photo must pass <paramref name="rule"/>: compliant photos, and photos labelled only with a
    /// light top for every other rule.</summary>
    public bool IsCompliant(string rule) =>
        Also.Count == 0 && (Expected == "compliant" || (Expected == "clothing.light" && rule != "clothing.light"));
}
