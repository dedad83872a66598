using Microsoft.Extensions.Options;

namespace SocialCard.Web.Features.Wizard;

/// <summary>Starts <see cref="ApplicationHandOverWorker"/> only when <see cref="ApplicantOptions.RunHandOverWorker"/> is on.</summary>
public sealed class ApplicationHandOverWorkerHost(IServiceProvider services, IOptions<ApplicantOptions> options) : IHostedService, IDisposable
{
    private ApplicationHandOverWorker? _worker;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.RunHandOverWorker)
        {
            return Task.CompletedTask;
        }

        _worker = ActivatorUtilities.CreateInstance<ApplicationHandOverWorker>(services);
        return _worker.StartAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => _worker?.StopAsync(cancellationToken) ?? Task.CompletedTask;

    public void Dispose() => _worker?.Dispose();
}
