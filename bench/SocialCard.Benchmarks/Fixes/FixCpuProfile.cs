using System.Diagnostics;
using System.Globalization;
using SocialCard.Benchmarks.Imaging;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Fixes;
using SocialCard.Photos.Profiles;

namespace SocialCard.Benchmarks.Fixes;

/// <summary>
/// <c>-- fix-profile [rounds]</c>: the fix of a 12 MP phone photo (<see cref="PhotoFixerBenchmarks.TwelveMegapixel"/>)
/// and of the 1200 px devset original it is made from, on the calling thread, step by step: thread CPU time per step
/// (medians over the rounds, after 3 warm-up rounds), the whole fix, and the process CPU time as a check that no other
/// thread worked (a difference would show hidden parallel work). The segmentation network's cost is the
/// <c>fix.segment</c> row. Re-check excluded (it is the checker's cost), as in <see cref="PhotoFixerBenchmarks"/>.
/// Thread CPU time is what a loaded shared machine leaves meaningful; wall time is printed beside it.
/// </summary>
internal static class FixCpuProfile
{
    private const int WarmUp = 3;

    public static void Run(string[] args)
    {
        int rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 30;
        var fixer = new PhotoFixer(CheckerFaceDetector.LoadDefault(), null, new FixOptions { Recheck = false });
        SpecProfile profile = SpecProfiles.Get(SpecProfiles.Suzhou);
        byte[] original = File.ReadAllBytes(Path.Combine(BenchPaths.DevsetOriginals, "frl_london_013.jpg"));
        byte[] twelveMp = PhotoFixerBenchmarks.TwelveMegapixel(original);
        var inputs = new (string Name, byte[] Data)[] { ("12 MP (4000x3000)", twelveMp), ("1200 px original", original) };
        var steps = new Dictionary<string, List<double>>[inputs.Length];
        var whole = new List<double>[inputs.Length];
        var wall = new List<double>[inputs.Length];
        var process = new List<double>[inputs.Length];
        for (int k = 0; k < inputs.Length; k++)
        {
            steps[k] = new(StringComparer.Ordinal);
            whole[k] = [];
            wall[k] = [];
            process[k] = [];
        }

        // Interleaved: each round fixes both inputs, so load changes on the machine hit both alike.
        for (int round = 0; round < rounds + WarmUp; round++)
        {
            for (int k = 0; k < inputs.Length; k++)
            {
                using var ctx = new FixContext(inputs[k].Data, "a.jpg", profile, FixOptions.Default, null);
                var perStep = new List<(string, double)>();
                TimeSpan processStart = Process.GetCurrentProcess().TotalProcessorTime;
                long wallStart = Stopwatch.GetTimestamp();
                double start = ThreadCpuClock.NowMilliseconds();
                foreach (IFixStep step in fixer.Steps)
                {
                    double t0 = ThreadCpuClock.NowMilliseconds();
                    FixStepResult r = step.Apply(ctx);
                    perStep.Add((step.Id, ThreadCpuClock.NowMilliseconds() - t0));
                    if (r.Outcome == FixStepOutcome.Failed)
                    {
                        throw new InvalidOperationException($"{inputs[k].Name} refused at {step.Id}: {r.Reason.En}");
                    }
                }

                double total = ThreadCpuClock.NowMilliseconds() - start;
                double wallMs = Stopwatch.GetElapsedTime(wallStart).TotalMilliseconds;
                double processMs = (Process.GetCurrentProcess().TotalProcessorTime - processStart).TotalMilliseconds;
                if (round < WarmUp)
                {
                    continue;
                }

                whole[k].Add(total);
                wall[k].Add(wallMs);
                process[k].Add(processMs);
                foreach ((string id, double ms) in perStep)
                {
                    (steps[k].TryGetValue(id, out List<double>? list) ? list : steps[k][id] = []).Add(ms);
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fix, one thread, {rounds} rounds (medians, ms)"));
        Console.WriteLine($"{"step",-20} {inputs[0].Name,20} {inputs[1].Name,20}");
        foreach (string id in steps[0].Keys)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{id,-20} {Median(steps[0][id]),20:0.00} {Median(steps[1][id]),20:0.00}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"thread CPU total",-20} {Median(whole[0]),20:0.0} {Median(whole[1]),20:0.0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"  min / p90",-20} {Percentile(whole[0], 0),9:0.0} / {Percentile(whole[0], 0.9),8:0.0} {Percentile(whole[1], 0),9:0.0} / {Percentile(whole[1], 0.9),8:0.0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"process CPU",-20} {Median(process[0]),20:0.0} {Median(process[1]),20:0.0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"wall",-20} {Median(wall[0]),20:0.0} {Median(wall[1]),20:0.0}"));
    }

    private static double Median(List<double> values) => Percentile(values, 0.5);

    private static double Percentile(List<double> values, double p)
    {
        List<double> sorted = [.. values.Order()];
        return sorted[(int)Math.Round(p * (sorted.Count - 1))];
    }
}
