using System.Globalization;
using SocialCard.Benchmarks.Imaging;
using SocialCard.Faces;
using SocialCard.Imaging;
using SocialCard.Photos.Analysis;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Fixes;
using SocialCard.Photos.Profiles;
using SocialCard.Photos.Rules.Clothing;

namespace SocialCard.Benchmarks.Faces;

/// <summary>
/// What judging the top on the original adds to the fix's subject step: on every devset original whose steps before
/// <c>fix.subject</c> pass, the step as it was (its rules on the crop; the profile without clothing.light) and the added
/// work (a context over a copy of the original, the clothing measure within the person mask, the rule) are timed
/// interleaved photo by photo (so a busy machine disturbs both alike), in thread CPU time (<see cref="ThreadCpuClock"/>).
/// Prints the median per photo of each, and the whole fix's median for scale. Run: <c>dotnet run -c Release --project bench/SocialCard.Benchmarks -- fix-clothing-cost [rounds]</c>.
/// </summary>
internal static class FixClothingCost
{
    private static readonly LightClothingRule s_rule = new();

    public static void Run(string[] args)
    {
        int rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var detector = new CheckerFaceDetector(FaceModels.Load(FaceBenchInputs.ModelsDirectory()));
        var fixer = new PhotoFixer(detector);
        SpecProfile shipped = SpecProfiles.Get(SpecProfiles.Suzhou);
        SpecProfile noClothing = new()
        {
            Id = shipped.Id,
            Name = shipped.Name,
            BasedOn = shipped.BasedOn,
            Image = shipped.Image,
            File = shipped.File,
            Geometry = shipped.Geometry,
            Rules = shipped.Rules.Where(kv => kv.Key != "clothing.light").ToDictionary(kv => kv.Key, kv => kv.Value),
        };
        IFixStep subject = fixer.Steps.Single(s => s.Id == "fix.subject");
        var added = new List<double>();
        var before = new List<double>();
        var whole = new List<double>();
        foreach (string file in Directory.GetFiles(BenchPaths.DevsetOriginals, "*.jpg").Order(StringComparer.Ordinal))
        {
            byte[] data = File.ReadAllBytes(file);
            double w0 = ThreadCpuClock.NowMilliseconds();
            fixer.Fix(data, Path.GetFileName(file), noClothing);
            whole.Add(ThreadCpuClock.NowMilliseconds() - w0);
            using FixContext? ctx = Before(fixer, data, file, noClothing, subject.Id);
            if (ctx is null)
            {
                continue;
            }

            var a = new List<double>();
            var b = new List<double>();
            for (int r = -1; r < rounds; r++)
            {
                double t0 = ThreadCpuClock.NowMilliseconds();
                subject.Apply(ctx);
                double t1 = ThreadCpuClock.NowMilliseconds();
                var copy = new RgbImage(ctx.Source!.Width, ctx.Source.Height);
                ctx.Source.Pixels.CopyTo(copy.Pixels);
                using (PhotoContext original = PhotoContext.ForImage(copy, "x.jpg", shipped, ctx.Face!, (255, 255, 255), ctx.PersonProbability))
                {
                    s_rule.Evaluate(original, shipped);
                }

                double t2 = ThreadCpuClock.NowMilliseconds();
                if (r >= 0)
                {
                    b.Add(t1 - t0);
                    a.Add(t2 - t1);
                }
            }

            added.Add(Median(a));
            before.Add(Median(b));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fix.subject on {added.Count} originals, thread CPU per photo (median of {rounds} rounds, interleaved): the step's rules on the crop {Median(before):F2} ms, the top judged on the original {Median(added):F2} ms (p90 {Quantile(added, 0.9):F2}); whole fix median {Median(whole):F1} ms"));
    }

    private static FixContext? Before(PhotoFixer fixer, byte[] data, string file, SpecProfile profile, string stepId)
    {
        var ctx = new FixContext(data, Path.GetFileName(file), profile, FixOptions.Default, null);
        foreach (IFixStep step in fixer.Steps)
        {
            if (step.Id == stepId)
            {
                return ctx;
            }

            if (step.Apply(ctx).Outcome == FixStepOutcome.Failed)
            {
                ctx.Dispose();
                return null;
            }
        }

        ctx.Dispose();
        return null;
    }

    private static double Median(List<double> values) => Quantile(values, 0.5);

    private static double Quantile(List<double> values, double q)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Round(q * (sorted.Count - 1)))];
    }
}
