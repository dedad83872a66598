using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Jobs;
using SocialCard.Platform.Tests.Infrastructure;

namespace SocialCard.Platform.Tests.Jobs;

[Collection(PostgresCollection.Name)]
public sealed class JobQueueTests(PostgresServer server)
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Claim_takes_due_jobs_in_order_and_complete_finishes_them(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(Claim_takes_due_jobs_in_order_and_complete_finishes_them));
        var clock = new ManualTimeProvider(T0);
        var q = new JobQueue(t.Database, clock);
        var a = await q.EnqueueAsync("x", "{\"n\":1}");
        var later = await q.EnqueueAsync("x", "{\"n\":2}", runAfter: T0.AddMinutes(5));

        var c1 = await q.ClaimAsync("w1", TimeSpan.FromMinutes(1));
        Assert.NotNull(c1);
        Assert.Equal(a, c1.Id);
        Assert.Equal(1, c1.Attempt);
        Assert.Null(await q.ClaimAsync("w2", TimeSpan.FromMinutes(1)));

        Assert.True(await q.CompleteAsync(c1));
        Assert.False(await q.CompleteAsync(c1));

        clock.Advance(TimeSpan.FromMinutes(5));
        var c2 = await q.ClaimAsync("w2", TimeSpan.FromMinutes(1));
        Assert.Equal(later, c2?.Id);

        await using var db = t.NewContext();
        var done = await db.Jobs.SingleAsync(j => j.Id == a);
        Assert.Equal(JobState.Succeeded, done.State);
        Assert.Equal(T0, done.CompletedAt);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Failures_back_off_exponentially_then_die(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(Failures_back_off_exponentially_then_die));
        var clock = new ManualTimeProvider(T0);
        var q = new JobQueue(t.Database, clock, new JobQueueOptions { BaseBackoff = TimeSpan.FromSeconds(10), MaxBackoff = TimeSpan.FromMinutes(1) });
        var id = await q.EnqueueAsync("x", "{}", maxAttempts: 3);

        var c = await q.ClaimAsync("w", TimeSpan.FromMinutes(1));
        Assert.True(await q.FailAsync(c!, "boom 1"));
        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Null(await q.ClaimAsync("w", TimeSpan.FromMinutes(1)));
        clock.Advance(TimeSpan.FromSeconds(1));
        c = await q.ClaimAsync("w", TimeSpan.FromMinutes(1));
        Assert.Equal(2, c!.Attempt);

        Assert.True(await q.FailAsync(c, "boom 2"));
        clock.Advance(TimeSpan.FromSeconds(19));
        Assert.Null(await q.ClaimAsync("w", TimeSpan.FromMinutes(1)));
        clock.Advance(TimeSpan.FromSeconds(1));
        c = await q.ClaimAsync("w", TimeSpan.FromMinutes(1));
        Assert.Equal(3, c!.Attempt);
        Assert.True(await q.FailAsync(c, "boom 3"));

        clock.Advance(TimeSpan.FromHours(1));
        Assert.Null(await q.ClaimAsync("w", TimeSpan.FromMinutes(1)));
        await using var db = t.NewContext();
        var job = await db.Jobs.SingleAsync(j => j.Id == id);
        Assert.Equal(JobState.Dead, job.State);
        Assert.Equal("boom 3", job.LastError);
        Assert.Equal(3, job.Attempts);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_expired_lease_is_reclaimed_and_the_old_holder_cannot_complete(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(An_expired_lease_is_reclaimed_and_the_old_holder_cannot_complete));
        var clock = new ManualTimeProvider(T0);
        var q = new JobQueue(t.Database, clock);
        await q.EnqueueAsync("x", "{}");
        var dead = await q.ClaimAsync("dead-worker", TimeSpan.FromSeconds(30));
        Assert.NotNull(dead);

        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Null(await q.ClaimAsync("w2", TimeSpan.FromSeconds(30)));
        clock.Advance(TimeSpan.FromSeconds(2));
        var retaken = await q.ClaimAsync("w2", TimeSpan.FromSeconds(30));
        Assert.Equal(dead.Id, retaken?.Id);
        Assert.Equal(2, retaken!.Attempt);

        Assert.False(await q.CompleteAsync(dead));
        Assert.False(await q.ExtendLeaseAsync(dead, TimeSpan.FromSeconds(30)));
        Assert.True(await q.CompleteAsync(retaken));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Dedup_key_enqueues_once(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(Dedup_key_enqueues_once));
        var q = new JobQueue(t.Database, new ManualTimeProvider(T0));
        Assert.NotNull(await q.EnqueueAsync("x", "{}", dedupKey: "k1"));
        Assert.Null(await q.EnqueueAsync("x", "{}", dedupKey: "k1"));
        await using var db = t.NewContext();
        Assert.Equal(1, await db.Jobs.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Four_concurrent_workers_run_each_of_200_jobs_once(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(Four_concurrent_workers_run_each_of_200_jobs_once));
        var q = new JobQueue(t.Database, TimeProvider.System);
        for (var i = 0; i < 200; i++)
        {
            await q.EnqueueAsync("count", "{}");
        }

        var runs = new ConcurrentBag<(long Job, string Worker)>();
        var handler = new DelegateHandler("count", (job, _) =>
        {
            runs.Add((job.Id, job.WorkerId));
            return Task.CompletedTask;
        });
        var workers = Enumerable.Range(0, 4).Select(i => new JobWorker(q, [handler], TimeProvider.System,
            new JobWorkerOptions { WorkerId = $"w{i}", Lease = TimeSpan.FromSeconds(30) })).ToList();
        await Task.WhenAll(workers.Select(w => Task.Run(async () =>
        {
            while (await w.RunOnceAsync() != JobRunResult.Idle)
            {
            }
        })));

        Assert.Equal(200, runs.Count);
        Assert.Equal(200, runs.Select(r => r.Job).Distinct().Count());
        await using var db = t.NewContext();
        Assert.Equal(200, await db.Jobs.CountAsync(j => j.State == JobState.Succeeded));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Worker_records_handler_failure_and_unknown_types(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(Worker_records_handler_failure_and_unknown_types));
        var q = new JobQueue(t.Database, TimeProvider.System, new JobQueueOptions { BaseBackoff = TimeSpan.FromHours(1) });
        var failing = await q.EnqueueAsync("fail", "{}");
        var unknown = await q.EnqueueAsync("nobody-handles-this", "{}");
        var w = new JobWorker(q, [new DelegateHandler("fail", (_, _) => throw new InvalidOperationException("handler exploded"))], TimeProvider.System);

        Assert.Equal(JobRunResult.Failed, await w.RunOnceAsync());
        Assert.Equal(JobRunResult.Failed, await w.RunOnceAsync());
        Assert.Equal(JobRunResult.Idle, await w.RunOnceAsync());

        await using var db = t.NewContext();
        var f = await db.Jobs.SingleAsync(j => j.Id == failing);
        Assert.Equal(JobState.Queued, f.State);
        Assert.Contains("handler exploded", f.LastError, StringComparison.Ordinal);
        var u = await db.Jobs.SingleAsync(j => j.Id == unknown);
        Assert.Equal(JobState.Dead, u.State);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Recurring_jobs_are_enqueued_once_per_slot_and_old_ones_purged(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(Recurring_jobs_are_enqueued_once_per_slot_and_old_ones_purged));
        var clock = new ManualTimeProvider(T0);
        var q = new JobQueue(t.Database, clock);
        Assert.Equal(RecurringJobs.Schedule.Count, await RecurringJobs.EnqueueDueAsync(q, T0));
        Assert.Equal(0, await RecurringJobs.EnqueueDueAsync(q, T0.AddSeconds(59)));
        Assert.Equal(1, await RecurringJobs.EnqueueDueAsync(q, T0.AddMinutes(1))); // sms dispatch only
        Assert.Equal(2, await RecurringJobs.EnqueueDueAsync(q, T0.AddMinutes(5))); // + hand-over

        var c = await q.ClaimAsync("w", TimeSpan.FromMinutes(1));
        Assert.True(await q.CompleteAsync(c!));
        clock.Advance(TimeSpan.FromDays(8));
        Assert.Equal(1, await q.PurgeFinishedAsync(clock.GetUtcNow().AddDays(-7)));
        await using var db = t.NewContext();
        Assert.Equal(RecurringJobs.Schedule.Count + 2, await db.Jobs.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Heartbeat_keeps_a_long_job_from_being_taken_and_a_stolen_lease_cancels_the_handler(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(Heartbeat_keeps_a_long_job_from_being_taken_and_a_stolen_lease_cancels_the_handler));
        var q = new JobQueue(t.Database, TimeProvider.System);
        var id = await q.EnqueueAsync("long", "{}");
        var started = new TaskCompletionSource();
        var handler = new DelegateHandler("long", async (_, ct) =>
        {
            started.SetResult();
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
        });
        var w = new JobWorker(q, [handler], TimeProvider.System, new JobWorkerOptions { WorkerId = "holder", Lease = TimeSpan.FromMilliseconds(900) });
        var run = w.RunOnceAsync();
        await started.Task;

        // Three lease lengths later the job is still held: the heartbeat extended it.
        await Task.Delay(2700);
        Assert.Null(await q.ClaimAsync("thief", TimeSpan.FromSeconds(30)));

        // Someone takes it over (as after a long GC pause past the lease): the next heartbeat notices and cancels.
        await using (var db = t.NewContext())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE jobs SET locked_by = 'other' WHERE id = {0}", id!.Value);
        }

        Assert.Equal(JobRunResult.LeaseLost, await run.WaitAsync(TimeSpan.FromSeconds(10)));
        await using var check = t.NewContext();
        var job = await check.Jobs.SingleAsync();
        Assert.Equal((JobState.Running, "other"), (job.State, job.LockedBy));
    }

    private sealed class DelegateHandler(string type, Func<ClaimedJob, CancellationToken, Task> run) : IJobHandler
    {
        public string Type => type;

        public Task HandleAsync(ClaimedJob job, CancellationToken cancellationToken) => run(job, cancellationToken);
    }
}
