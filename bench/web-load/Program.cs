using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text.Json;
using Npgsql;
using SocialCard.Platform.Demo;
using SocialCard.Platform.Registry;
using SocialCard.Platform.Storage;

// bench/web-load.sh drives this client; see that script for the whole run.
//   seed    --conn C --key K --people N --unit-people M --out DIR
//   status  --base URL --api-key K --numbers FILE --rate R --seconds S [--warmup S] [--concurrency C]
//   uploads --base URL --api-key K --unit CODE --numbers FILE --devset DIR [--clients 20] [--photos 50]
Dictionary<string, string> opts = ParseArgs(args.Skip(1));
string mode = args.Length > 0 ? args[0] : "";
return mode switch
{
    "seed" => await SeedAsync(opts),
    "status" => await StatusAsync(opts),
    "uploads" => await UploadsAsync(opts),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: WebLoad seed|status|uploads --option value ...");
    return 2;
}

static Dictionary<string, string> ParseArgs(IEnumerable<string> args)
{
    var result = new Dictionary<string, string>(StringComparer.Ordinal);
    string? key = null;
    foreach (string a in args)
    {
        if (a.StartsWith("--", StringComparison.Ordinal))
        {
            key = a[2..];
            result[key] = "true";
        }
        else if (key is not null)
        {
            result[key] = a;
            key = null;
        }
    }

    return result;
}

static int Int(Dictionary<string, string> o, string name, int fallback) =>
    o.TryGetValue(name, out string? v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

// Adds N people (resident IDs encrypted and hashed exactly as the Platform does, through its COPY writer) spread over
// the top units, the first M of them in the first top unit (no card yet: they get photos in the upload run), and one
// card each for the others in a mix of states (production dates over the last 60 days). Writes the personal numbers of the first unit and a sample of all to --out.
static async Task<int> SeedAsync(Dictionary<string, string> o)
{
    var storage = new StorageOptions
    {
        Provider = StorageProvider.PostgreSql,
        ConnectionString = o["conn"],
        EncryptionKey = o["key"],
        DataDirectory = o["out"],
    };
    var database = new PlatformDatabase(storage);
    int people = Int(o, "people", 1_000_000);
    int unitPeople = Int(o, "unit-people", 1000);
    var clock = Stopwatch.StartNew();

    List<(long Id, string Code)> units = [];
    await using (var conn = new NpgsqlConnection(database.ConnectionString))
    {
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT u.id, u.code FROM units u JOIN accounts a ON a.login_name = u.code AND a.kind = 'unit' WHERE u.level = 1 ORDER BY u.code", conn);
        await using NpgsqlDataReader reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            units.Add((reader.GetInt64(0), reader.GetString(1)));
        }
    }

    if (units.Count == 0)
    {
        Console.Error.WriteLine("seed: no units with a sign-in; start the site once with Demo:Seed first");
        return 1;
    }

    var generator = new DemoDataGenerator(6_000_006);
    IEnumerable<PersonRow> Rows()
    {
        for (int i = 0; i < people; i++)
        {
            long unitId = i < unitPeople ? units[0].Id : units[i % units.Count].Id;
            PersonRow row = generator.NextPerson(unitId);
            yield return row with { PersonalNumber = "05" + i.ToString("D8", CultureInfo.InvariantCulture) };
        }
    }

    long written = await PeopleBulkWriter.WriteAsync(database, Rows());
    Console.WriteLine($"seed: {written} people written in {clock.Elapsed.TotalSeconds:F1} s");

    long nowMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
    await using (var conn = new NpgsqlConnection(database.ConnectionString))
    {
        await conn.OpenAsync();
        string sql = $"""
            INSERT INTO card_records (person_id, personal_number, state, reason, produced_on, ready_for_pickup_on, created_at, updated_at)
            SELECT p.id, p.personal_number,
                   CASE p.id % 5 WHEN 0 THEN 'Produced' WHEN 1 THEN 'ReadyForPickup' WHEN 2 THEN 'SentToCardCentre' WHEN 3 THEN 'ProductionFailed' ELSE 'PhotoPassed' END,
                   CASE p.id % 5 WHEN 3 THEN '无照片' ELSE NULL END,
                   CASE WHEN p.id % 5 IN (0, 1) THEN current_date - (p.id % 60)::int ELSE NULL END,
                   CASE WHEN p.id % 5 IN (0, 1) THEN current_date - (p.id % 60)::int + 30 ELSE NULL END,
                   {nowMs}, {nowMs}
            FROM people p
            WHERE p.personal_number LIKE '05%' AND p.personal_number >= '05{unitPeople.ToString("D8", CultureInfo.InvariantCulture)}'
            """;
        await using (var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 1200 })
        {
            Console.WriteLine($"seed: {await cmd.ExecuteNonQueryAsync()} cards");
        }

        await using (var analyze = new NpgsqlCommand("ANALYZE", conn) { CommandTimeout = 1200 })
        {
            await analyze.ExecuteNonQueryAsync();
        }
    }

    Directory.CreateDirectory(o["out"]);
    await File.WriteAllLinesAsync(Path.Combine(o["out"], "unit-numbers.txt"),
        Enumerable.Range(0, unitPeople).Select(i => "05" + i.ToString("D8", CultureInfo.InvariantCulture)));
    var rng = new Random(42);
    await File.WriteAllLinesAsync(Path.Combine(o["out"], "status-numbers.txt"),
        Enumerable.Range(0, 20_000).Select(_ => "05" + rng.Next(unitPeople, people).ToString("D8", CultureInfo.InvariantCulture)));
    await File.WriteAllTextAsync(Path.Combine(o["out"], "unit-code.txt"), units[0].Code);
    Console.WriteLine($"seed: done in {clock.Elapsed.TotalSeconds:F1} s");
    return 0;
}

