using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCard.Platform.Jobs;
using SocialCard.Platform.Storage;
using SocialCard.Platform.Tests.Infrastructure;
using SocialCard.Web.Tests.Infrastructure;
using SocialCard.Web.Workers;

namespace SocialCard.Web.Tests.Workers;

/// <summary>The worker host's scheduler on two nodes sharing one PostgreSQL (the site as several nodes).</summary>
public sealed class RecurringJobSchedulerTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Two_nodes_on_one_PostgreSQL_enqueue_and_run_each_recurring_job_once_per_period()
    {
        PostgresServer server = await SharedPostgres.GetAsync();
        string connection = await server.CreateDatabaseAsync("scheduler-two-nodes");
        try
        {
            await using SiteFactory nodeA = Node(connection);
            await using SiteFactory nodeB = Node(connection);
            _ = nodeA.Server; // start both hosts: migrations, job workers, schedulers
            _ = nodeB.Server;
            RecurringJobScheduler schedulerA = nodeA.Services.GetRequiredService<RecurringJobScheduler>();
            RecurringJobScheduler schedulerB = nodeB.Services.GetRequiredService<RecurringJobScheduler>();
            PlatformDatabase database = nodeA.Services.GetRequiredService<PlatformDatabase>();
            string[] types = [.. RecurringJobs.Schedule.Select(s => s.Type)];

            // Both nodes offer the schedule many times; wait until every recurring job has run.
            var clock = Stopwatch.StartNew();
            List<Job> jobs;
            while (true)
            {
                await using (PlatformDbContext db = database.CreateDbContext())
                {
                    jobs = await db.Jobs.AsNoTracking().Where(j => types.Contains(j.Type)).ToListAsync();
                }

                bool everyTypeDone = types.All(t => jobs.Any(j => j.Type == t && j.State == JobState.Succeeded));
                if (schedulerA.Ticks >= 5 && schedulerB.Ticks >= 5 && everyTypeDone && jobs.All(j => j.State == JobState.Succeeded))
                {
                    break;
                }

                Assert.True(clock.Elapsed < Deadline,
                    $"ticks A={schedulerA.Ticks} B={schedulerB.Ticks}; jobs: {string.Join(", ", jobs.Select(j => $"{j.DedupKey}:{j.State}:{j.LastError}"))}");
                await Task.Delay(100);
            }

            // One row per job and period (the key is the period), each claimed and run once.
            Assert.All(jobs, j => Assert.Matches("^[a-z.-]+@[0-9]+$", j.DedupKey ?? string.Empty));
            Assert.Equal(jobs.Count, jobs.Select(j => j.DedupKey).Distinct(StringComparer.Ordinal).Count());
            Assert.All(jobs, j => Assert.Equal(1, j.Attempts));
            foreach ((string type, TimeSpan every) in RecurringJobs.Schedule)
            {
                long[] periods = [.. jobs.Where(j => j.Type == type).Select(j => long.Parse(j.DedupKey![(j.DedupKey!.IndexOf('@') + 1)..], System.Globalization.CultureInfo.InvariantCulture))];
                Assert.All(periods, p => Assert.Equal(0, p % (long)every.TotalMilliseconds));
                Assert.Equal(periods.Length, periods.Distinct().Count());
            }
        }
        finally
        {
            await server.DropDatabaseAsync(connection);
        }
    }

    /// <summary>The nodes of one site share the master key (as a deployment configures it), not only the database.</summary>
    private static readonly string SharedKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private static SiteFactory Node(string connection)
    {
        var node = new SiteFactory();
        node.Settings["Storage:EncryptionKey"] = SharedKey;
        node.Settings["Storage:Provider"] = "PostgreSql";
        node.Settings["Storage:ConnectionString"] = connection;
        node.Settings["Site:RunWorkers"] = "true";
        node.Settings["Jobs:PollInterval"] = "00:00:00.100";
        node.Settings["Jobs:ScheduleInterval"] = "00:00:00.200";
        return node;
    }
}
