using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Audit;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Jobs;
using SocialCard.Platform.Jobs.Handlers;
using SocialCard.Platform.Tests.Infrastructure;

namespace SocialCard.Platform.Tests.Jobs;

/// <summary>Real processes: a worker killed with SIGKILL in the middle of a 50-photo batch, and two workers sharing
/// one queue.</summary>
[Collection(PostgresProcessCollection.Name)]
public sealed class WorkerProcessTests(PostgresServer server)
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Batch_survives_a_killed_worker_and_every_photo_is_processed_exactly_once(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, "crash");
        long batchId;
        await using (var db = t.NewContext())
        {
            var unit = Samples.Unit();
            db.Units.Add(unit);
            var people = Enumerable.Range(0, 50).Select(_ => Samples.Person(unit)).ToList();
            db.People.AddRange(people);
            await db.SaveChangesAsync();
            var batch = new Batch(unit.Id, "hr-li", "325520.zip", 50, DateTimeOffset.UtcNow);
            db.Batches.Add(batch);
            await db.SaveChangesAsync();
            batchId = batch.Id;
            for (var i = 0; i < 50; i++)
            {
                // Every 10th photo is too small, so the batch mixes passes and failures.
                var bytes = TestJpeg.Make(i % 10 == 0 ? 4000 : 20_000, i);
                db.BatchEntries.Add(new BatchEntry(batchId, $"{unit.Code}/{people[i].PersonalNumber}.jpg", people[i].PersonalNumber, bytes));
            }

            await db.SaveChangesAsync();
        }

        var q = new JobQueue(t.Database, TimeProvider.System);
        var jobId = await q.EnqueueAsync(JobTypes.BatchPreReview, $"{{\"batchId\":{batchId},\"profileId\":\"suzhou-sscard\"}}");

        int processedAtKill;
        HashSet<string> committedAtKill;
        using (var first = WorkerProcess.Start(t, "batch", "first", leaseMs: 3000, delayMs: 60))
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (await CountPhotosAsync(t, batchId) < 15)
            {
                Assert.True(DateTime.UtcNow < deadline, "first worker made no progress: " + first.Output);
                await Task.Delay(20);
            }

            first.KillHard();
            await first.WaitForExitAsync(TimeSpan.FromSeconds(10));
            processedAtKill = await CountPhotosAsync(t, batchId);
            await using var db = t.NewContext();
            committedAtKill = [.. await db.Photos.Where(p => p.BatchId == batchId).Select(p => p.EntryName!).ToListAsync()];
        }

        Assert.InRange(processedAtKill, 15, 49);
        await using (var db = t.NewContext())
        {
            var job = await db.Jobs.SingleAsync(j => j.Id == jobId);
            Assert.Equal(JobState.Running, job.State);
            Assert.Equal("first", job.LockedBy);
        }

        using (var second = WorkerProcess.Start(t, "batch", "second", leaseMs: 3000, delayMs: 0))
        {
            Assert.Equal(0, await second.WaitForExitAsync(TimeSpan.FromSeconds(90)));

            // The restarted worker reviews only what the killed one had not committed (at most the entries it was in
            // the middle of are reviewed again), so no committed photo is processed twice.
            var reviewedBySecond = second.Output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Where(l => l.StartsWith("reviewed ", StringComparison.Ordinal)).Select(l => l["reviewed ".Length..]).ToList();
            Assert.Empty(reviewedBySecond.Intersect(committedAtKill));
            Assert.Equal(reviewedBySecond.Count, reviewedBySecond.Distinct().Count());
            Assert.NotEmpty(reviewedBySecond);
        }

        await using (var db = t.NewContext())
        {
            var job = await db.Jobs.SingleAsync(j => j.Id == jobId);
            Assert.Equal(JobState.Succeeded, job.State);
            Assert.True(job.Attempts >= 2, $"attempts {job.Attempts}");

            var photos = await db.Photos.Where(p => p.BatchId == batchId).Select(p => new { p.EntryName, p.Verdict }).ToListAsync();
            Assert.Equal(50, photos.Count);
            Assert.Equal(50, photos.Select(p => p.EntryName).Distinct().Count());
            Assert.Equal(45, photos.Count(p => p.Verdict == PhotoVerdict.Passed));

            var reviewAudits = await db.AuditEvents.CountAsync(e => e.Action == AuditActions.PhotoReviewed);
            Assert.Equal(50, reviewAudits);
            var cardAudits = await db.AuditEvents.Where(e => e.Action == AuditActions.CardStateChanged).Select(e => e.EntityId).ToListAsync();
            Assert.Equal(50, cardAudits.Count);
            Assert.Equal(50, cardAudits.Distinct().Count());

            var cards = await db.CardRecords.Select(c => c.State).ToListAsync();
            Assert.Equal(50, cards.Count);
            Assert.Equal(45, cards.Count(s => s == CardState.PhotoPassed));
            Assert.Equal(5, cards.Count(s => s == CardState.PhotoFailed));

            var batch = await db.Batches.SingleAsync(b => b.Id == batchId);
            Assert.Equal(BatchState.Reviewed, batch.State);
            Assert.Equal(45, batch.PassedCount);
            Assert.Equal(5, batch.FailedCount);
        }
    }

    [Fact]
    public async Task Two_worker_processes_share_500_jobs_on_postgresql_without_running_any_twice()
    {
        await using var t = await TestDatabase.CreateAsync("PostgreSql", server, "twoworkers");
        await using (var db = t.NewContext())
        {
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE job_runs (job_id bigint NOT NULL, worker text NOT NULL)");
            // Not due yet: both processes start and poll; the test opens the gate once both are up, so a slow start
            // of one cannot let the other drain the queue alone.
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < 500; i++)
            {
                db.Jobs.Add(new Job("test.record", "{}", now, now.AddHours(1)));
            }

            await db.SaveChangesAsync();
        }

        using var a = WorkerProcess.Start(t, "record", "A", leaseMs: 30_000, delayMs: 0);
        using var b = WorkerProcess.Start(t, "record", "B", leaseMs: 30_000, delayMs: 0);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!a.Output.Contains("ready", StringComparison.Ordinal) || !b.Output.Contains("ready", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, "workers did not start: " + a.Output + b.Output);
            await Task.Delay(50);
        }

        await Task.Delay(500); // let both reach their polling loop
        await using (var db = t.NewContext())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE jobs SET run_after = 0");
        }

        Assert.Equal(0, await a.WaitForExitAsync(TimeSpan.FromSeconds(120)));
        Assert.Equal(0, await b.WaitForExitAsync(TimeSpan.FromSeconds(120)));

        await using (var db = t.NewContext())
        {
            var runs = await db.Database.SqlQueryRaw<RunRow>("SELECT job_id AS \"JobId\", worker AS \"Worker\" FROM job_runs").ToListAsync();
            Assert.Equal(500, runs.Count);
            Assert.Equal(500, runs.Select(r => r.JobId).Distinct().Count());
            var perWorker = runs.GroupBy(r => r.Worker).ToDictionary(g => g.Key, g => g.Count());
            Assert.True(perWorker.Count == 2, "both workers should have taken jobs: " + string.Join(", ", perWorker));
            Assert.Equal(500, await db.Jobs.CountAsync(j => j.State == JobState.Succeeded));
        }
    }

    private static async Task<int> CountPhotosAsync(TestDatabase t, long batchId)
    {
        await using var db = t.NewContext();
        return await db.Photos.CountAsync(p => p.BatchId == batchId);
    }

    private sealed record RunRow(long JobId, string Worker);
}
