namespace SocialCard.Platform.Domain;

/// <summary>The photo engine's answer: verdict, findings, and fixed bytes when the engine auto-fixed the photo.</summary>
public sealed record PhotoReview(PhotoVerdict Verdict, IReadOnlyList<PhotoFinding> Findings, byte[]? FixedBytes = null)
{
    /// <summary>The first failing finding's zh-CN message, for failure lists.</summary>
    public string? FirstFailureZh => Findings.FirstOrDefault(f => f.Outcome == FindingOutcome.Fail)?.Zh;
}
