namespace SocialCard.Platform.Jobs;

/// <summary>Runs one job type. Handlers must be idempotent: a job can run again after a crash or a lost lease.</summary>
public interface IJobHandler
{
    string Type { get; }

    Task HandleAsync(ClaimedJob job, CancellationToken cancellationToken);
}
