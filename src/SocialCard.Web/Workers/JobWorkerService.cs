using Microsoft.Extensions.Options;
using SocialCard.Platform.Jobs;

namespace SocialCard.Web.Workers;

/// <summary>
/// Hosts the Platform's <see cref="JobWorker"/> loops (batch pre-review, card-centre export, hand-over, reminders).
/// Several nodes may run this against one PostgreSQL: the queue's leases keep a job on one worker at a time.
/// </summary>
public sealed class JobWorkerService(
    JobQueue queue,
    IEnumerable<IJobHandler> handlers,
    TimeProvider time,
    IOptions<JobWorkerHostOptions> options,
    ILogger<JobWorkerService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        IJobHandler[] all = [.. handlers];
        int count = Math.Max(1, options.Value.Workers);
        var loops = new Task[count];
        for (int i = 0; i < count; i++)
        {
            var worker = new JobWorker(queue, all, time, new JobWorkerOptions
            {
                WorkerId = $"{Environment.MachineName}:{Environment.ProcessId}:w{i}:{Guid.NewGuid().ToString("N")[..8]}",
                PollInterval = options.Value.PollInterval,
                Lease = options.Value.Lease,
            });
            loops[i] = Task.Run(() => LoopAsync(worker, stoppingToken), stoppingToken);
        }

        return Task.WhenAll(loops);
    }

    private async Task LoopAsync(JobWorker worker, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await worker.RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A database outage must not kill the host: log, back off, go on.
                WebLog.WorkerLoopFailed(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(5), time, stoppingToken).ConfigureAwait(false);
            }
        }
    }
}
