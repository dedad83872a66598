using System.Collections.Frozen;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SocialCard.Platform.Jobs;

/// <summary>A hostable worker core: <see cref="RunOnceAsync"/> claims and runs one job, <see cref="RunAsync"/> loops
/// until cancelled. While a handler runs, the lease is extended every third of its length; if that fails the
/// handler is cancelled.</summary>
public sealed class JobWorker
{
    private readonly JobQueue _queue;
    private readonly FrozenDictionary<string, IJobHandler> _handlers;
    private readonly JobWorkerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public JobWorker(JobQueue queue, IEnumerable<IJobHandler> handlers, TimeProvider time, JobWorkerOptions? options = null,
        ILogger<JobWorker>? logger = null)
    {
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _queue = queue;
        _handlers = handlers.ToFrozenDictionary(h => h.Type, StringComparer.Ordinal);
        _time = time;
        _options = options ?? new JobWorkerOptions();
    }

    public string WorkerId => _options.WorkerId;

    public async Task<JobRunResult> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var job = await _queue.ClaimAsync(_options.WorkerId, _options.Lease, cancellationToken).ConfigureAwait(false);
        if (job is null)
        {
            return JobRunResult.Idle;
        }

        if (job.Attempt > job.MaxAttempts)
        {
            // Reclaimed after its worker died on the last attempt: a poison job that kills workers.
            PlatformLog.JobRefused(_logger, job.Id, job.Type, "attempts exhausted");
            await _queue.FailAsync(job, "attempts exhausted (worker lost during the last attempt)", cancellationToken).ConfigureAwait(false);
            return JobRunResult.Failed;
        }

        if (!_handlers.TryGetValue(job.Type, out var handler))
        {
            PlatformLog.JobRefused(_logger, job.Id, job.Type, "no handler for this job type");
            await _queue.FailAsync(job with { Attempt = job.MaxAttempts }, $"no handler for job type '{job.Type}'", cancellationToken).ConfigureAwait(false);
            return JobRunResult.Failed;
        }

        using var leaseCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var stopHeartbeat = new CancellationTokenSource();
        var heartbeat = HeartbeatAsync(job, leaseCts, stopHeartbeat.Token);
        try
        {
            await handler.HandleAsync(job, leaseCts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Host shutting down: leave the job running; the lease expiry hands it to another worker.
            await StopAsync(stopHeartbeat, heartbeat).ConfigureAwait(false);
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            await StopAsync(stopHeartbeat, heartbeat).ConfigureAwait(false);
            if (leaseCts.IsCancellationRequested)
            {
                PlatformLog.JobLeaseLost(_logger, job.Id, job.Type, job.WorkerId);
                return JobRunResult.LeaseLost;
            }

            PlatformLog.JobFailed(_logger, ex, job.Id, job.Type, job.Attempt, job.MaxAttempts);
            await _queue.FailAsync(job, ex.ToString(), CancellationToken.None).ConfigureAwait(false);
            return JobRunResult.Failed;
        }

        await StopAsync(stopHeartbeat, heartbeat).ConfigureAwait(false);
        if (await _queue.CompleteAsync(job, CancellationToken.None).ConfigureAwait(false))
        {
            PlatformLog.JobSucceeded(_logger, job.Id, job.Type, job.WorkerId, job.Attempt);
            return JobRunResult.Succeeded;
        }

        PlatformLog.JobLeaseLost(_logger, job.Id, job.Type, job.WorkerId);
        return JobRunResult.LeaseLost;
    }

    /// <summary>Runs jobs until <paramref name="cancellationToken"/> fires; sleeps <see cref="JobWorkerOptions.PollInterval"/>
    /// when idle.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            JobRunResult result;
            try
            {
                result = await RunOnceAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            if (result == JobRunResult.Idle)
            {
                try
                {
                    await Task.Delay(_options.PollInterval, _time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task HeartbeatAsync(ClaimedJob job, CancellationTokenSource leaseCts, CancellationToken stop)
    {
        var period = _options.Lease / 3;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(period, _time, stop).ConfigureAwait(false);
                bool held;
                try
                {
                    held = await _queue.ExtendLeaseAsync(job, _options.Lease, stop).ConfigureAwait(false);
                }
                catch (System.Data.Common.DbException)
                {
                    continue; // transient: try again next period; the lease still has two thirds left
                }

                if (!held)
                {
                    await leaseCts.CancelAsync().ConfigureAwait(false);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    private static async Task StopAsync(CancellationTokenSource stop, Task heartbeat)
    {
        await stop.CancelAsync().ConfigureAwait(false);
        await heartbeat.ConfigureAwait(false);
    }
}
