using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCard.Platform.Demo;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Jobs;
using SocialCard.Platform.Limits;
using SocialCard.Platform.Storage;
using SocialCard.Platform.Tests.Infrastructure;

namespace SocialCard.Platform.Tests.Services;

public sealed class ServiceRegistrationTests
{
    [Fact]
    public async Task Host_registration_resolves_everything_migrates_and_seeds_on_the_embedded_default()
    {
        var dir = Path.Combine(Path.GetTempPath(), "sc-di-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var services = new ServiceCollection();
            services.AddSingleton<IPhotoCheckPort, JpegMagicReviewer>();
            services.AddSingleton<ISmsGateway, RecordingSmsGateway>();
            services.AddSocialCardPlatform(new StorageOptions { DataDirectory = dir, KeyFile = dir + ".key" });
            await using var sp = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
            await sp.InitializeSocialCardPlatformAsync(new DemoOptions { Seed = true, Units = 3, People = 20 });

            Assert.True(File.Exists(Path.Combine(dir, "socialcard.db")));
            Assert.False(File.Exists(Path.Combine(dir, "field-key.b64")));
            Assert.True(File.Exists(dir + ".key")); // the key outside the data directory
            Assert.Equal(8, sp.GetServices<IJobHandler>().Count()); // the pre-review and one per recurring job
            Assert.Contains(sp.GetServices<IJobHandler>(), h => h.Type == JobTypes.OrphanFileSweep);
            _ = sp.GetRequiredService<RateCounters>();
            _ = sp.GetRequiredService<JobWorker>();
            _ = sp.GetRequiredService<UnitBatchService>();
            _ = sp.GetRequiredService<PhotoSubmissionService>();
            _ = sp.GetRequiredService<CardLifecycleService>();
            _ = sp.GetRequiredService<PeopleQueryService>();
            await using var db = await sp.GetRequiredService<IDbContextFactory<PlatformDbContext>>().CreateDbContextAsync();
            Assert.Equal(20, await db.People.CountAsync());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, true);
            File.Delete(dir + ".key");
        }
    }
}
