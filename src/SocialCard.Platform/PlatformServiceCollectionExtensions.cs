using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialCard.Platform.Batches;
using SocialCard.Platform.Demo;
using SocialCard.Platform.Drafts;
using SocialCard.Platform.Files;
using SocialCard.Platform.Jobs;
using SocialCard.Platform.Jobs.Handlers;
using SocialCard.Platform.Limits;
using SocialCard.Platform.Registry;
using SocialCard.Platform.Security;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform;

/// <summary>Registration for a host (the web app). The host must also register an <see cref="Domain.IPhotoCheckPort"/>
/// (the photo engine) and an <see cref="ISmsGateway"/>, and may replace <see cref="ICardCentreExportSink"/>. The file store
/// (<see cref="IFileStore"/>) is the database's (<see cref="PlatformDatabase.Files"/>), from <paramref name="fileStore"/>.</summary>
public static class PlatformServiceCollectionExtensions
{
    public static IServiceCollection AddSocialCardPlatform(this IServiceCollection services, StorageOptions storage,
        JobWorkerOptions? workerOptions = null, FileStoreOptions? fileStore = null)
    {
        ArgumentNullException.ThrowIfNull(storage);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(storage);
        services.AddSingleton(sp => new PlatformDatabase(sp.GetRequiredService<StorageOptions>(), fileStore));
        services.AddSingleton<IDbContextFactory<PlatformDbContext>>(sp => sp.GetRequiredService<PlatformDatabase>());
        services.AddSingleton(new JobQueueOptions());
        services.AddSingleton(sp => new JobQueue(sp.GetRequiredService<PlatformDatabase>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<JobQueueOptions>()));
        services.AddSingleton(workerOptions ?? new JobWorkerOptions());
        // One file store, the database's: the rows and the files they refer to are written together.
        services.AddSingleton(sp => sp.GetRequiredService<PlatformDatabase>().Files);
        services.TryAddSingleton<ICardCentreExportSink, FileStoreExportSink>();
        // Faces are compared when the host registers a SameFaceService with the face recognition net; else by bytes only.
        services.TryAddSingleton(new SameFaceService());
        services.AddSingleton<BatchPreReviewJobHandler>();
        services.AddSingleton<IJobHandler>(sp => sp.GetRequiredService<BatchPreReviewJobHandler>());
        services.AddSingleton<IJobHandler, ApplicationHandOverJobHandler>();
        services.AddSingleton<IJobHandler, PickupReminderJobHandler>();
        services.AddSingleton<IJobHandler, CardCentreExportJobHandler>();
        services.AddSingleton<IJobHandler, SmsDispatchJobHandler>();
        services.AddSingleton<RateCounters>();
        services.AddSingleton<IJobHandler, RateCounterPurgeJobHandler>();
        services.AddSingleton<ApplicationDraftService>();
        services.AddSingleton<Changes.ChangeSessionService>();
        services.AddSingleton<IJobHandler, DraftExpiryJobHandler>();
        services.AddSingleton(sp => new JobWorker(sp.GetRequiredService<JobQueue>(), sp.GetServices<IJobHandler>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<JobWorkerOptions>()));
        services.AddSingleton(sp => new UnitPackageIntake());
        services.AddSingleton(sp => new UnitBatchService(sp.GetRequiredService<PlatformDatabase>(), sp.GetRequiredService<JobQueue>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<UnitPackageIntake>()));
        services.AddSingleton<ApplicationService>();
        services.AddSingleton<PhotoSubmissionService>();
        services.AddSingleton<CardLifecycleService>();
        services.AddSingleton<Desks.CardPickupDesk>();
        services.AddSingleton<Desks.CounterDesk>();
        services.AddSingleton<Desks.ApplicationsDesk>();
        services.AddSingleton<Desks.ReviewOverrideService>();
        services.AddSingleton<Bulk.BulkDesk>();
        services.AddSingleton<PeopleQueryService>();
        services.AddSingleton<RegistryImporter>();
        services.AddSingleton(SignInThrottlePolicy.Default);
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<AccountSignIn>();
        services.AddSingleton<SignInSessions>();
        services.AddSingleton<AccountPasswords>();
        services.AddSingleton<Accounts.UnitManagement>();
        services.AddSingleton<Accounts.UnitAccountManagement>();
        services.AddSingleton<Accounts.StaffAccountManagement>();
        services.AddOptions<SmsOptions>();
        services.AddSingleton<SmsCodeService>();
        services.AddSingleton<SmsOutboxQueries>();
        services.AddSingleton<SmsNoticeService>();
        services.AddSingleton<DataProtectionKeyStore>();
        services.AddSingleton<DemoSeeder>();
        return services;
    }

    /// <summary>Start-up: migrate the schema (unless turned off) and seed demo data when asked.</summary>
    public static async Task InitializeSocialCardPlatformAsync(this IServiceProvider services, DemoOptions? demo = null,
        CancellationToken cancellationToken = default)
    {
        var db = services.GetRequiredService<PlatformDatabase>();
        if (db.Storage.MigrateOnStartup)
        {
            await db.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        if (demo is { Seed: true })
        {
            await services.GetRequiredService<DemoSeeder>().SeedAsync(demo, cancellationToken).ConfigureAwait(false);
        }
    }
}
