namespace SocialCard.Web.Workers;

/// <summary>Section "Jobs": how many job loops this node runs and how eagerly they poll.</summary>
public sealed class JobWorkerHostOptions
{
    /// <summary>Concurrent job loops in this process (each claims one job at a time).</summary>
    public int Workers { get; set; } = 2;

    /// <summary>Idle sleep between claims.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Lease of a claimed job; a dead node's jobs return to the queue after it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);
}
