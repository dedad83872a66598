using System.Diagnostics;
using System.Globalization;
using SocialCard.Benchmarks.Imaging;
using SocialCard.Faces;
using SocialCard.Faces.Kernels;
using SocialCard.Faces.Models.SelfieSegmentation;
using SocialCard.Imaging;
using SocialCard.Photos;
using SocialCard.Photos.Analysis;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Rules;

namespace SocialCard.Benchmarks.Faces;

/// <summary>
/// Where the cut-out rule's time goes, per devset photo with a face (thread CPU, one core, each part the median of the
/// rounds, parts interleaved photo by photo): the segmentation network's input (pad + resize to 256), its forward
/// pass, the mask's upsampling to the photo (and by its scalar reference: the A/B of the row interpolation), <see cref="CutOutMeasure.Measure"/> as a whole on the 256 mask and on the
/// coarse mask the rule reads first (<see cref="SelfieSegmentationModel.CoarseInputSize"/>), and the whole check with
/// and without the rule (the difference is what a user pays for it). Photos are grouped by whether the measure ran
/// (white background, the network sees the face) or returned null. Per kind of network step see
/// <see cref="SelfieStages"/>. Run: <c>dotnet run -c Release --project bench/SocialCard.Benchmarks -- cutout-profile [rounds]</c>;
/// <c>-- cutout-profile dump=PATH</c> writes the four measures of every photo with all digits instead (to diff builds).
/// </summary>
internal static class CutOutProfile
{
    public static void Run(string[] args)
    {
        int rounds = args.Length > 1 && !args[1].StartsWith("dump=", StringComparison.Ordinal) ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        if (OperatingSystem.IsLinux())
        {
            Process.GetCurrentProcess().ProcessorAffinity = 1;
        }

        PhotoCheckInputs inputs = PhotoCheckInputs.Load();
        string? dump = args.Skip(1).FirstOrDefault(a => a.StartsWith("dump=", StringComparison.Ordinal))?["dump=".Length..];
        var detector = new CheckerFaceDetector(FaceModels.Load(FaceBenchInputs.ModelsDirectory()));
        SelfieSegmentationModel model = SelfieSegmentationModel.Load(SelfieStages.ModelsDirectory());
        var segmenter = new SelfieSegmenter(model);
        SelfieWorkspace ws = segmenter.Rent();
        SelfieGraph graph = model.Graph;
        var with = new PhotoChecker(PhotoRules.All, detector, segmenter: segmenter);
        var without = new PhotoChecker(PhotoRules.All.Where(r => r.Id != "background.cutout"), detector, segmenter: segmenter);
        string[] columns = ["input 256", "network", "upsample", "upsample ref", "measure", "measure 160", "check", "check -rule", "rule cost"];
        var groups = new Dictionary<string, List<double[]>>(StringComparer.Ordinal);
        foreach ((string name, byte[] bytes) in inputs.Photos)
        {
            using PhotoContext context = PhotoContext.Create(bytes, name, inputs.Profile, detector, segmenter: segmenter);
            if (context.Image is not { } image || context.PrimaryFace is not { HasLandmarks: true } face || context.Person is not { } mask
                || context.CoarsePerson is not { } coarse)
            {
                continue;
            }

            CutOutMeasure? measured = CutOutMeasure.Measure(image, mask, face);
            if (dump is not null)
            {
                File.AppendAllText(dump, measured is null ? $"{name}\tnull\n" : string.Create(CultureInfo.InvariantCulture,
                    $"{name}\t{measured.RemnantShare:R}\t{measured.HaloShare:R}\t{measured.SkullCut:R}\t{measured.Jaggedness:R}\n"));
                continue;
            }

            string group = measured is null ? "measure null (not white / no person)" : "measured";
            var sink = new float[image.Width * image.Height];
            double check = Time(rounds, () => with.Check(bytes, name, inputs.Profile));
            double checkWithout = Time(rounds, () => without.Check(bytes, name, inputs.Profile));
            // The workspace's arrays are shared between values (a later value overwrites the input), so every pass
            // starts from a freshly prepared input: the network's column is the two together minus the input's.
            double input = Time(rounds, () => ImageInput.Prepare(image, 0, 0, image.Width, image.Height, center: true, SelfieGraph.InputSize, 0f, 0f, 0f, ws.Values[0]));
            double inputAndNetwork = Time(rounds, () =>
            {
                ImageInput.Prepare(image, 0, 0, image.Width, image.Height, center: true, SelfieGraph.InputSize, 0f, 0f, 0f, ws.Values[0]);
                SelfieSegmenter.Run(graph, ws);
            });
            double[] times =
            [
                input,
                inputAndNetwork - input,
                Time(rounds, () => Upsample(mask, image.Width, image.Height, sink)),
                Time(rounds, () => mask.Sample(sink.AsSpan(), reference: true)),
                Time(rounds, () => CutOutMeasure.Measure(image, mask, face)),
                Time(rounds, () => CutOutMeasure.Read(image, coarse, face)),
                check,
                checkWithout,
                check - checkWithout,
            ];
            if (!groups.TryGetValue(group, out List<double[]>? list))
            {
                groups[group] = list = [];
            }

            list.Add(times);
        }

        Console.WriteLine($"cut-out rule, thread CPU ms per photo (mean over the group of each photo's median of {rounds}), one core, {DateTime.UtcNow:yyyy-MM-dd HH:mm}Z, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        Console.WriteLine($"{"group",-38} {"photos",6} " + string.Join(' ', columns.Select(c => $"{c,11}")));
        foreach ((string group, List<double[]> list) in groups.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            string values = string.Join(' ', Enumerable.Range(0, columns.Length).Select(i => list.Average(t => t[i]).ToString("0.000", CultureInfo.InvariantCulture).PadLeft(11)));
            Console.WriteLine($"{group,-38} {list.Count,6} {values}");
        }
    }

    /// <summary>The mask's probability at every pixel of the photo.</summary>
    private static void Upsample(PersonMask mask, int w, int h, float[] into) => mask.Sample(into.AsSpan(0, w * h));

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
