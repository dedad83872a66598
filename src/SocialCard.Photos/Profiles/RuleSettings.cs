using System.Text.Json.Serialization;
using SocialCard.Photos.Rules;

namespace SocialCard.Photos.Profiles;

/// <summary>One rule's switch, severity and numeric thresholds inside a <see cref="SpecProfile"/>.</summary>
public sealed class RuleSettings
{
    public static readonly RuleSettings Disabled = new() { Enabled = false };

    [JsonInclude]
    public bool Enabled { get; internal set; } = true;

    [JsonInclude]
    public RuleSeverity Severity { get; internal set; } = RuleSeverity.Fail;

    /// <summary>Named numbers the rule compares against (names are documented on each rule class).</summary>
    [JsonInclude]
    public IReadOnlyDictionary<string, double> Thresholds { get; internal set; } = new Dictionary<string, double>();

    /// <summary>
    /// Review bands, by threshold name: the measure's own uncertainty about that limit (how far the same photo's reading
    /// moves when it is re-encoded, rescaled or re-detected; see the calibration in bench/). A reading within this
    /// distance of its limit, on either side, is neither passed nor failed: the finding warns and the photo waits for a
    /// look by centre staff. A threshold without a band is judged sharply.
    /// </summary>
    [JsonInclude]
    public IReadOnlyDictionary<string, double> Bands { get; internal set; } = new Dictionary<string, double>();

    public bool TryGet(string name, out double value) => Thresholds.TryGetValue(name, out value);

    /// <summary>
    /// Where <paramref name="value"/> stands against the limit named <paramref name="threshold"/> (value
    /// <paramref name="limit"/>): <see cref="RuleOutcome.Pass"/> clear of it, <see cref="RuleOutcome.Warn"/> within its
    /// review band, <see cref="RuleOutcome.Fail"/> beyond it (the rule then reports a violation at the profile's severity).
    /// </summary>
    public RuleOutcome Judge(string threshold, double value, double limit, bool higherIsWorse)
    {
        double beyond = higherIsWorse ? value - limit : limit - value;
        double band = Bands.TryGetValue(threshold, out double b) && b > 0 ? b : 0;
        if (band > 0 && Math.Abs(beyond) <= band)
        {
            return RuleOutcome.Warn;
        }

        return beyond > 0 ? RuleOutcome.Fail : RuleOutcome.Pass;
    }
}
