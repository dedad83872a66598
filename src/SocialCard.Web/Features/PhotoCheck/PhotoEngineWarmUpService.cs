using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace SocialCard.Web.Features.PhotoCheck;

/// <summary>
/// Loads the photo engine (face weights) and runs it once in the background while the host starts
/// (<see cref="PhotoEngine.WarmUp"/>), so that the first unit to upload a package does not wait for the weights to load
/// and the kernels to compile. Off with <c>PhotoCheck:WarmUpOnStart=false</c>. A failure is logged, never fatal: the
/// engine then loads on first use as before.
/// </summary>
public sealed class PhotoEngineWarmUpService(IServiceProvider services, IOptions<PhotoCheckOptions> options, ILogger<PhotoEngineWarmUpService> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WarmUpOnStart)
        {
            return Task.CompletedTask;
        }

        return Task.Run(() =>
        {
            long start = Stopwatch.GetTimestamp();
            try
            {
                int analyzers = services.GetRequiredService<PhotoEngine>().WarmUp();
                WebLog.PhotoEngineWarmedUp(logger, analyzers, (long)Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                WebLog.PhotoEngineWarmUpFailed(logger, ex);
            }
        }, stoppingToken);
    }
}
