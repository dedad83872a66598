using SocialCard.Photos.Fixes;

namespace SocialCard.Platform.Domain;

/// <summary>One rule's result as the photo engine reports it.</summary>
public sealed record PhotoFinding(string Rule, FindingOutcome Outcome, string? Value, string? Limit, string Zh, string En)
{
    /// <summary>True when the photo fails and the automatic fix can repair every rule it fails
    /// (<see cref="FixCapability"/>): only then do the pages offer the one-click fix.</summary>
    public static bool FixCanRepair(IEnumerable<PhotoFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        return FixCapability.CanRepair(findings.Where(f => f.Outcome == FindingOutcome.Fail).Select(f => f.Rule));
    }
}
