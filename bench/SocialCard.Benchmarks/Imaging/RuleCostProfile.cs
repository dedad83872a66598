using System.Diagnostics;
using System.Globalization;
using SocialCard.Benchmarks.Faces;
using SocialCard.Faces;
using SocialCard.Imaging;
using SocialCard.Imaging.Inspection;
using SocialCard.Photos.Analysis;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Rules;

namespace SocialCard.Benchmarks.Imaging;

/// <summary>
/// Where a whole check spends its time, one core: on every 358x441 devset photo, the steps of
/// <see cref="SocialCard.Photos.PhotoChecker"/> are timed one after another -- inspection, decode, face analysis
/// (optional), then each rule in report order. Analyses the context computes lazily and shares (luma plane,
/// background model, spectrum, ...) are charged to the first rule that needs them, so each figure is that rule's
/// incremental cost in a real check. Per step: median over photos of the per-photo median of <c>rounds</c> runs, in
/// thread CPU time (<see cref="ThreadCpuClock"/>; wall time where unavailable), and bytes allocated. The face engine
/// is the product's default face engine (<see cref="CheckerFaceDetector(FaceModels)"/>: the 160 probe, else the cascade), with the installed segmentation network. Run: <c>dotnet run -c Release --project bench/SocialCard.Benchmarks -- rule-profile [rounds] [face]</c>.
/// </summary>
internal static class RuleCostProfile
{
    public static void Run(string[] args)
    {
        int rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        bool withFace = args.Length > 2 && args[2] == "face";
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
        {
            Process.GetCurrentProcess().ProcessorAffinity = 1;
        }

        PhotoCheckInputs inputs = PhotoCheckInputs.Load();
        IFaceDetector? detector = withFace ? new CheckerFaceDetector(FaceModels.Load(FaceBenchInputs.ModelsDirectory())) : null;

        // With the face engine the check also has the segmentation network, as the product's check does: the rules
        // that read the person mask (the cut-out rule, shoulders.level) are charged for its passes.
        SelfieSegmenter? segmenter = withFace ? InstalledSegmenter.Value ?? throw new InvalidOperationException("models/selfie is not installed: run scripts/setup.d/25-selfie-model.sh") : null;
        IReadOnlyList<IPhotoRule> rules = new SocialCard.Photos.PhotoChecker(detector).Rules;
        string[] steps = ["inspect", "decode", .. (withFace ? new[] { "face analysis" } : []), .. rules.Select(r => r.Id)];
        var photos = inputs.Photos.Where(p => IsStandard(p.Bytes)).ToList();
        var perPhoto = new double[steps.Length][];
        var allocated = new long[steps.Length];
        for (int s = 0; s < steps.Length; s++)
        {
            perPhoto[s] = new double[photos.Count];
        }

        var times = new double[steps.Length, rounds];
        for (int i = 0; i < photos.Count; i++)
        {
            (string name, byte[] bytes) = photos[i];
            for (int r = -1; r < rounds; r++)
            {
                var t = new double[steps.Length];
                var a = new long[steps.Length];
                int s = 0;
                Step(ref s, t, a, () => ContainerInspector.Inspect(bytes));
                Step(ref s, t, a, () => ImageDecoder.Decode(bytes).Dispose());
                double t0 = Now();
                long a0 = GC.GetAllocatedBytesForCurrentThread();
                using PhotoContext context = PhotoContext.Create(bytes, name, inputs.Profile, detector, segmenter: segmenter);
                if (withFace)
                {
                    // PhotoContext.Create = inspect + decode + face: charge the rest to the face step.
                    t[s] = Math.Max(0, Now() - t0 - t[0] - t[1]);
                    a[s] = GC.GetAllocatedBytesForCurrentThread() - a0;
                    s++;
                }

                foreach (IPhotoRule rule in rules)
                {
                    Step(ref s, t, a, () => rule.Evaluate(context, inputs.Profile));
                }

                if (r < 0)
                {
                    continue; // warm-up
                }

                for (int k = 0; k < steps.Length; k++)
                {
                    times[k, r] = t[k];
                    if (i == 0 && r == 0)
                    {
                        allocated[k] = a[k];
                    }
                }
            }

            for (int k = 0; k < steps.Length; k++)
            {
                var row = new double[rounds];
                for (int r = 0; r < rounds; r++)
                {
                    row[r] = times[k, r];
                }

                Array.Sort(row);
                perPhoto[k][i] = row[rounds / 2];
            }
        }

        Console.WriteLine($"{photos.Count} devset photos of 358x441, profile {inputs.Profile.Id}, {rounds} rounds, one core, {(ThreadCpuClock.IsAvailable ? "thread CPU" : "wall")} ms{(withFace ? ", default face engine" : "")}");
        Console.WriteLine($"{"step",-22} {"median",10} {"mean",9} {"alloc B (1st photo)",20}");
        double total = 0;
        for (int k = 0; k < steps.Length; k++)
        {
            double[] v = [.. perPhoto[k].Order()];
            total += v.Average();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{steps[k],-22} {v[v.Length / 2],10:0.000} {v.Average(),9:0.000} {allocated[k],20}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"sum of means",-22} {"",10} {total,9:0.000}"));
    }

    private static void Step(ref int s, double[] t, long[] a, Action action)
    {
        long a0 = GC.GetAllocatedBytesForCurrentThread();
        double t0 = Now();
        action();
        t[s] = Now() - t0;
        a[s] = GC.GetAllocatedBytesForCurrentThread() - a0;
        s++;
    }

    private static double Now() =>
        ThreadCpuClock.IsAvailable ? ThreadCpuClock.NowMilliseconds() : Stopwatch.GetTimestamp() * 1e3 / Stopwatch.Frequency;

    private static bool IsStandard(byte[] bytes)
    {
        ContainerInfo info = ContainerInspector.Inspect(bytes);
        return info.Width == 358 && info.Height == 441;
    }
}
