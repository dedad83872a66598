using SocialCard.Platform.Domain;
using SocialCard.Platform.Drafts;
using SocialCard.Platform.Files;
using SocialCard.Platform.Jobs;
using SocialCard.Platform.Jobs.Handlers;
using SocialCard.Platform.Tests.Infrastructure;

namespace SocialCard.Platform.Tests.Files;

/// <summary>The orphan file sweep, on the local store and on S3 (moto): a record file no row refers to (a crash between
/// the file write and the row's commit) goes once it is older than the grace period, never before; the files rows refer
/// to and the files outside the record folders stay; the sweep is one of the recurring jobs.</summary>
[Collection(PostgresCollection.Name)]
public sealed class OrphanFileSweepTests(PostgresServer server, MotoServer moto) : IClassFixture<MotoServer>
{
    private static readonly TimeSpan Grace = TimeSpan.FromHours(1);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task On_the_local_store_unreferenced_old_files_go_and_everything_else_stays(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, "orphan-sweep-local");
        await SweepsOnlyOldOrphansAsync(t);
    }

    [Fact]
    public async Task On_s3_unreferenced_old_files_go_and_everything_else_stays()
    {
        var bucket = "sc-" + Guid.NewGuid().ToString("n")[..12];
        using var client = await moto.BucketAsync(bucket);
        var files = new FileStoreOptions { Provider = FileStoreProvider.S3, S3 = moto.Options(bucket, "centre") };
        await using var t = await TestDatabase.CreateAsync("PostgreSql", server, "orphan-sweep-s3", files: files);
        await SweepsOnlyOldOrphansAsync(t);
    }

    [Fact]
    public void The_sweep_is_a_recurring_job() =>
        Assert.Contains(RecurringJobs.Schedule, s => s.Type == JobTypes.OrphanFileSweep);

    private static async Task SweepsOnlyOldOrphansAsync(TestDatabase t)
    {
        long personId;
        await using (var db = t.NewContext())
        {
            var person = Samples.Person();
            db.People.Add(person);
            await db.SaveChangesAsync();
            personId = person.Id;
        }

        // Files rows refer to: a draft's photo and ID-card images.
        var drafts = new ApplicationDraftService(t.Database, TimeProvider.System);
        long id = await drafts.SaveAsync("sweep-token", personId, "{}", new ApplicationDraftImages(TestJpeg.Make(20_000, 5), null, [1, 2], [3, 4]));
        IFileStore store = t.Database.Files;
        var referenced = (await store.ListAsync("applications/", default)).Select(f => f.Key).ToList();
        Assert.Equal(3, referenced.Count);

        // A file whose row never committed, and a file outside the record folders.
        const string Orphan = "photos/987654/original-0123456789abcdef";
        const string Export = "exports/package-1.zip";
        await store.PutAsync(Orphan, new byte[] { 9, 9, 9 }, default);
        await store.PutAsync(Export, new byte[] { 7 }, default);

        // Younger than the grace period: it may belong to a transaction still running, so it stays.
        var now = new ManualTimeProvider(DateTimeOffset.UtcNow);
        Assert.Equal(0, await new OrphanFileSweepJobHandler(t.Database, now, Grace).SweepAsync(default));
        Assert.NotNull(await store.GetAsync(Orphan, default));

        now.Advance(Grace + TimeSpan.FromMinutes(5));
        var sweep = new OrphanFileSweepJobHandler(t.Database, now, Grace);
        Assert.Equal(1, await sweep.SweepAsync(default));
        Assert.Null(await store.GetAsync(Orphan, default));
        Assert.NotNull(await store.GetAsync(Export, default));
        Assert.All(referenced, key => Assert.NotNull(store.GetAsync(key, default).GetAwaiter().GetResult()));
        Assert.Equal(0, await sweep.SweepAsync(default));
        Assert.NotNull((await drafts.FindAsync("sweep-token"))!.Images.Photo);
        Assert.True(id > 0);
    }
}
