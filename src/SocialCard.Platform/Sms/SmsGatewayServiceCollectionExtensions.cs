using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using SocialCard.Platform.Jobs;

namespace SocialCard.Platform.Sms;

public static class SmsGatewayServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="HttpSmsGateway"/> as the <see cref="ISmsGateway"/>: a typed HttpClient on
    /// <see cref="HttpSmsGatewayOptions.Endpoint"/> with the standard resilience pipeline (total timeout, retries with
    /// exponential back-off and jitter on timeouts, 408, 429 and 5xx, circuit breaker, per-attempt timeout) and,
    /// inside it, the per-attempt signature.
    /// </summary>
    public static IServiceCollection AddHttpSmsGateway(this IServiceCollection services, HttpSmsGatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Endpoint is null)
        {
            throw new ArgumentException("SmsGateway:Endpoint is required for the HTTP SMS gateway.", nameof(options));
        }

        Uri endpoint = options.Endpoint.AbsoluteUri.EndsWith('/') ? options.Endpoint : new Uri(options.Endpoint.AbsoluteUri + "/");
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddTransient<SmsSigningHandler>();
        services.AddHttpClient<HttpSmsGateway>(client =>
            {
                client.BaseAddress = endpoint;
                client.Timeout = Timeout.InfiniteTimeSpan; // the pipeline's timeouts govern
            })
            .AddStandardResilienceHandler(pipeline =>
            {
                pipeline.AttemptTimeout.Timeout = options.AttemptTimeout;
                pipeline.TotalRequestTimeout.Timeout = options.TotalTimeout;
                pipeline.Retry.MaxRetryAttempts = options.MaxRetries;
                pipeline.Retry.Delay = options.RetryDelay;
                pipeline.Retry.UseJitter = true;
                pipeline.CircuitBreaker.SamplingDuration = options.AttemptTimeout * 2 > TimeSpan.FromSeconds(30) ? options.AttemptTimeout * 2 : TimeSpan.FromSeconds(30);
            });
        // Added after the resilience handler, so inside it: every attempt is signed afresh.
        services.AddHttpClient<HttpSmsGateway>().AddHttpMessageHandler<SmsSigningHandler>();
        services.RemoveAll<ISmsGateway>();
        services.AddSingleton<ISmsGateway>(sp => sp.GetRequiredService<HttpSmsGateway>());
        return services;
    }
}
