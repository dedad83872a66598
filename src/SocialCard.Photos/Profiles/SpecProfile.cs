using System.Text.Json.Serialization;
using SocialCard.Photos.Rules;

namespace SocialCard.Photos.Profiles;

/// <summary>
/// One photo specification (a card centre's requirements) as data: pixels, density, file rules, face geometry and
/// per-rule switches and thresholds. Loaded from JSON by <see cref="SpecProfiles"/>; immutable once loaded.
/// </summary>
public sealed class SpecProfile
{
    /// <summary>Stable id, e.g. "suzhou-sscard".</summary>
    public required string Id { get; init; }

    [JsonInclude]
    public LocalizedText Name { get; internal set; } = new(string.Empty, string.Empty);

    /// <summary>Id of the profile this one was merged onto, if any (informational once loaded).</summary>
    public string? BasedOn { get; init; }

    public required ImageSpec Image { get; init; }

    public required FileSpec File { get; init; }

    public required ProfileGeometry Geometry { get; init; }

    /// <summary>Per-rule settings keyed by rule id. A rule absent here is disabled.</summary>
    [JsonInclude]
    public IReadOnlyDictionary<string, RuleSettings> Rules { get; internal set; } = new Dictionary<string, RuleSettings>();

    /// <summary>Settings of one rule; <see cref="RuleSettings.Disabled"/> when the profile does not mention it.</summary>
    public RuleSettings Rule(string ruleId) =>
        Rules.TryGetValue(ruleId, out RuleSettings? settings) ? settings : RuleSettings.Disabled;

    public override string ToString() => Id;
}
