using Microsoft.Extensions.Options;

namespace SocialCard.Web.Features.Wizard;

/// <summary>
/// Hands over and locks applications whose 24-hour edit window has ended (seed 004: 24小时后，采集到的信息将传递给社保局).
/// A periodic sweep; <see cref="ApplicationService.HandOverDueAsync"/> is idempotent, so several nodes may run it
/// (the domain refuses a second hand-over of the same row).
/// </summary>
public sealed partial class ApplicationHandOverWorker(ApplicationService applications, IOptions<ApplicantOptions> options,
    TimeProvider clock, ILogger<ApplicationHandOverWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.HandOverInterval, clock);
        do
        {
            try
            {
                int count = await applications.HandOverDueAsync(stoppingToken).ConfigureAwait(false);
                if (count > 0)
                {
                    LogHandedOver(logger, count);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // a failed sweep (database briefly away) must not stop the worker; the next tick retries
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogSweepFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Handed over {Count} applications after their 24-hour window")]
    private static partial void LogHandedOver(ILogger logger, int count);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Application hand-over sweep failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
