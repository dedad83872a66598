using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Demo;
using SocialCard.Platform.Registry;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform.CrashWorker;

/// <summary>Platform benchmarks: bulk import of N people (binary COPY on PostgreSQL) and exact lookups by ID number
/// through the HMAC column index, reported as median and p99.</summary>
internal static class PlatformBench
{
    public static async Task<int> RunAsync(PlatformDatabase database, int rows, int lookups)
    {
        await database.MigrateAsync();
        var gen = new DemoDataGenerator(20261123);
        var sample = new List<string>();
        var every = Math.Max(1, rows / Math.Max(1, lookups));
        IEnumerable<Registry.PersonRow> Rows()
        {
            for (var i = 0; i < rows; i++)
            {
                var r = gen.NextPerson(null);
                if (i % every == 0)
                {
                    sample.Add(r.IdNumber);
                }

                yield return r;
            }
        }

        var sw = Stopwatch.StartNew();
        var n = await PeopleBulkWriter.WriteAsync(database, Rows());
        sw.Stop();
        Console.WriteLine($"import: provider={database.Provider} rows={n} seconds={sw.Elapsed.TotalSeconds:F1} rows_per_s={n / sw.Elapsed.TotalSeconds:F0} (includes ID generation, AES-GCM and HMAC per row)");

        await using (var db = database.CreateDbContext())
        {
            db.Database.SetCommandTimeout(600);
            await db.Database.ExecuteSqlRawAsync(database.Provider == StorageProvider.PostgreSql ? "ANALYZE people" : "ANALYZE");
        }

        var times = new List<double>(sample.Count);
        await using (var db = database.CreateDbContext())
        {
            var found = 0;
            // Warm-up (connection, query compilation).
            var warm = db.LookupHash(sample[0]);
            await db.People.AsNoTracking().Where(p => p.IdNumberHash == warm).Select(p => p.Id).FirstOrDefaultAsync();
            foreach (var id in sample)
            {
                var t = Stopwatch.GetTimestamp();
                var hash = db.LookupHash(id);
                var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.IdNumberHash == hash);
                times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                if (person?.IdNumber == id)
                {
                    found++;
                }
            }

            times.Sort();
            Console.WriteLine($"lookup: n={times.Count} found={found} median_ms={times[times.Count / 2]:F3} p99_ms={times[(int)(times.Count * 0.99)]:F3} max_ms={times[^1]:F3} (hash + indexed query + decrypt, one connection)");
            if (found != times.Count)
            {
                return 1;
            }
        }

        return 0;
    }
}
