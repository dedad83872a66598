using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Audit;
using SocialCard.Platform.Batches;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Jobs;
using SocialCard.Platform.Jobs.Handlers;
using SocialCard.Platform.Tests.Infrastructure;

namespace SocialCard.Platform.Tests.Jobs;

/// <summary>
/// The web records a package's verdicts in the upload request itself (<see cref="BatchPreReviewJobHandler.ReviewBatchAsync"/>)
/// and leaves the queued job, delayed, as the safety net: the job must then find nothing to do, and two reviewers on
/// one batch must still store each photo once.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class InlineBatchReviewTests(PostgresServer server)
{
    private const string UnitCode = "3205007777";
    private const int Photos = 23; // three chunks: 10 + 10 + 3
    private static readonly DateTimeOffset T0 = new(2026, 4, 1, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Inline_review_records_every_verdict_and_the_delayed_job_then_finds_nothing_to_do(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(Inline_review_records_every_verdict_and_the_delayed_job_then_finds_nothing_to_do));
        var clock = new ManualTimeProvider(T0);
        var zip = await SeedAsync(t);
        var queue = new JobQueue(t.Database, clock);
        var receipt = await new UnitBatchService(t.Database, queue, clock)
            .ReceiveAsync(UnitCode, "hr", "p.zip", zip, "suzhou-sscard", reviewDelay: TimeSpan.FromSeconds(30));
        long batchId = receipt.BatchId!.Value;
        await using (var db = t.NewContext())
        {
            var job = await db.Jobs.SingleAsync();
            Assert.Equal(T0.AddSeconds(30), job.RunAfter);
        }

        var reviewer = new JpegMagicReviewer();
        var handler = new BatchPreReviewJobHandler(t.Database, reviewer, clock);
        var worker = new JobWorker(queue, [handler], clock);
        Assert.Equal(JobRunResult.Idle, await worker.RunOnceAsync()); // not due: the request records the verdicts

        await handler.ReviewBatchAsync(batchId, "suzhou-sscard", CancellationToken.None);
        Assert.Equal(Photos, reviewer.Calls);
        await AssertReviewedOnceAsync(t, batchId);

        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(JobRunResult.Succeeded, await worker.RunOnceAsync());
        Assert.Equal(Photos, reviewer.Calls); // the job found the batch reviewed and checked nothing again
        await AssertReviewedOnceAsync(t, batchId);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Two_reviewers_on_one_batch_store_each_photo_once(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(Two_reviewers_on_one_batch_store_each_photo_once));
        var clock = new ManualTimeProvider(T0);
        var zip = await SeedAsync(t);
        var receipt = await new UnitBatchService(t.Database, new JobQueue(t.Database, clock), clock)
            .ReceiveAsync(UnitCode, "hr", "p.zip", zip, "suzhou-sscard");
        long batchId = receipt.BatchId!.Value;

        var a = new BatchPreReviewJobHandler(t.Database, new JpegMagicReviewer(), clock);
        var b = new BatchPreReviewJobHandler(t.Database, new JpegMagicReviewer(), clock);
        await Task.WhenAll(
            Task.Run(() => a.ReviewBatchAsync(batchId, "suzhou-sscard", CancellationToken.None)),
            Task.Run(() => b.ReviewBatchAsync(batchId, "suzhou-sscard", CancellationToken.None)));

        await AssertReviewedOnceAsync(t, batchId);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_package_read_once_is_stored_for_the_unit_it_was_checked_against(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(A_package_read_once_is_stored_for_the_unit_it_was_checked_against));
        var clock = new ManualTimeProvider(T0);
        var zip = await SeedAsync(t);
        var intake = new UnitPackageIntake();
        var batches = new UnitBatchService(t.Database, new JobQueue(t.Database, clock), clock, intake);

        var wrongFolder = intake.Read(zip.ToArray(), "3205000000"); // the zip's folder names another unit
        var refused = await batches.ReceiveAsync(wrongFolder, "hr", "p.zip", "suzhou-sscard");
        Assert.True(refused.IsRefused);
        Assert.Null(refused.BatchId);

        var receipt = await batches.ReceiveAsync(intake.Read(zip.ToArray(), UnitCode), "hr", "p.zip", "suzhou-sscard");
        Assert.Equal(Photos, receipt.AcceptedCount);
        await using var db = t.NewContext();
        var batch = await db.Batches.SingleAsync();
        Assert.Equal(receipt.BatchId, batch.Id);
        Assert.Equal(await db.Units.Where(u => u.Code == UnitCode).Select(u => u.Id).SingleAsync(), batch.UnitId);
        Assert.Equal(Photos, await db.BatchEntries.CountAsync(e => e.BatchId == batch.Id));
    }

    private static async Task<MemoryStream> SeedAsync(TestDatabase t)
    {
        var numbers = new List<string>();
        await using (var db = t.NewContext())
        {
            var unit = new Unit(UnitCode, "内联预审测试单位", null, "ICBC");
            db.Units.Add(unit);
            for (var i = 0; i < Photos; i++)
            {
                var p = Samples.Person(unit);
                numbers.Add(p.PersonalNumber);
                db.People.Add(p);
            }

            await db.SaveChangesAsync();
        }

        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < Photos; i++)
            {
                // Every fifth photo is too small: the batch mixes passes and failures.
                await using var s = await archive.CreateEntry($"{UnitCode}/{numbers[i]}.jpg").OpenAsync();
                await s.WriteAsync(TestJpeg.Make(i % 5 == 0 ? 5_000 : 20_000, i));
            }
        }

        zip.Position = 0;
        return zip;
    }

    private static async Task AssertReviewedOnceAsync(TestDatabase t, long batchId)
    {
        await using var db = t.NewContext();
        var names = await db.Photos.Where(p => p.BatchId == batchId).Select(p => p.EntryName).ToListAsync();
        Assert.Equal(Photos, names.Count);
        Assert.Equal(Photos, names.Distinct().Count());
        Assert.Equal(Photos, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.PhotoReviewed));
        Assert.Equal(Photos, await db.CardRecords.CountAsync());
        const int failed = (Photos + 4) / 5;
        Assert.Equal(failed, await db.CardRecords.CountAsync(c => c.State == CardState.PhotoFailed));
        var batch = await db.Batches.SingleAsync(x => x.Id == batchId);
        Assert.Equal((BatchState.Reviewed, Photos - failed, failed), (batch.State, batch.PassedCount, batch.FailedCount));
    }
}
