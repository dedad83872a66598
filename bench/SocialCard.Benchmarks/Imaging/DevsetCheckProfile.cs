using System.Diagnostics;
using System.Globalization;
using SocialCard.Benchmarks.Faces;
using SocialCard.Faces;
using SocialCard.Imaging.Inspection;
using SocialCard.Photos;
using SocialCard.Photos.Faces;

namespace SocialCard.Benchmarks.Imaging;

/// <summary>
/// Per-photo time distribution of a whole check (<see cref="PhotoChecker.Check(byte[], string, SocialCard.Photos.Profiles.SpecProfile)"/>)
/// over every devset image, pinned to one core (affinity mask 1): after a warm-up pass each photo is checked
/// <c>rounds</c> times, its time is the median of its rounds, and the table gives the median, p90, p95 and max over
/// photos -- the "median per photo" the speed targets quote -- and the mean (what a run over the whole folder costs per
/// photo, the figure to hold the CLI against), in wall time and in thread CPU time (<see cref="ThreadCpuClock"/>,
/// which leaves out the time spent waiting for the core while other work shares the machine). Modes: image rules only,
/// the product's default face engine (the 160 probe, else the cascade), the cascade alone (352
/// first) and a single detector at 416 for comparison.
/// Run: <c>dotnet run -c Release --project bench/SocialCard.Benchmarks -- devset-profile [rounds] [mode-filter]</c>.
/// </summary>
internal static class DevsetCheckProfile
{
    public static void Run(string[] args)
    {
        int rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        string filter = args.Length > 2 ? args[2] : "";
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
        {
            Process.GetCurrentProcess().ProcessorAffinity = 1;
        }

        PhotoCheckInputs inputs = PhotoCheckInputs.Load();
        if (filter.StartsWith("dump=", StringComparison.Ordinal))
        {
            DumpFindings(new PhotoChecker(), inputs, filter["dump=".Length..]);
            return;
        }

        FaceModels models = FaceModels.Load(FaceBenchInputs.ModelsDirectory());
        if (filter.StartsWith("dump-face=", StringComparison.Ordinal))
        {
            DumpFindings(new PhotoChecker(new CheckerFaceDetector(models)), inputs, filter["dump-face=".Length..]);
            return;
        }

        (string Label, Func<PhotoChecker> Checker)[] modes =
        [
            ("image-rules", () => new PhotoChecker()),
            ("face-default", () => new PhotoChecker(new CheckerFaceDetector(models))),
            ("face-cascade-only", () => new PhotoChecker(CheckerFaceDetector.CascadeOnly(models))),
            ("face-416-only", () => new PhotoChecker(new CheckerFaceDetector(new FaceAnalyzer(models)))),
        ];

        bool[] standard = [.. inputs.Photos.Select(p => IsStandardSize(p.Bytes))];
        Console.WriteLine(
            $"devset {PhotoCheckInputs.ImagesFolder}: {inputs.Photos.Count} photos ({standard.Count(s => s)} of 358x441), " +
            $"profile {inputs.Profile.Id}, {rounds} rounds, one core, ms per photo, {DateTime.UtcNow:yyyy-MM-dd HH:mm}Z");
        Console.WriteLine($"{"mode",-24} {"clock",-5} {"median",8} {"p90",8} {"p95",8} {"max",8} {"358x441 median",15} {"mean",8}");
        foreach ((string label, Func<PhotoChecker> create) in modes)
        {
            if (!label.Contains(filter, StringComparison.Ordinal))
            {
                continue;
            }

            PhotoChecker checker = create();
            foreach ((string name, byte[] bytes) in inputs.Photos)
            {
                checker.Check(bytes, name, inputs.Profile);
            }

            var wall = new double[inputs.Photos.Count];
            var cpu = new double[inputs.Photos.Count];
            var wallRuns = new double[rounds];
            var cpuRuns = new double[rounds];
            for (int i = 0; i < inputs.Photos.Count; i++)
            {
                (string name, byte[] bytes) = inputs.Photos[i];
                for (int r = 0; r < rounds; r++)
                {
                    double c0 = ThreadCpuClock.NowMilliseconds();
                    long t0 = Stopwatch.GetTimestamp();
                    checker.Check(bytes, name, inputs.Profile);
                    wallRuns[r] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                    cpuRuns[r] = ThreadCpuClock.NowMilliseconds() - c0;
                }

                wall[i] = Median(wallRuns);
                cpu[i] = Median(cpuRuns);
            }

            Print(label, "wall", wall, standard);
            Print(label, "cpu", cpu, standard);
        }
    }

    /// <summary>
    /// Writes every finding of every devset photo, one line each (file, rule, outcome, value with all digits), so two
    /// builds can be diffed: <c>devset-profile 0 dump=PATH</c> (image rules, no face engine) and
    /// <c>devset-profile 0 dump-face=PATH</c> (every rule with the product's face engine).
    /// </summary>
    private static void DumpFindings(PhotoChecker checker, PhotoCheckInputs inputs, string path)
    {
        using var writer = new StreamWriter(path);
        foreach ((string name, byte[] bytes) in inputs.Photos)
        {
            SocialCard.Photos.PhotoReport report = checker.Check(bytes, name, inputs.Profile);
            foreach (SocialCard.Photos.Rules.RuleFinding finding in report.Findings)
            {
                writer.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{name}\t{finding.Rule}\t{finding.Outcome}\t{finding.Number:R}\t{finding.Text}"));
            }
        }

        Console.WriteLine($"{inputs.Photos.Count} photos' findings written to {path}");
    }

    private static void Print(string label, string clock, double[] perPhoto, bool[] standard)
    {
        double[] all = [.. perPhoto.Order()];
        double[] std = [.. perPhoto.Where((_, i) => standard[i]).Order()];
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{label,-24} {clock,-5} {Quantile(all, 0.5),8:0.000} {Quantile(all, 0.9),8:0.000} {Quantile(all, 0.95),8:0.000} {all[^1],8:0.000} {Quantile(std, 0.5),15:0.000} {all.Average(),8:0.000}"));
    }

    private static double Median(double[] values)
    {
        double[] sorted = [.. values.Order()];
        return sorted[sorted.Length / 2];
    }

    private static bool IsStandardSize(byte[] bytes)
    {
        ContainerInfo info = ContainerInspector.Inspect(bytes);
        return info.Width == 358 && info.Height == 441;
    }

    private static double Quantile(double[] sorted, double q) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Floor((q * (sorted.Length - 1)) + 0.5))];
}
