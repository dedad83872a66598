namespace SocialCard.Platform.Jobs;

/// <summary>State of a durable job. Stored as lower-case text ('queued', 'running', …).</summary>
public enum JobState
{
    /// <summary>Waiting for <see cref="Job.RunAfter"/>.</summary>
    Queued = 0,

    /// <summary>Claimed by a worker until <see cref="Job.LockedUntil"/>; reclaimable after that (worker died).</summary>
    Running = 1,

    Succeeded = 2,

    /// <summary>Gave up after <see cref="Job.MaxAttempts"/>.</summary>
    Dead = 3,
}
