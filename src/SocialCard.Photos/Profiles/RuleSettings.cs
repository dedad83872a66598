namespace SocialCard.Photos.Profiles;

/// <summary>One rule's switch, severity and numeric thresholds inside a <see cref="SpecProfile"/>.</summary>
public sealed class RuleSettings
{
    public static readonly RuleSettings Disabled = new() { Enabled = false };

    public bool Enabled { get; init; } = true;

    public RuleSeverity Severity { get; init; } = RuleSeverity.Fail;

    /// <summary>Named numbers the rule compares against (names are documented on each rule class).</summary>
    public IReadOnlyDictionary<string, double> Thresholds { get; init; } = new Dictionary<string, double>();

    public bool TryGet(string name, out double value) => Thresholds.TryGetValue(name, out value);
}
