namespace SocialCard.Platform.Jobs;

/// <summary>A job a worker holds the lease on.</summary>
public sealed record ClaimedJob(long Id, string Type, string Payload, int Attempt, int MaxAttempts, string WorkerId);
