using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialCard.Platform.Storage;
using SocialCard.Web.Features.Sms;
using SocialCard.Web.Features.Wizard;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Wizard;

/// <summary>
/// The real host with the applicant features, a settable clock, and <see cref="ApplicantData"/> seeded. Each test
/// class gets its own database folder.
/// </summary>
public sealed class ApplicantSite : SiteFactory
{
    /// <summary>2026-11-23 10:00 Beijing time.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    private bool _seeded;

    public ApplicantSite()
    {
        Settings["Applicant:RunHandOverWorker"] = "false";
        Settings["Demo:Seed"] = "false";
        Settings["SmsOptions:DailyLimitPerClient"] = "1000";
        Settings["StatusQueryOptions:PermitsPerWindow"] = "1000";
        ServiceOverrides.Add(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddApplicantServices(new ConfigurationBuilder().Build());
            services.AddTransient<IStartupFilter, ApplicantEndpointsFallback>();
        });
    }

    public SettableTimeProvider Clock { get; } = new(Start);

    public DevSmsOutbox Outbox => Services.GetRequiredService<DevSmsOutbox>();

    public ApplicationService Applications => Services.GetRequiredService<ApplicationService>();

    /// <summary>Starts the host and seeds the data once.</summary>
    public async Task<HttpClient> ClientAsync()
    {
        HttpClient client = CreateBrowserLikeClient();
        await EnsureSeededAsync();
        return client;
    }

    public async Task EnsureSeededAsync()
    {
        if (_seeded)
        {
            return;
        }

        PlatformDatabase database = Services.GetRequiredService<PlatformDatabase>();
        await database.MigrateAsync();
        await ApplicantData.SeedAsync(database, Clock.GetUtcNow());
        _seeded = true;
    }

    /// <summary>The code in the newest outbox message to <paramref name="phone"/>.</summary>
    public string LatestCode(string phone)
    {
        DevSmsMessage message = Outbox.LatestFor(phone) ?? throw new InvalidOperationException("no SMS to " + phone);
        return SmsCodeService.ExtractCode(message.Text) ?? throw new InvalidOperationException("no code in " + message.Text);
    }
}
