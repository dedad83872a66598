using SocialCard.Photos.Profiles;

namespace SocialCard.Photos.Rules.Background;

/// <summary>The cut-out rule's four limits (<see cref="CutOutDamageRule"/>), as a profile sets them.</summary>
public sealed record CutOutLimits(double MaxRemnantShare, double MaxHaloShare, double MaxSkullCut, double MaxJaggedness)
{
    /// <summary>The limits of <paramref name="settings"/>, null when one is missing.</summary>
    public static CutOutLimits? From(RuleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.TryGet("maxRemnantShare", out double remnant) && settings.TryGet("maxHaloShare", out double halo)
            && settings.TryGet("maxSkullCut", out double skull) && settings.TryGet("maxJaggedness", out double jagged)
            ? new CutOutLimits(remnant, halo, skull, jagged)
            : null;
    }
}
