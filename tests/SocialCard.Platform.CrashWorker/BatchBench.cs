using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using SocialCard.Photos;
using SocialCard.Photos.Faces;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Engine;
using SocialCard.Platform.Jobs;
using SocialCard.Platform.Jobs.Handlers;
using SocialCard.Platform.Reports;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform.CrashWorker;

/// <summary>A 50-photo unit batch end to end with the real photo engine (every rule, face networks): zip the photos,
/// receive the package (intake checks, store, queue the job), run the pre-review job in this process (one entry per
/// core), then build the unit's failure list as .xlsx. Timed per run; median, min and max reported.</summary>
internal static class BatchBench
{
    private const string UnitCode = "3205009000";
    private const string Profile = "suzhou-sscard";

    public static async Task<int> RunAsync(PlatformDatabase database, string devset, string models, int runs, int parallelism)
    {
        await database.MigrateAsync();
        // 50 labelled photos: all 20 compliant ones (full analysis, the expensive path) and the first 30 others by file
        // name (a spread of defects). Their names are 10-digit numbers, so they double as the registry's personal numbers.
        var labels = File.ReadLines(Path.Combine(devset, "labels.tsv")).Skip(1).Select(l => l.Split('\t')).Where(c => c.Length > 1)
            .OrderBy(c => c[0], StringComparer.Ordinal).ToList();
        var compliant = labels.Where(c => c[1] == "compliant").Select(c => c[0]).Take(20).ToList();
        var files = compliant.Concat(labels.Where(c => c[1] != "compliant").Select(c => c[0]).Take(50 - compliant.Count))
            .Order(StringComparer.Ordinal).ToList();
        var photos = files.Select(f => (Name: f, Bytes: File.ReadAllBytes(Path.Combine(devset, "images", f)))).ToList();

        long unitId;
        await using (var db = database.CreateDbContext())
        {
            var unit = await db.Units.SingleOrDefaultAsync(u => u.Code == UnitCode);
            if (unit is null)
            {
                unit = new Unit(UnitCode, "基准测试单位", null, "ICBC");
                db.Units.Add(unit);
                var gen = new Demo.DemoDataGenerator(50);
                foreach (var f in files)
                {
                    var r = gen.NextPerson(null);
                    var p = new Person(IdType.ResidentId, r.IdNumber, "CHN", Path.GetFileNameWithoutExtension(f), r.Name, r.Gender, r.BirthDate, "中国");
                    p.MoveToUnit(unit);
                    db.People.Add(p);
                }

                await db.SaveChangesAsync();
            }

            unitId = unit.Id;
        }

        var load = Stopwatch.StartNew();
        var checker = new PhotoChecker(CheckerFaceDetector.LoadDefault(models));
        _ = checker.Check(photos[0].Bytes, photos[0].Name, Photos.Profiles.SpecProfiles.Get(Profile)); // first inference loads the networks
        load.Stop();
        Console.WriteLine($"batch: engine load + warm-up {load.Elapsed.TotalSeconds:F1} s; photos={photos.Count} parallelism={parallelism} runs={runs}");

        var time = TimeProvider.System;
        var queue = new JobQueue(database, time);
        var service = new UnitBatchService(database, queue, time);
        var worker = new JobWorker(queue, [new BatchPreReviewJobHandler(database, new PhotoCheckAdapter(checker), time, parallelism)], time,
            new JobWorkerOptions { WorkerId = "bench", Lease = TimeSpan.FromMinutes(5) });
        var seconds = new List<double>();
        for (var run = 0; run <= runs; run++) // run 0 warms up (JIT, tiering, connection pool) and is not counted
        {
            var sw = Stopwatch.StartNew();
            using var zip = new MemoryStream();
            using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var (name, bytes) in photos)
                {
                    var entry = archive.CreateEntry($"{UnitCode}/{name}", CompressionLevel.Fastest);
                    await using var s = await entry.OpenAsync();
                    await s.WriteAsync(bytes);
                }
            }

            zip.Position = 0;
            var receipt = await service.ReceiveAsync(UnitCode, "bench", $"{UnitCode}-{run}.zip", zip, Profile);
            if (receipt.IsRefused || receipt.AcceptedCount != photos.Count)
            {
                Console.Error.WriteLine($"batch refused or short: accepted={receipt.AcceptedCount} " + string.Join("; ", receipt.Refusals.Select(r => r.MessageEn)));
                return 1;
            }

            var result = await worker.RunOnceAsync();
            if (result != JobRunResult.Succeeded)
            {
                Console.Error.WriteLine($"job did not succeed: {result}");
                return 1;
            }

            var failures = await service.FailureListAsync(unitId, receipt.BatchId);
            using var xlsx = new MemoryStream();
            PreReviewFailureReport.WriteXlsx(xlsx, failures);
            sw.Stop();
            if (run > 0)
            {
                seconds.Add(sw.Elapsed.TotalSeconds);
            }

            await using var db = database.CreateDbContext();
            var batch = await db.Batches.AsNoTracking().SingleAsync(b => b.Id == receipt.BatchId);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"batch: run={(run == 0 ? "warm-up" : run.ToString(CultureInfo.InvariantCulture))} seconds={sw.Elapsed.TotalSeconds:F2} state={batch.State} passed={batch.PassedCount} failed={batch.FailedCount} failure_rows={failures.Count} xlsx_bytes={xlsx.Length}"));
        }

        seconds.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"batch: provider={database.Provider} runs={runs} median_s={seconds[seconds.Count / 2]:F2} min_s={seconds[0]:F2} max_s={seconds[^1]:F2} photos_per_s={photos.Count / seconds[seconds.Count / 2]:F1} (zip -> intake -> store -> job with real engine -> failure list xlsx)"));
        return 0;
    }
}
