using System.Globalization;
using SocialCard.Benchmarks.Imaging;
using SocialCard.Faces;
using SocialCard.Faces.Kernels;
using SocialCard.Imaging.Inspection;
using SocialCard.Photos.Analysis;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Rules;

namespace SocialCard.Benchmarks.Faces;

/// <summary>
/// Kernel paths against the ones they replaced in the whole check, interleaved in one process: on every 358x441 devset
/// photo the check as the product runs it (decode, the default face engine, the installed segmentation network, every
/// rule), once with the named switches off ("before") and once on ("after"), alternating which goes first photo by
/// photo, thread CPU, one core; per round the mean per photo of each and the after/before ratio. Both give the same
/// findings (every switch is checked bit for bit), so only the time differs. Run:
/// <c>DOTNET_TieredCompilation=0 dotnet run -c Release --project bench/SocialCard.Benchmarks -- check-ab SWITCH[,SWITCH...] [rounds=3]</c>
/// (switches: <see cref="KernelPaths.Names"/>, or <c>all</c>).
/// </summary>
internal static class CheckAb
{
    public static void Run(string[] args)
    {
        string names = args.Length > 1 ? args[1] : "all";
        int rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        Action<bool>[] switches = [.. names.Split(',').Select(KernelPaths.Switch)];
        if (OperatingSystem.IsLinux())
        {
            System.Diagnostics.Process.GetCurrentProcess().ProcessorAffinity = 1;
        }

        PhotoCheckInputs inputs = PhotoCheckInputs.Load();
        var detector = new CheckerFaceDetector(FaceModels.Load(FaceBenchInputs.ModelsDirectory()));
        SelfieSegmenter segmenter = InstalledSegmenter.Value
            ?? throw new InvalidOperationException("models/selfie is not installed: run scripts/setup.d/25-selfie-model.sh");
        IReadOnlyList<IPhotoRule> rules = new SocialCard.Photos.PhotoChecker(detector).Rules;
        var photos = inputs.Photos.Where(p => ContainerInspector.Inspect(p.Bytes) is { Width: 358, Height: 441 }).ToList();
        void Check((string Name, byte[] Bytes) photo)
        {
            using PhotoContext context = PhotoContext.Create(photo.Bytes, photo.Name, inputs.Profile, detector, segmenter: segmenter);
            foreach (IPhotoRule rule in rules)
            {
                rule.Evaluate(context, inputs.Profile);
            }
        }

        double Time(bool on, (string Name, byte[] Bytes) photo)
        {
            foreach (Action<bool> set in switches)
            {
                set(on);
            }

            double t0 = ThreadCpuClock.NowMilliseconds();
            Check(photo);
            return ThreadCpuClock.NowMilliseconds() - t0;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"check-ab {names}, {photos.Count} photos, {rounds} rounds, thread CPU ms per photo (mean), {DateTime.UtcNow:HH:mm}Z, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        Console.WriteLine($"{"round",-6} {"before",8} {"after",8} {"ratio",6}");
        for (int round = 0; round <= rounds; round++)
        {
            double before = 0, after = 0;
            for (int i = 0; i < photos.Count; i++)
            {
                bool afterFirst = (i + round) % 2 == 0;
                double first = Time(afterFirst, photos[i]);
                double second = Time(!afterFirst, photos[i]);
                after += afterFirst ? first : second;
                before += afterFirst ? second : first;
            }

            if (round > 0)
            {
                // Round 0 warms up every path.
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{round,-6} {before / photos.Count,8:0.000} {after / photos.Count,8:0.000} {after / before,6:0.000}"));
            }
        }

        foreach (Action<bool> set in switches)
        {
            set(true);
        }
    }
}