// Open-loop card-status look-ups: request i is due at start + i/rate; its latency runs from when it was due (so a
// stalled server is not hidden by the client waiting: no coordinated omission) to the end of the response body.
static async Task<int> StatusAsync(Dictionary<string, string> o)
{
    string[] numbers = await File.ReadAllLinesAsync(o["numbers"]);
    int rate = Int(o, "rate", 1000);
    int seconds = Int(o, "seconds", 20);
    int warmup = Int(o, "warmup", 3);
    int concurrency = Int(o, "concurrency", 256);
    using var client = NewClient(o, concurrency);

    if (rate <= 0)
    {
        return await ClosedLoopAsync(client, numbers, concurrency, seconds);
    }

    await RunAtRateAsync(client, numbers, rate, warmup, concurrency, null);
    var latencies = new List<double>(rate * seconds);
    var clock = Stopwatch.StartNew();
    (int errors, int dropped) = await RunAtRateAsync(client, numbers, rate, seconds, concurrency, latencies);
    double elapsed = clock.Elapsed.TotalSeconds;
    Report($"status open-loop target={rate}/s", latencies, errors, dropped, elapsed);
    return 0;
}

static async Task<(int Errors, int Dropped)> RunAtRateAsync(HttpClient client, string[] numbers, int rate, int seconds, int concurrency, List<double>? latencies)
{
    int total = rate * seconds;
    long start = Stopwatch.GetTimestamp();
    double ticksPer = (double)Stopwatch.Frequency / rate;
    int errors = 0, dropped = 0, inFlight = 0;
    var tasks = new List<Task>(total);
    var sink = new object();
    for (int i = 0; i < total; i++)
    {
        long due = start + (long)(i * ticksPer);
        long wait = due - Stopwatch.GetTimestamp();
        if (wait > Stopwatch.Frequency / 1000)
        {
            await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency));
        }

        if (Volatile.Read(ref inFlight) >= concurrency)
        {
            Interlocked.Increment(ref dropped);
            continue;
        }

        string number = numbers[i % numbers.Length];
        Interlocked.Increment(ref inFlight);
        tasks.Add(Task.Run(async () =>
        {
            try
            {
                using HttpResponseMessage r = await client.GetAsync($"/api/v1/cards/{number}");
                await r.Content.ReadAsByteArrayAsync();
                double ms = (Stopwatch.GetTimestamp() - due) * 1000.0 / Stopwatch.Frequency;
                if (!r.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                }
                else if (latencies is not null)
                {
                    lock (sink)
                    {
                        latencies.Add(ms);
                    }
                }
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref errors);
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }
        }));
    }

    await Task.WhenAll(tasks);
    return (errors, dropped);
}

