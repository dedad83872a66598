using System.Diagnostics;
using Microsoft.Extensions.Options;
using SocialCard.Platform.Batches;
using SocialCard.Platform.Centre;
using SocialCard.Platform.Engine;
using SocialCard.Web.Features.PhotoCheck;

namespace SocialCard.Web.Hosting;

/// <summary>
/// While the host starts, in the background: loads the photo engine and runs every network once
/// (<see cref="WebPhotoEngine.WarmUp"/>), then takes one blank photo through the unit-package path on a scratch database
/// (<see cref="UnitBatchWarmUp"/>), so the first unit to upload after a restart gets its verdicts as fast as the next
/// ones instead of waiting for weights to load and code to compile. Off with <c>Site:WarmUpOnStart=false</c>. A failure
/// is logged, never fatal: those paths then warm up on first use.
/// </summary>
public sealed class StartupWarmUpService(IServiceProvider services, IOptions<SiteOptions> site, IOptions<CentreOptions> centre, ILogger<StartupWarmUpService> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!site.Value.WarmUpOnStart)
        {
            return Task.CompletedTask;
        }

        return Task.Run(async () =>
        {
            long start = Stopwatch.GetTimestamp();
            try
            {
                int analyzers = services.GetRequiredService<WebPhotoEngine>().WarmUp();
                long engineMs = (long)Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                await UnitBatchWarmUp.RunAsync(services.GetRequiredService<PhotoCheckAdapter>(), WebPhotoEngine.BlankPhoto(), centre.Value.PhotoProfile, stoppingToken);
                WebLog.WarmedUp(logger, analyzers, engineMs, (long)Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
            {
                WebLog.WarmUpFailed(logger, ex);
            }
        }, stoppingToken);
    }
}
