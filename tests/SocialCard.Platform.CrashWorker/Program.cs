using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.CrashWorker;
using SocialCard.Platform.Jobs;
using SocialCard.Platform.Jobs.Handlers;
using SocialCard.Platform.Storage;

// Modes:
//   worker --provider P --conn C --key K --handler batch|record --lease-ms N --delay-ms N --id NAME
//       runs jobs until no job is queued or running, then exits 0.
//   bench --provider PostgreSql --conn C --key K --rows N --lookups N
//       1M-people COPY import and HMAC-column lookup timings (see bench/platform-bench.sh).
//   batch-bench --provider P --conn C --key K --devset DIR --models DIR --runs N [--parallelism N]
//       a 50-photo unit batch end to end with the real photo engine (see bench/platform-bench.sh).
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: worker|bench --name value ...");
    return 2;
}

var a = new WorkerArgs(args);
var database = new PlatformDatabase(a.Storage());
switch (args[0])
{
    case "worker":
    {
        var time = TimeProvider.System;
        var queue = new JobQueue(database, time, new JobQueueOptions { BaseBackoff = TimeSpan.FromMilliseconds(200) });
        IJobHandler handler = a.Get("handler", "batch") == "record"
            ? new RecordRunHandler(database)
            : new BatchPreReviewJobHandler(database, new SlowJpegReviewer(TimeSpan.FromMilliseconds(a.GetInt("delay-ms", 0))), time);
        var worker = new JobWorker(queue, [handler], time, new JobWorkerOptions
        {
            WorkerId = a.Get("id", $"worker-{Environment.ProcessId}"),
            Lease = TimeSpan.FromMilliseconds(a.GetInt("lease-ms", 2000)),
            PollInterval = TimeSpan.FromMilliseconds(50),
        });
        await using (var warm = database.CreateDbContext())
        {
            _ = await warm.Jobs.AnyAsync(); // build the EF model before announcing readiness
        }

        Console.WriteLine($"ready {worker.WorkerId}");
        while (true)
        {
            var r = await worker.RunOnceAsync();
            if (r != JobRunResult.Idle)
            {
                continue;
            }

            await using var db = database.CreateDbContext();
            if (!await db.Jobs.AnyAsync(j => j.State == JobState.Queued || j.State == JobState.Running))
            {
                return 0;
            }

            await Task.Delay(50);
        }
    }

    case "bench":
        return await PlatformBench.RunAsync(database, a.GetInt("rows", 1_000_000), a.GetInt("lookups", 2000));

    case "batch-bench":
        return await BatchBench.RunAsync(database, a.Get("devset", "../shared/photos/devset"), a.Get("models", "models/face-api"),
            a.GetInt("runs", 5), a.GetInt("parallelism", Environment.ProcessorCount));

    default:
        Console.Error.WriteLine($"unknown mode {args[0]}");
        return 2;
}
