using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SocialCard.Platform.Security;
using SocialCard.Web.Features.RegistrationForm;
using SocialCard.Web.Features.Sms;
using SocialCard.Web.Features.StatusQuery;

namespace SocialCard.Web.Features.Wizard;

/// <summary>
/// Registration of the applicant features: the collection wizard (/apply/...), SMS codes, the registration-form PDF,
/// the 24-hour change page (/apply/change) and the public card status query (/status).
/// </summary>
public static class ApplicantServiceExtensions
{
    public static WebApplicationBuilder AddApplicantServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddApplicantServices(builder.Configuration);
        return builder;
    }

    public static IServiceCollection AddApplicantServices(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(ApplicantRegistration)))
        {
            return services; // already added: adding the rate-limit policy twice would throw
        }

        services.AddSingleton<ApplicantRegistration>();
        services.AddOptions<ApplicantOptions>().BindConfiguration("Applicant");
        services.AddOptions<SmsOptions>().BindConfiguration(nameof(SmsOptions));
        services.AddOptions<RegistrationFormOptions>().BindConfiguration(nameof(RegistrationFormOptions));
        services.AddOptions<StatusQueryOptions>().BindConfiguration(nameof(StatusQueryOptions));
        services.TryAddSingleton(TimeProvider.System);

        // Platform storage (PlatformDatabase) comes from the host's AddPlatformServices().

        // SMS codes and their limits are the Platform's (SmsCodeService, in the database); delivery is its outbox's
        // dispatch job through the host's ISmsGateway.

        services.TryAddSingleton<RegistrationFormGenerator>();

        services.TryAddSingleton<IWizardDraftStore, PlatformWizardDraftStore>();
        services.TryAddSingleton<IApplicantRegistry, PlatformApplicantRegistry>();
        services.TryAddSingleton<IWizardPhotoService, WizardPhotoService>();
        services.TryAddSingleton<IdCardImageChecker>();
        services.TryAddSingleton<ApplicationViews>();
        // Submissions, changes and withdrawals are the Platform's ApplicationService; the 24-hour hand-over is its
        // recurring job, which the worker host's scheduler enqueues.

        services.TryAddSingleton<CardStatusService>();
        services.AddStatusQueryRateLimit();
        services.AddApplicantLookupRateLimit();
        return services;
    }

    /// <summary>Maps the wizard's files and assets, the change page's PDF, the status query API and (demo only) the SMS outbox.
    /// Razor pages themselves come with <c>MapRazorPages()</c>.</summary>
    public static IEndpointRouteBuilder MapApplicantEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapWizardAssets();
        endpoints.MapWizardFiles();
        endpoints.MapChangeFiles();
        endpoints.MapStatusQueryApi();

        IServiceProvider services = endpoints.ServiceProvider;
        services.GetRequiredService<ApplicantRegistration>().EndpointsMapped = true;
        bool? devOutbox = services.GetRequiredService<IOptions<SmsOptions>>().Value.EnableDevOutbox;
        IHostEnvironment environment = services.GetRequiredService<IHostEnvironment>();
        // Never outside Development and Testing, whatever the setting says: the page shows every code sent.
        if ((devOutbox ?? true) && SocialCard.Web.Hosting.DemoSecretGuard.AllowsDemo(environment))
        {
            endpoints.MapDevSmsOutbox();
        }

        return endpoints;
    }
}
