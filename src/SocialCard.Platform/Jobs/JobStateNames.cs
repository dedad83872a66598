namespace SocialCard.Platform.Jobs;

/// <summary>The text stored for each <see cref="JobState"/>; the claim SQL uses these literals.</summary>
internal static class JobStateNames
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Dead = "dead";

    public static string ToDb(JobState s) => s switch
    {
        JobState.Queued => Queued,
        JobState.Running => Running,
        JobState.Succeeded => Succeeded,
        JobState.Dead => Dead,
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };

    public static JobState FromDb(string s) => s switch
    {
        Queued => JobState.Queued,
        Running => JobState.Running,
        Succeeded => JobState.Succeeded,
        Dead => JobState.Dead,
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };
}
