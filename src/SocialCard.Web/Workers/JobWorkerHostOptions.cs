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

    /// <summary>How often this node offers the recurring jobs to the queue. Each job is enqueued once per its own
    /// period however many nodes offer it, so this only bounds how late in its period a job starts.</summary>
    public TimeSpan ScheduleInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Run the recurring-job scheduler on this node (on by default; any number of nodes may run it).</summary>
    public bool RunScheduler { get; set; } = true;
}
