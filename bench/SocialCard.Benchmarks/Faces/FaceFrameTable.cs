using System.Globalization;
using SocialCard.Faces;
using SocialCard.Benchmarks.Imaging;
using SocialCard.Imaging;

namespace SocialCard.Benchmarks.Faces;

/// <summary>
/// The face frame's stability on the devset: the 68 landmarks found from the probe's (160) and the cascade's (352)
/// detector box, with 0, 1 and 2 refinement passes (<see cref="LandmarkFrame"/>): the median and 90th percentile of the
/// mean point distance between the two (px), and of the "happy" probability's difference; plus the detector boxes
/// relative to the landmark extent; the probe's thread CPU per photo for each number of passes, interleaved photo by photo
/// in one process (a shared machine: compare the rows, not the absolute figures). Run: <c>-- face-frame</c>.
/// </summary>
internal static class FaceFrameTable
{
    public static void Run(string[] args)
    {
        FaceModels models = FaceModels.Load(FaceBenchInputs.ModelsDirectory());
        int[] passes = [0, 1, 2];
        var probe = passes.Select(r => new FaceAnalyzer(models, new FaceAnalyzerOptions { InputSize = 160, ScoreThreshold = 0.45, FrameRefinements = r })).ToArray();
        var cascade = passes.Select(r => new FaceAnalyzer(models, new FaceAnalyzerOptions { InputSize = 352, ScoreThreshold = 0.45, FrameRefinements = r })).ToArray();
        var gate = new SingleFaceGate();
        var dist = passes.Select(_ => new List<double>()).ToArray();
        var happy = passes.Select(_ => new List<double>()).ToArray();
        var boxScale = new List<double>();
        var boxShift = new List<double>();
        var cpu = passes.Select(_ => new List<double>()).ToArray();
        foreach (string file in Directory.EnumerateFiles(FaceBenchInputs.DevsetImages, "*.jpg").Order(StringComparer.Ordinal))
        {
            RgbImage image;
            try
            {
                image = ImageDecoder.Decode(File.ReadAllBytes(file));
            }
            catch (InvalidImageContentException)
            {
                continue;
            }

            using (image)
            {
                for (int r = 0; r < passes.Length; r++)
                {
                    double start = ThreadCpuClock.NowMilliseconds();
                    FaceAnalysis? a = probe[r].AnalyzeSingle(image, gate);
                    cpu[r].Add(ThreadCpuClock.NowMilliseconds() - start);
                    FaceAnalysis b = cascade[r].Analyze(image);
                    if (a is null || a.Faces.Count != 1 || b.Faces.Count != 1)
                    {
                        continue;
                    }

                    DetectedFace fa = a.Faces[0], fb = b.Faces[0];
                    double sum = 0;
                    for (int i = 0; i < DetectedFace.LandmarkCount; i++)
                    {
                        double dx = fa.Landmarks[i].X - fb.Landmarks[i].X, dy = fa.Landmarks[i].Y - fb.Landmarks[i].Y;
                        sum += Math.Sqrt((dx * dx) + (dy * dy));
                    }

                    dist[r].Add(sum / DetectedFace.LandmarkCount);
                    happy[r].Add(Math.Abs(fa.Expressions.Probabilities[1] - fb.Expressions.Probabilities[1]));
                    if (r == 0)
                    {
                        foreach (DetectedFace f in new[] { fa, fb })
                        {
                            double minX = f.Landmarks.Min(p => p.X), maxX = f.Landmarks.Max(p => p.X);
                            double minY = f.Landmarks.Min(p => p.Y), maxY = f.Landmarks.Max(p => p.Y);
                            double side = Math.Max(maxX - minX, maxY - minY);
                            boxScale.Add(Math.Sqrt(f.Box.Width * f.Box.Height) / side);
                            boxShift.Add((f.Box.CenterY - ((minY + maxY) / 2)) / (maxY - minY));
                        }
                    }
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"detector box / extent: scale median {Q(boxScale, 0.5):0.###} (p10 {Q(boxScale, 0.1):0.###}, p90 {Q(boxScale, 0.9):0.###}), centre shift median {Q(boxShift, 0.5):0.###}"));
        Console.WriteLine("| passes | faces | landmark distance probe-cascade median / p90 / max (px) | happy difference median / p90 / max | probe's thread CPU per photo, median (ms) |");
        Console.WriteLine("|---|---|---|---|---|");
        for (int r = 0; r < passes.Length; r++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {passes[r]} | {dist[r].Count} | {Q(dist[r], 0.5):0.00} / {Q(dist[r], 0.9):0.00} / {Q(dist[r], 1):0.00} | {Q(happy[r], 0.5):0.000} / {Q(happy[r], 0.9):0.000} / {Q(happy[r], 1):0.000} | {Q(cpu[r], 0.5):0.00} |"));
        }
    }

    private static double Q(List<double> values, double q)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
