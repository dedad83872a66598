namespace SocialCard.Platform.Jobs;

/// <summary>Retry policy of the queue.</summary>
public sealed class JobQueueOptions
{
    /// <summary>Delay before the first retry; doubled per attempt.</summary>
    public TimeSpan BaseBackoff { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromMinutes(30);

    public TimeSpan Backoff(int attempt)
    {
        var factor = Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        var ms = Math.Min(BaseBackoff.TotalMilliseconds * factor, MaxBackoff.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(ms);
    }
}
