using System.Globalization;
using SocialCard.Benchmarks.Imaging;
using SocialCard.Faces;
using SocialCard.Photos.Analysis;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Rules.Background;

namespace SocialCard.Benchmarks.Faces;

/// <summary>
/// The cut-out measure on the coarse mask against the 256 mask, every devset photo with a face: the largest difference
/// of each reading (the two gates and the four measures, over the photos where both passes measure) and how many photos
/// the coarse pass decides under the national profile's limits (<see cref="CutOutCascade"/>). Run:
/// <c>dotnet run -c Release --project bench/SocialCard.Benchmarks -- cutout-cascade [dump=PATH]</c> (the dump holds both
/// readings of every photo with all digits).
/// </summary>
internal static class CutOutCascadeTable
{
    public static void Run(string[] args)
    {
        PhotoCheckInputs inputs = PhotoCheckInputs.Load();
        string? dump = args.Skip(1).FirstOrDefault(a => a.StartsWith("dump=", StringComparison.Ordinal))?["dump=".Length..];
        var detector = new CheckerFaceDetector(FaceModels.Load(FaceBenchInputs.ModelsDirectory()));
        var segmenter = new SelfieSegmenter(SelfieSegmentationModel.Load(SelfieStages.ModelsDirectory()));
        CutOutLimits limits = CutOutLimits.From(inputs.Profile.Rule("background.cutout")) ?? throw new InvalidOperationException("The profile has no cut-out limits.");
        double[] up = new double[6], down = new double[6], cpu = new double[4];
        int photos = 0, measured = 0, decided = 0, gateFlips = 0, verdictsDiffer = 0;
        var lines = new List<string>();
        foreach ((string name, byte[] bytes) in inputs.Photos)
        {
            using PhotoContext context = PhotoContext.Create(bytes, name, inputs.Profile, detector);
            if (context.Image is not { } image || context.PrimaryFace is not { HasLandmarks: true } face)
            {
                continue;
            }

            photos++;
            double t0 = ThreadCpuClock.NowMilliseconds();
            PersonMask coarseMask = segmenter.SegmentCoarse(image);
            double t1 = ThreadCpuClock.NowMilliseconds();
            CutOutReading coarse = CutOutMeasure.Read(image, coarseMask, face);
            double t2 = ThreadCpuClock.NowMilliseconds();
            PersonMask fineMask = segmenter.Segment(image);
            double t3 = ThreadCpuClock.NowMilliseconds();
            CutOutReading fine = CutOutMeasure.Read(image, fineMask, face);
            double t4 = ThreadCpuClock.NowMilliseconds();
            if (photos > 1)
            {
                cpu[0] += t1 - t0;
                cpu[1] += t2 - t1;
                cpu[2] += t3 - t2;
                cpu[3] += t4 - t3;
            }

            gateFlips += (fine.Measure is null) != (coarse.Measure is null) ? 1 : 0;
            Track(up, down, 0, coarse.BackgroundLevel, fine.BackgroundLevel);
            Track(up, down, 1, coarse.PersonAtFace, fine.PersonAtFace);
            if (fine.Measure is { } f && coarse.Measure is { } c)
            {
                measured++;
                Track(up, down, 2, c.RemnantShare, f.RemnantShare);
                Track(up, down, 3, c.HaloShare, f.HaloShare);
                Track(up, down, 4, c.SkullCut, f.SkullCut);
                Track(up, down, 5, c.Jaggedness, f.Jaggedness);
            }

            bool byCoarse = CutOutCascade.Decides(coarse, limits);
            decided += byCoarse ? 1 : 0;
            verdictsDiffer += byCoarse && CutOutCascade.Verdict(coarse.Measure, limits) != CutOutCascade.Verdict(fine.Measure, limits) ? 1 : 0;
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{name}\t{Text(fine)}\t{Text(coarse)}\t{CutOutCascade.Decides(coarse, limits)}"));
        }

        if (dump is not null)
        {
            File.WriteAllLines(dump, lines);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cut-out cascade ({SelfieSegmentationModel.CoarseInputSize} then 256), {photos} devset photos with a face, {measured} measured by both passes, {gateFlips} measured by one pass only"));
        string[] names = ["background level", "person at face", "remnant", "halo", "skull cut", "jaggedness"];
        Console.WriteLine("largest difference, 256 reading above / below the coarse one: " + string.Join(", ",
            names.Select((n, i) => string.Create(CultureInfo.InvariantCulture, $"{n} {up[i]:0.0000} / {down[i]:0.0000}"))));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"thread CPU ms per photo (one run each, the first photo left out): coarse mask {cpu[0] / (photos - 1):0.00}, measure on it {cpu[1] / (photos - 1):0.00}, 256 mask {cpu[2] / (photos - 1):0.00}, measure on it {cpu[3] / (photos - 1):0.00}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"decided by the coarse pass: {decided} of {photos} ({100.0 * decided / Math.Max(1, photos):0.0} %), with another verdict than the 256 pass: {verdictsDiffer}"));
    }

    private static void Track(double[] up, double[] down, int i, double coarse, double fine)
    {
        up[i] = Math.Max(up[i], fine - coarse);
        down[i] = Math.Max(down[i], coarse - fine);
    }

    private static string Text(CutOutReading r) => r.Measure is { } m
        ? string.Create(CultureInfo.InvariantCulture, $"{r.BackgroundLevel}\t{r.PersonAtFace:R}\t{m.RemnantShare:R}\t{m.HaloShare:R}\t{m.SkullCut:R}\t{m.Jaggedness:R}")
        : string.Create(CultureInfo.InvariantCulture, $"{r.BackgroundLevel}\t{r.PersonAtFace:R}\tnull\t\t\t");
}
