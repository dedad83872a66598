using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialCard.Platform.Jobs;
using SocialCard.Platform.Jobs.Handlers;
using SocialCard.Platform.Security;
using SocialCard.Platform.Storage;
using SocialCard.Web.Features.PhotoCheck;
using SocialCard.Web.Features.Wizard;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Wizard;

/// <summary>
/// The real host with the applicant features, a settable clock, and <see cref="ApplicantData"/> seeded. Each test
/// class gets its own database folder. The applicant data are Chengdu's, so the site runs the Chengdu sample centre.
/// </summary>
public sealed class ApplicantSite : SiteFactory
{
    /// <summary>2026-11-23 10:00 Beijing time.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<WebPhotoEngine> SharedEngine = new(() => WebPhotoEngine.Create(
        new PhotoCheckOptions(), SourceDirectory(), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance));

    private bool _seeded;

    public ApplicantSite()
        : this(null)
    {
    }

    /// <summary>A site on another site's data folder: that site restarted (seed it only once).</summary>
    public ApplicantSite(string? dataDirectory)
        : base(dataDirectory)
    {
        Settings["CentreFile"] = CentreSamples.ChengduFile;
        Settings["Demo:Seed"] = "false";
        Settings["SmsOptions:DailyLimitPerClient"] = "1000";
        Settings["StatusQueryOptions:PermitsPerWindow"] = "1000";
        Settings["Applicant:LookupPermitsPerWindow"] = "1000";
        ServiceOverrides.Add(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);

            // Own database: Program.cs reads Storage:* before the factory's settings apply, so the options are replaced here.
            services.RemoveAll<StorageOptions>();
            services.AddSingleton(new StorageOptions { DataDirectory = DataDirectory, KeyFile = DataDirectory + ".key" });
            services.AddApplicantServices(new ConfigurationBuilder().Build());

            // One photo engine (face networks loaded once) for every applicant site in the test run.
            services.RemoveAll<WebPhotoEngine>();
            services.AddSingleton(_ => SharedEngine.Value);
            services.AddTransient<IStartupFilter, ApplicantEndpointsFallback>();
        });
    }

    public SettableTimeProvider Clock { get; } = new(Start);

    public ApplicationViews Applications => Services.GetRequiredService<ApplicationViews>();

    /// <summary>Runs the Platform's hand-over job now (the worker host's scheduler enqueues it every few minutes).</summary>
    public Task<int> HandOverDueAsync() =>
        Services.GetServices<IJobHandler>().OfType<ApplicationHandOverJobHandler>().Single().HandOverDueAsync(default);

    /// <summary>Runs the Platform's card-centre export job now; returns the number of cards exported.</summary>
    public Task<int> ExportToCardCentreAsync(string packageName) =>
        Services.GetServices<IJobHandler>().OfType<CardCentreExportJobHandler>().Single().ExportAsync(packageName, default);

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
    /// <summary>The SMS outbox, newest first.</summary>
    public Task<IReadOnlyList<SmsOutboxEntry>> OutboxAsync(string? phone = null) =>
        Services.GetRequiredService<SmsOutboxQueries>().LatestAsync(1000, phone);

    public async Task<string> LatestCodeAsync(string phone)
    {
        IReadOnlyList<SmsOutboxEntry> messages = await Services.GetRequiredService<SmsOutboxQueries>().LatestAsync(1, phone);
        SmsOutboxEntry message = messages.Count > 0 ? messages[0] : throw new InvalidOperationException("no SMS to " + phone);
        return SmsCodeService.ExtractCode(message.Text) ?? throw new InvalidOperationException("no code in " + message.Text);
    }

    /// <summary>This file's folder: the engine looks for models/face-api from there upwards (the repository's).</summary>
    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
