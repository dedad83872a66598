namespace SocialCard.Platform.Jobs;

/// <summary>A row of the durable job table.</summary>
public sealed class Job
{
    private Job()
    {
        Type = string.Empty;
        Payload = "{}";
    }

    public Job(string type, string payload, DateTimeOffset createdAt, DateTimeOffset runAfter, int maxAttempts = 8, string? dedupKey = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        Type = type;
        Payload = payload;
        CreatedAt = createdAt;
        RunAfter = runAfter;
        MaxAttempts = maxAttempts;
        DedupKey = dedupKey;
        State = JobState.Queued;
    }

    public long Id { get; private set; }

    public string Type { get; private set; }

    /// <summary>JSON.</summary>
    public string Payload { get; private set; }

    public JobState State { get; private set; }

    public int Attempts { get; private set; }

    public int MaxAttempts { get; private set; }

    public DateTimeOffset RunAfter { get; private set; }

    public string? LockedBy { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>Optional unique key: enqueueing the same key twice is a no-op.</summary>
    public string? DedupKey { get; private set; }
}
