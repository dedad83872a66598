using System.Globalization;
using SocialCard.Benchmarks.Faces;
using SocialCard.Faces;
using SocialCard.Imaging.Inspection;
using SocialCard.Imaging.Processing.Color;
using SocialCard.Photos.Analysis;
using SocialCard.Photos.Faces;

namespace SocialCard.Benchmarks.Imaging;

/// <summary>
/// A measure's vector path against its scalar reference, interleaved in one process: on every 358x441 devset photo
/// (the face, background, skin and coarse person mask found once beforehand, with the default face engine), the measure once with the
/// pixel kernels' vector paths off ("before": <see cref="LabKernel.LinearToLabDoubleScalar"/>,
/// <see cref="ChannelDifferenceKernel.ExceedsReference"/>) and once on ("after"), alternating which goes first, thread
/// CPU, one core; per round the sum over the photos of each path and the after/before ratio. Both paths give the same
/// values (the kernel tests assert it). Run:
/// <c>DOTNET_TieredCompilation=0 dotnet run -c Release --project bench/SocialCard.Benchmarks -- measure-ab [rounds=5]</c>.
/// Measures: <c>clothing</c> (<see cref="ClothingMeasure"/>), <c>shoulders</c> (<see cref="ShoulderLine.FromPerson"/> on the
/// coarse person mask; "before" reads the mask's columns value by value, <see cref="PersonMaskLine.UseGridCache"/>).
/// <c>measure-ab ROUNDS scan</c>: only the column scans' vector path against their grid cache read one value at a time
/// (<see cref="PersonMaskLine.UseVectors"/>), every other path on.
/// </summary>
internal static class MeasureAb
{
    private static bool s_scanOnly;

    public static void Run(string[] args)
    {
        int rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        s_scanOnly = args.Length > 2 && args[2] == "scan";
        if (OperatingSystem.IsLinux())
        {
            System.Diagnostics.Process.GetCurrentProcess().ProcessorAffinity = 1;
        }

        PhotoCheckInputs inputs = PhotoCheckInputs.Load();
        var detector = new CheckerFaceDetector(FaceModels.Load(FaceBenchInputs.ModelsDirectory()));
        SelfieSegmenter segmenter = InstalledSegmenter.Value ?? throw new InvalidOperationException("models/selfie is not installed: run scripts/setup.d/25-selfie-model.sh");
        var contexts = new List<PhotoContext>();
        foreach ((string name, byte[] bytes) in inputs.Photos)
        {
            ContainerInfo info = ContainerInspector.Inspect(bytes);
            if (info.Width != 358 || info.Height != 441)
            {
                continue;
            }

            PhotoContext context = PhotoContext.Create(bytes, name, inputs.Profile, detector, segmenter: segmenter);
            if (context.PrimaryFace is null)
            {
                context.Dispose();
                continue;
            }

            _ = context.Background;
            _ = context.SkinStats;
            _ = context.CoarsePerson;
            contexts.Add(context);
        }

        (string Name, Action<PhotoContext> Measure)[] cases =
        [
            ("clothing", c => ClothingMeasure.Measure(c.Image!, c.Background.Rgb, c.PrimaryFace!, c.SkinStats.MeanLab)),
            ("shoulders", c => ShoulderLine.FromPerson(c.CoarsePerson!, c.PrimaryFace!)),
        ];

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"measure-ab, {contexts.Count} photos with a face, {rounds} rounds, thread CPU ms per photo (mean), {DateTime.UtcNow:HH:mm}Z, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        Console.WriteLine($"{"round",-6} {"measure",-10} {"before",8} {"after",8} {"ratio",6}");
        foreach ((string caseName, Action<PhotoContext> measure) in cases)
        {
            for (int round = 0; round <= rounds; round++)
            {
                double before = 0, after = 0;
                for (int i = 0; i < contexts.Count; i++)
                {
                    bool afterFirst = (i + round) % 2 == 0;
                    double first = Time(afterFirst, measure, contexts[i]);
                    double second = Time(!afterFirst, measure, contexts[i]);
                    after += afterFirst ? first : second;
                    before += afterFirst ? second : first;
                }

                if (round > 0)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{round,-6} {caseName,-10} {before / contexts.Count,8:0.0000} {after / contexts.Count,8:0.0000} {after / before,6:0.000}"));
                }
            }
        }

        Set(true);
        foreach (PhotoContext context in contexts)
        {
            context.Dispose();
        }
    }

    private static double Time(bool vectors, Action<PhotoContext> measure, PhotoContext context)
    {
        Set(vectors);
        double t0 = ThreadCpuClock.NowMilliseconds();
        measure(context);
        return ThreadCpuClock.NowMilliseconds() - t0;
    }

    private static void Set(bool vectors)
    {
        PersonMaskLine.UseVectors = vectors || !s_scanOnly;
        vectors |= s_scanOnly;
        LabKernel.UseVectors = vectors;
        ChannelDifferenceKernel.UseVectors = vectors;
        PersonMaskLine.UseGridCache = vectors;
    }
}
