using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using SocialCard.Benchmarks.Faces;
using SocialCard.Faces;
using SocialCard.Photos;
using SocialCard.Photos.Analysis;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Profiles;
using SocialCard.Photos.Rules;

namespace SocialCard.Benchmarks.Calibration;

/// <summary>
/// Calibration of the rule limits on the labelled devset (suzhou-sscard profile, default face engine and the installed
/// person-segmentation network, as the check runs them). Per measure: the
/// compliant and defect photos against the limit with the margins on both sides, the measure's repeatability (same
/// photo re-encoded, rescaled +-10%, re-detected with the cascade), how many photos sit inside that band of the limit,
/// and leave-one-person-out false rejections and recall. Then per rule: its outcomes on compliant and defect photos
/// under each variant (a rule that flips under a variant holds on luck). A limit whose margin on either side is smaller
/// than the repeatability is marked "guess".
/// Run: <c>dotnet run -c Release --project bench/SocialCard.Benchmarks -- calibrate [out.md]</c> (devset from
/// <c>../shared/photos/devset</c> above the repository root, or <c>$SOCIALCARD_DEVSET</c>).
/// </summary>
internal static class RuleCalibration
{
    private static readonly CalibrationMeasure[] s_measures =
    [
        CalibrationMeasure.FromFinding("color.grayscale", "minChroma", higherIsWorse: false),
        CalibrationMeasure.FromFinding("sharpness.blur", "minSharpness", higherIsWorse: false),
        CalibrationMeasure.FromFinding("sharpness.ghost", "maxEcho", higherIsWorse: true),
        new("exposure.under", "minFaceHighlight", false, (c, _) => c.HasPixels ? c.SkinStats.Percentile(0.99) : null),
        new("exposure.under", "minEyeWhite", false, (c, _) => c.EyeZones?.EyeWhite),
        CalibrationMeasure.FromFinding("exposure.over", "maxClippedShare", higherIsWorse: true),
        CalibrationMeasure.FromFinding("contrast.low", "minContrast", higherIsWorse: false),
        CalibrationMeasure.FromFinding("contrast.high", "maxClippedShare", higherIsWorse: true),
        new("lighting.uneven", "minBalance", false, (c, _) => c.HasPixels ? c.LightingBalance.Balance : null),
        new("lighting.uneven", "minSymmetricBalance", false, (c, _) =>
            c.Profile.Rule("lighting.uneven").TryGet("maxYawAlone", out double alone) && Math.Abs(c.PrimaryFace?.YawDegrees ?? 0) > alone ? null : c.SymmetricLighting?.Balance),
        CalibrationMeasure.FromFinding("pose.yaw", "maxDegrees", higherIsWorse: true, magnitude: true),
        CalibrationMeasure.FromFinding("pose.pitch", "maxDegrees", higherIsWorse: true, magnitude: true),
        CalibrationMeasure.FromFinding("pose.roll", "maxDegrees", higherIsWorse: true, magnitude: true),
        CalibrationMeasure.FromFinding("shoulders.level", "maxTiltDegrees", higherIsWorse: true, magnitude: true),
        CalibrationMeasure.FromFinding("eyes.closed", "minOpenness", higherIsWorse: false),
        new("mouth.open", "maxOpening", true, (c, _) => c.PrimaryFace?.MouthOpenness),
        new("mouth.open", "maxTeethShare", true, (c, _) => c.PrimaryFace is null ? null : c.TeethShare),
        new("expression.neutral", "maxHappy", true, (c, _) => c.PrimaryFace?.Expression("happy")),
        new("expression.neutral", "maxTeethShare", true, (c, _) => c.PrimaryFace is null ? null : c.TeethShare),
        new("expression.neutral", "maxSmileLipGap", true, (c, _) => c.PrimaryFace is not { } f ? null
            : c.Profile.Rule("expression.neutral").TryGet("minSmileHappy", out double smile) && f.Expression("happy") > smile ? f.LipGapOfWidth : 0),
        CalibrationMeasure.FromFinding("occlusion.eyes", "maxOccludedShare", higherIsWorse: true),
        new("clothing.light", "maxClothingLightness", true, (c, _) => c.PrimaryFace is null ? null : c.Clothing?.RelativeLightness),
        new("clothing.light", "maxWhiteLightness", true, (c, _) => c.PrimaryFace is null ? null : c.Clothing?.RelativeLightness),
    ];

