namespace SocialCard.Photos.Fixes;

/// <summary>
/// Outcome of <see cref="PhotoFixer.Fix"/>. <see cref="Success"/> is true only when the fixed JPEG passed every rule
/// of the profile on re-check; otherwise <see cref="Refusal"/> says why (and <see cref="Jpeg"/> may still hold the
/// best attempt when the pipeline ran to the end but the re-check failed).
/// </summary>
public sealed class FixResult
{
    public required bool Success { get; init; }

    /// <summary>The fixed photo (baseline JPEG), or null when the pipeline stopped before encoding.</summary>
    public byte[]? Jpeg { get; init; }

    /// <summary>Suggested file name per the profile's naming rule.</summary>
    public string? SuggestedFileName { get; init; }

    public required FixReport Report { get; init; }

    /// <summary>The full rule check of <see cref="Jpeg"/>, or null when nothing was encoded.</summary>
    public PhotoReport? Recheck { get; init; }

    public FixRefusal? Refusal { get; init; }
}
