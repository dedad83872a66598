using System.Diagnostics;
using System.Globalization;
using SocialCard.Benchmarks.Imaging;
using SocialCard.Faces;
using SocialCard.Imaging;
using SocialCard.Photos;
using SocialCard.Photos.Faces;

namespace SocialCard.Benchmarks.Faces;

/// <summary>
/// Where the time of the photos the probe rejects goes: each devset photo is put in a group (the 160 probe keeps its
/// face; the probe rejects it and the 352 detector finds a face; no size finds one), and per group the thread CPU time
/// (one core, median of the rounds per photo, then mean over the group) of the probe, of each cascade detector with and
/// without its landmark and expression nets, and of the whole check with the default engine.
/// Run: <c>dotnet run -c Release --project bench/SocialCard.Benchmarks -- probe-rejects [rounds]</c>.
/// </summary>
internal static class ProbeRejectProfile
{
    public static void Run(string[] args)
    {
        int rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
        {
            Process.GetCurrentProcess().ProcessorAffinity = 1;
        }

        PhotoCheckInputs inputs = PhotoCheckInputs.Load();
        FaceModels models = FaceModels.Load(FaceBenchInputs.ModelsDirectory());
        var gate = new SingleFaceGate();
        var probe = new FaceAnalyzer(models, new FaceAnalyzerOptions { InputSize = CheckerFaceDetector.DefaultProbeInputSize, ScoreThreshold = CheckerFaceDetector.DefaultScoreThreshold });
        FaceAnalyzer[] cascade = [.. CheckerFaceDetector.DefaultInputSizes.Select(s => new FaceAnalyzer(models, new FaceAnalyzerOptions { InputSize = s, ScoreThreshold = CheckerFaceDetector.DefaultScoreThreshold }))];
        var checker = new PhotoChecker(new CheckerFaceDetector(models));
        FaceAnalyzerWorkspace detectorOnly = cascade[0].Rent();
        var groups = new Dictionary<string, List<double[]>>(StringComparer.Ordinal);
        string[] columns = ["probe", "detect 352", "analyze 352", "cascade", "whole check"];
        foreach ((string name, byte[] bytes) in inputs.Photos)
        {
            using RgbImage image = ImageDecoder.Decode(bytes);
            string group = probe.AnalyzeSingle(image, gate) is { Faces.Count: > 0 }
                ? "probe keeps"
                : cascade[0].Analyze(image).Faces.Count > 0 ? "probe rejects, 352 finds" : "later size or no face";
            double[] times =
            [
                Time(rounds, () => probe.AnalyzeSingle(image, gate)),
                Time(rounds, () => cascade[0].Detect(detectorOnly, image, CheckerFaceDetector.DefaultScoreThreshold)),
                Time(rounds, () => cascade[0].Analyze(image)),
                Time(rounds, () => Cascade(cascade, image)),
                Time(rounds, () => checker.Check(bytes, name, inputs.Profile)),
            ];
            if (!groups.TryGetValue(group, out List<double[]>? list))
            {
                groups[group] = list = [];
            }

            list.Add(times);
        }

        Console.WriteLine($"thread CPU ms per photo (mean over the group of each photo's median of {rounds}), one core, {DateTime.UtcNow:yyyy-MM-dd HH:mm}Z");
        Console.WriteLine($"{"group",-28} {"photos",6} " + string.Join(' ', columns.Select(c => $"{c,12}")));
        foreach ((string group, List<double[]> list) in groups.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            string values = string.Join(' ', Enumerable.Range(0, columns.Length).Select(i => list.Average(t => t[i]).ToString("0.000", CultureInfo.InvariantCulture).PadLeft(12)));
            Console.WriteLine($"{group,-28} {list.Count,6} {values}");
        }
    }

    private static FaceAnalysis Cascade(FaceAnalyzer[] cascade, RgbImage image)
    {
        FaceAnalysis analysis = cascade[0].Analyze(image);
        for (int i = 1; i < cascade.Length && analysis.Faces.Count == 0; i++)
        {
            analysis = cascade[i].Analyze(image);
        }

        return analysis;
    }

    private static double Time(int rounds, Action action)
    {
        action();
        var runs = new double[rounds];
        for (int r = 0; r < rounds; r++)
        {
            double c0 = ThreadCpuClock.NowMilliseconds();
            action();
            runs[r] = ThreadCpuClock.NowMilliseconds() - c0;
        }

        Array.Sort(runs);
        return runs[rounds / 2];
    }
}
