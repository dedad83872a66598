namespace SocialCard.Platform.Jobs;

/// <summary>Settings of one worker loop.</summary>
public sealed class JobWorkerOptions
{
    /// <summary>Unique per worker (host name + process id + a counter is a good choice).</summary>
    public string WorkerId { get; init; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..12]}";

    /// <summary>How long a claim is valid without a heartbeat; a dead worker's job is retaken after this.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Sleep when the queue is empty.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);
}
