using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialCard.Platform;
using SocialCard.Platform.Demo;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Engine;
using SocialCard.Platform.Files;
using SocialCard.Platform.Jobs;
using SocialCard.Platform.Security;
using SocialCard.Platform.Sms;
using SocialCard.Platform.Storage;
using SocialCard.Web.Features.PhotoCheck;
using SocialCard.Web.Workers;

namespace SocialCard.Web.Hosting;

/// <summary>
/// The Platform (storage, services, job queue and handlers) bound from configuration: SQLite under
/// <c>Storage:DataDirectory</c> by default, PostgreSQL with <c>Storage:Provider=PostgreSql</c> and
/// <c>Storage:ConnectionString</c>; files (photos, ID-card images, exports) encrypted under <c>files</c> in the data
/// folder by default, in an S3-compatible bucket with <c>FileStore:Provider=S3</c> and <c>FileStore:S3:*</c>. Adds the photo engine behind the Platform's <see cref="IPhotoCheckPort"/> port,
/// the start-up migration/seed, and the worker host (<c>Site:RunWorkers</c>): the job workers and the
/// recurring-job scheduler.
/// </summary>
public static class PlatformServiceExtensions
{
    public static WebApplicationBuilder AddPlatformServices(this WebApplicationBuilder builder)
    {
        IServiceCollection services = builder.Services;
        StorageOptions storage = builder.Configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
        if (!Path.IsPathRooted(storage.DataDirectory))
        {
            // A relative data folder lives beside the app, not wherever the shell happened to be.
            storage.DataDirectory = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, storage.DataDirectory));
        }

        FileStoreOptions files = builder.Configuration.GetSection("FileStore").Get<FileStoreOptions>() ?? new FileStoreOptions();
        if (!string.IsNullOrWhiteSpace(files.Directory) && !Path.IsPathRooted(files.Directory))
        {
            files.Directory = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, files.Directory));
        }

        services.AddOptions<DemoOptions>().BindConfiguration("Demo");
        services.AddOptions<JobWorkerHostOptions>().BindConfiguration("Jobs");
        services.AddSingleton<PhotoCheckAdapter>();
        services.AddSingleton<IPhotoCheckPort>(sp => sp.GetRequiredService<PhotoCheckAdapter>());
        HttpSmsGatewayOptions smsGateway = builder.Configuration.GetSection("SmsGateway").Get<HttpSmsGatewayOptions>() ?? new HttpSmsGatewayOptions();
        if (smsGateway.Endpoint is not null)
        {
            services.AddHttpSmsGateway(smsGateway); // the provider's HTTP API (SmsGateway:Endpoint, keys, sign name)
        }
        else
        {
            services.TryAddSingleton<ISmsGateway, LogSmsGateway>();
        }
        services.AddSocialCardPlatform(storage, fileStore: files);

        // One key ring for every node, in the database: cookies and antiforgery tokens survive restarts and move
        // between nodes. The keys are encrypted by the store with the field key.
        services.AddDataProtection().SetApplicationName("SocialCard");
        services.AddOptions<KeyManagementOptions>().Configure<DataProtectionKeyStore>((o, keys) => o.XmlRepository = new DatabaseXmlRepository(keys));

        // First of all hosted services, ahead of Data Protection's own (registered earlier by antiforgery and the cookie
        // schemes), which reads the key ring at start: the schema, with its key table, exists before anything reads
        // keys or a worker claims a job.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, StorageStartupService>());
        if (builder.Configuration.GetValue("Site:RunWorkers", true))
        {
            services.AddHostedService<JobWorkerService>();
            if (builder.Configuration.GetValue("Jobs:RunScheduler", true))
            {
                services.AddSingleton<RecurringJobScheduler>();
                services.AddHostedService(sp => sp.GetRequiredService<RecurringJobScheduler>());
            }
        }

        services.AddHostedService<StartupWarmUpService>();

        return builder;
    }
}
