using Microsoft.Extensions.Options;
using SocialCard.Platform.Jobs;

namespace SocialCard.Web.Workers;

/// <summary>
/// Runs in the worker host beside <see cref="JobWorkerService"/>: every <see cref="JobWorkerHostOptions.ScheduleInterval"/>
/// it offers the recurring jobs (<see cref="RecurringJobs.Schedule"/>: hand-over of applications past their 24 hours,
/// pickup reminders, SMS dispatch, the card-centre export, counter purge) to the queue. The queue's unique key per job
/// and period ("type@period-start") makes each run once per period however many nodes offer it; the job workers of
/// any node then take it.
/// </summary>
public sealed class RecurringJobScheduler(
    JobQueue queue,
    TimeProvider time,
    IOptions<JobWorkerHostOptions> options,
    ILogger<RecurringJobScheduler> logger) : BackgroundService
{
    private long _ticks;

    /// <summary>Completed offers since start (for tests and diagnostics).</summary>
    public long Ticks => Interlocked.Read(ref _ticks);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ScheduleInterval, time);
        try
        {
            do
            {
                await OfferAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping.
        }
    }

    private async Task OfferAsync(CancellationToken stoppingToken)
    {
        try
        {
            int added = await RecurringJobs.EnqueueDueAsync(queue, time.GetUtcNow(), stoppingToken);
            if (added > 0)
            {
                WebLog.RecurringJobsEnqueued(logger, added);
            }

            Interlocked.Increment(ref _ticks);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // A database outage must not stop the schedule: the next tick tries again.
            WebLog.SchedulerTickFailed(logger, ex);
        }
    }
}
