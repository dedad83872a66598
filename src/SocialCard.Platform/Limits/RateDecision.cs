namespace SocialCard.Platform.Limits;

/// <summary>
/// The answer of <see cref="RateCounters"/>: allowed (every limit had a permit, all were taken), or refused by the
/// limit at <see cref="RefusedIndex"/> (the first in the caller's order), which frees a permit after
/// <see cref="RetryAfter"/>. A refusal takes nothing.
/// </summary>
public readonly record struct RateDecision(bool Allowed, int RefusedIndex, TimeSpan RetryAfter)
{
    public static RateDecision Allow { get; } = new(true, -1, TimeSpan.Zero);
}