    public static void Run(string[] args)
    {
        string devset = DevsetDirectory();
        SpecProfile profile = SpecProfiles.Get(SpecProfiles.Suzhou);
        FaceModels models = FaceModels.Load(FaceBenchInputs.ModelsDirectory());
        IFaceDetector probe = new CheckerFaceDetector(models);
        IFaceDetector cascade = CheckerFaceDetector.CascadeOnly(models);
        var checker = new PhotoChecker(PhotoRules.All, probe);

        var rows = File.ReadLines(Path.Combine(devset, "labels.tsv")).Skip(1).Select(l => l.Split('\t'))
            .Where(c => c[1] == "compliant" || profile.Rule(c[1]).Enabled && PhotoRules.All.Any(r => r.Id == c[1]) && !c[1].StartsWith("file.", StringComparison.Ordinal) && !c[1].StartsWith("image.", StringComparison.Ordinal))
            .ToList();
        var results = new ConcurrentBag<(CalibrationSample Sample, RuleOutcome[][] Outcomes)>();
        Parallel.ForEach(rows, new ParallelOptions { MaxDegreeOfParallelism = 2 }, cols =>
        {
            byte[] stored = File.ReadAllBytes(Path.Combine(devset, "images", cols[0]));
            var values = new double?[CalibrationVariants.Names.Length][];
            var outcomes = new RuleOutcome[CalibrationVariants.Names.Length][];
            for (int k = 0; k < values.Length; k++)
            {
                values[k] = new double?[s_measures.Length];
                outcomes[k] = [];
                if (CalibrationVariants.Bytes(stored, k) is not { } bytes)
                {
                    continue;
                }

                using PhotoContext context = PhotoContext.Create(bytes, cols[0], profile, k == CalibrationVariants.Cascade ? cascade : probe, null, InstalledSegmenter.Value);
                PhotoReport report = checker.Check(context, profile);
                outcomes[k] = [.. checker.Rules.Select(r => report.Findings.First(f => f.Rule == r.Id).Outcome)];
                for (int m = 0; m < s_measures.Length; m++)
                {
                    values[k][m] = context.HasPixels ? s_measures[m].Read(context, report) : null;
                }
            }

            HashSet<string> also = cols.Length > 6 ? [.. cols[6].Split(';', StringSplitOptions.RemoveEmptyEntries)] : [];
            results.Add((new CalibrationSample(cols[0], cols[1], also, cols[3], values), outcomes));
        });

        var samples = results.Select(r => r.Sample).ToList();
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Devset calibration, profile {profile.Id}, {samples.Count} photos, variants {string.Join(", ", CalibrationVariants.Names)}, {DateTime.UtcNow:yyyy-MM-dd HH:mm}Z");
        text.AppendLine();
        text.AppendLine("| measure | limit | compliant FR | defects caught | worst compliant (margin) | weakest defect (margin) | repeat p90 / max | in band C / D | LOPO FR | LOPO caught | |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        for (int m = 0; m < s_measures.Length; m++)
        {
            CalibrationMeasure measure = s_measures[m];
            if (!profile.Rule(measure.Rule).TryGet(measure.Threshold, out double limit))
            {
                continue;
            }

            MeasureCalibration c = MeasureCalibration.Compute(measure, m, limit, samples);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {measure.Name} | {F(limit)} | {c.FalseRejections}/{c.Compliant} | {c.Caught}/{c.Defects} | {F(c.WorstCompliant)} ({F(c.CompliantMargin)}) | {F(c.WeakestDefect)} ({F(c.DefectMargin)}) | {F(c.Repeatability)} / {F(c.RepeatabilityMax)} | {c.CompliantInBand} / {c.DefectsInBand} | {c.LopoFalseRejections}/{c.Compliant} | {c.LopoCaught}/{c.Defects} | {(c.IsGuess ? "guess" : "holds")} |");
        }

        text.AppendLine();
        text.AppendLine("Rule outcomes per variant: compliant photos failed (warned), defect photos failed (warned) of all.");
        text.AppendLine();
        text.AppendLine("| rule | " + string.Join(" | ", CalibrationVariants.Names) + " |");
        text.AppendLine("|---|" + string.Concat(CalibrationVariants.Names.Select(_ => "---|")));
        var list = results.ToList();
        for (int r = 0; r < checker.Rules.Count; r++)
        {
            string id = checker.Rules[r].Id;
            if (id.StartsWith("file.", StringComparison.Ordinal) || id.StartsWith("image.", StringComparison.Ordinal))
            {
                continue;
            }

            var cells = new List<string>();
            for (int k = 0; k < CalibrationVariants.Names.Length; k++)
            {
                int ri = r;
                int kk = k;
                var ok = list.Where(x => x.Sample.IsCompliant(id) && x.Outcomes[kk].Length > 0).ToList();
                var bad = list.Where(x => x.Sample.IsDefect(id) && x.Outcomes[kk].Length > 0).ToList();
                string okCell = string.Create(CultureInfo.InvariantCulture,
                    $"C {ok.Count(x => x.Outcomes[kk][ri] == RuleOutcome.Fail)} ({ok.Count(x => x.Outcomes[kk][ri] == RuleOutcome.Warn)})/{ok.Count}");
                string badCell = bad.Count == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture,
                    $", D {bad.Count(x => x.Outcomes[kk][ri] == RuleOutcome.Fail)} ({bad.Count(x => x.Outcomes[kk][ri] == RuleOutcome.Warn)})/{bad.Count}");
                cells.Add(okCell + badCell);
            }

            text.Append("| ").Append(id).Append(" | ").AppendJoin(" | ", cells).AppendLine(" |");
        }

        Console.Write(text.ToString());
        if (args.Length > 1)
        {
            File.WriteAllText(args[1], text.ToString());
            var tsv = new StringBuilder("file\texpected\tperson\t" + string.Join('\t', s_measures.Select(m => m.Name)) + "\n");
            foreach (CalibrationSample sample in samples.OrderBy(x => x.File, StringComparer.Ordinal))
            {
                tsv.Append(sample.File).Append('\t').Append(sample.Expected).Append('\t').Append(sample.Person);
                foreach (double? v in sample.Values[0])
                {
                    tsv.Append('\t').Append(F(v));
                }

                tsv.Append('\n');
            }

            File.WriteAllText(Path.ChangeExtension(args[1], ".tsv"), tsv.ToString());
        }
    }

    private static string F(double? value) => value is not { } v ? "-" : Math.Abs(v) >= 10 ? v.ToString("0.0", CultureInfo.InvariantCulture) : v.ToString("0.####", CultureInfo.InvariantCulture);

    private static string DevsetDirectory()
    {
        if (Environment.GetEnvironmentVariable("SOCIALCARD_DEVSET") is { Length: > 0 } env)
        {
            return env;
        }

        for (DirectoryInfo? dir = new(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SocialCard.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "photos", "devset"));
            }
        }

        throw new DirectoryNotFoundException("Run from inside the repository (the devset is ../shared/photos/devset), or set SOCIALCARD_DEVSET.");
    }
}
