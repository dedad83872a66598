namespace SocialCard.Platform.Jobs;

/// <summary>What one <see cref="JobWorker.RunOnceAsync"/> did.</summary>
public enum JobRunResult
{
    /// <summary>The queue had nothing due.</summary>
    Idle = 0,

    Succeeded = 1,

    /// <summary>The handler threw; the job is re-queued with backoff or dead.</summary>
    Failed = 2,

    /// <summary>The lease was lost before completion (another worker owns the job now).</summary>
    LeaseLost = 3,
}