static async Task<int> ClosedLoopAsync(HttpClient client, string[] numbers, int concurrency, int seconds)
{
    var latencies = new List<double>();
    int errors = 0, next = 0;
    var sink = new object();
    var clock = Stopwatch.StartNew();
    TimeSpan until = TimeSpan.FromSeconds(seconds);
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
    {
        while (clock.Elapsed < until)
        {
            string number = numbers[Interlocked.Increment(ref next) % numbers.Length];
            long t0 = Stopwatch.GetTimestamp();
            using HttpResponseMessage r = await client.GetAsync($"/api/v1/cards/{number}");
            await r.Content.ReadAsByteArrayAsync();
            double ms = (Stopwatch.GetTimestamp() - t0) * 1000.0 / Stopwatch.Frequency;
            if (!r.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref errors);
                continue;
            }

            lock (sink)
            {
                latencies.Add(ms);
            }
        }
    })));
    Report($"status closed-loop concurrency={concurrency}", latencies, errors, 0, clock.Elapsed.TotalSeconds);
    return 0;
}

// N clients at once each submit a 50-photo package of devset photos (named by the unit's personal numbers) through
// the batch API and poll its status; the time runs from the start of the upload to the first status that is complete.
static async Task<int> UploadsAsync(Dictionary<string, string> o)
{
    string[] numbers = await File.ReadAllLinesAsync(o["numbers"]);
    int clients = Int(o, "clients", 20);
    int photos = Int(o, "photos", 50);
    string unit = o["unit"];
    string[] images = [.. Directory.GetFiles(Path.Combine(o["devset"], "images"), "*.jpg").Order(StringComparer.Ordinal)];
    if (numbers.Length < clients * photos)
    {
        Console.Error.WriteLine($"uploads: need {clients * photos} numbers, have {numbers.Length}");
        return 1;
    }

    var zips = new byte[clients][];
    for (int c = 0; c < clients; c++)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (int p = 0; p < photos; p++)
            {
                ZipArchiveEntry entry = zip.CreateEntry($"{unit}/{numbers[(c * photos) + p]}.jpg", CompressionLevel.NoCompression);
                await using Stream s = entry.Open();
                await s.WriteAsync(await File.ReadAllBytesAsync(images[((c * 7) + p) % images.Length]));
            }
        }

        zips[c] = buffer.ToArray();
    }

    using var client = NewClient(o, clients * 2);
    var times = new double[clients];
    var go = new TaskCompletionSource();
    var wall = new Stopwatch();
    Task[] runs = [.. Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
    {
        await go.Task;
        long t0 = Stopwatch.GetTimestamp();
        var part = new ByteArrayContent(zips[c]);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        using var content = new MultipartFormDataContent { { new StringContent(unit), "unit" }, { part, "package", $"{unit}-{c}.zip" } };
        using HttpResponseMessage accepted = await client.PostAsync("/api/v1/batches", content);
        string body = await accepted.Content.ReadAsStringAsync();
        if (!accepted.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"upload {c}: {(int)accepted.StatusCode} {body}");
        }

        string url;
        using (JsonDocument doc = JsonDocument.Parse(body))
        {
            url = doc.RootElement.GetProperty("statusUrl").GetString()!;
        }

        while (true)
        {
            using JsonDocument status = JsonDocument.Parse(await client.GetStringAsync(url));
            if (status.RootElement.GetProperty("complete").GetBoolean())
            {
                times[c] = (Stopwatch.GetTimestamp() - t0) * 1000.0 / Stopwatch.Frequency;
                return;
            }

            await Task.Delay(50);
        }
    }))];
    wall.Start();
    go.SetResult();
    await Task.WhenAll(runs);
    Array.Sort(times);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"uploads: {clients} concurrent {photos}-photo packages, time to complete verdict: median {Percentile(times, 50):F0} ms, p95 {Percentile(times, 95):F0} ms, max {times[^1]:F0} ms; all done in {wall.Elapsed.TotalSeconds:F1} s ({clients * photos / wall.Elapsed.TotalSeconds:F0} photos/s)"));
    return 0;
}

static HttpClient NewClient(Dictionary<string, string> o, int connections)
{
    var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
    var client = new HttpClient(handler) { BaseAddress = new Uri(o["base"]), Timeout = TimeSpan.FromSeconds(120) };
    client.DefaultRequestHeaders.Add("X-Api-Key", o["api-key"]);
    return client;
}

static double Percentile(double[] sorted, double p) =>
    sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];

static void Report(string what, List<double> latencies, int errors, int dropped, double seconds)
{
    double[] sorted = [.. latencies.Order()];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{what}: {sorted.Length / seconds:F0} ok req/s over {seconds:F1} s; p50 {Percentile(sorted, 50):F2} ms, p90 {Percentile(sorted, 90):F2} ms, p99 {Percentile(sorted, 99):F2} ms, max {(sorted.Length > 0 ? sorted[^1] : 0):F1} ms; errors {errors}, not sent (client cap) {dropped}"));
}
