namespace SocialCard.Benchmarks.Calibration;

/// <summary>
/// The figures of one measure against its limit on the devset: the worst compliant and the least defective defect photo
/// and their margins to the limit (positive: on the right side), the measure's repeatability under the
/// <see cref="CalibrationVariants"/> (90th percentile and largest change), the photos inside the review band (within
/// the repeatability of the limit), and leave-one-person-out: the limit re-derived without a person's photos
/// (midway in the gap the others leave, or where they make the fewest errors when they overlap) applied to that person.
/// </summary>
internal sealed record MeasureCalibration(
    CalibrationMeasure Measure,
    double Limit,
    int Compliant,
    int Defects,
    int FalseRejections,
    int Caught,
    double? WorstCompliant,
    double? WeakestDefect,
    double Repeatability,
    double RepeatabilityMax,
    int CompliantInBand,
    int DefectsInBand,
    int LopoFalseRejections,
    int LopoCaught)
{
    /// <summary>Limit minus the worst compliant value, in the direction that keeps compliant photos (positive: passes).</summary>
    public double? CompliantMargin => WorstCompliant is { } c ? (Measure.HigherIsWorse ? Limit - c : c - Limit) : null;

    /// <summary>How far the least defective defect lies beyond the limit (positive: caught).</summary>
    public double? DefectMargin => WeakestDefect is { } d ? (Measure.HigherIsWorse ? d - Limit : Limit - d) : null;

    /// <summary>True when a margin on either side is smaller than the measure's own repeatability: the limit sits in a gap
    /// the measure cannot resolve.</summary>
    public bool IsGuess => (CompliantMargin ?? double.MaxValue) < Repeatability || (DefectMargin ?? double.MaxValue) < Repeatability;

    public static MeasureCalibration Compute(CalibrationMeasure measure, int index, double limit, IReadOnlyList<CalibrationSample> samples)
    {
        var compliant = samples.Where(s => s.IsCompliant(measure.Rule) && s.Values[0][index] is not null).ToList();
        var defects = samples.Where(s => s.IsDefect(measure.Rule) && s.Values[0][index] is not null).ToList();
        double V(CalibrationSample s) => s.Values[0][index]!.Value;

        var deltas = new List<double>();
        foreach (CalibrationSample s in compliant.Concat(defects))
        {
            for (int k = 1; k < s.Values.Length; k++)
            {
                if (s.Values[k][index] is { } v)
                {
                    deltas.Add(Math.Abs(v - V(s)));
                }
            }
        }

        deltas.Sort();
        double rep = deltas.Count == 0 ? 0 : deltas[(int)Math.Min(deltas.Count - 1, Math.Ceiling(0.9 * deltas.Count) - 1)];
        double repMax = deltas.Count == 0 ? 0 : deltas[^1];

        int lopoFr = 0, lopoCaught = 0;
        foreach (string person in compliant.Concat(defects).Select(s => s.Person).Distinct(StringComparer.Ordinal))
        {
            double derived = Derive(measure,
                [.. compliant.Where(s => s.Person != person).Select(V)],
                [.. defects.Where(s => s.Person != person).Select(V)],
                limit);
            lopoFr += compliant.Count(s => s.Person == person && measure.Fails(V(s), derived));
            lopoCaught += defects.Count(s => s.Person == person && measure.Fails(V(s), derived));
        }

        return new MeasureCalibration(
            measure,
            limit,
            compliant.Count,
            defects.Count,
            compliant.Count(s => measure.Fails(V(s), limit)),
            defects.Count(s => measure.Fails(V(s), limit)),
            compliant.Count == 0 ? null : (measure.HigherIsWorse ? compliant.Max(V) : compliant.Min(V)),
            defects.Count == 0 ? null : (measure.HigherIsWorse ? defects.Min(V) : defects.Max(V)),
            rep,
            repMax,
            compliant.Count(s => Math.Abs(V(s) - limit) <= rep),
            defects.Count(s => Math.Abs(V(s) - limit) <= rep),
            lopoFr,
            lopoCaught);
    }

    /// <summary>The limit a calibration would set from these photos: midway in the gap between the worst compliant and
    /// the least defective defect, else the cut with the fewest errors (compliant rejections counted double); with one
    /// side missing, the current limit.</summary>
    private static double Derive(CalibrationMeasure measure, List<double> compliant, List<double> defects, double current)
    {
        if (compliant.Count == 0 || defects.Count == 0)
        {
            return current;
        }

        double worst = measure.HigherIsWorse ? compliant.Max() : compliant.Min();
        double weakest = measure.HigherIsWorse ? defects.Min() : defects.Max();
        if (measure.HigherIsWorse ? worst < weakest : worst > weakest)
        {
            return (worst + weakest) / 2;
        }

        double[] cuts = [.. compliant.Concat(defects).Distinct().Order()];
        double best = current;
        int bestErrors = int.MaxValue;
        for (int i = 0; i + 1 < cuts.Length; i++)
        {
            double cut = (cuts[i] + cuts[i + 1]) / 2;
            int errors = (2 * compliant.Count(v => measure.Fails(v, cut))) + defects.Count(v => !measure.Fails(v, cut));
            if (errors < bestErrors)
            {
                (best, bestErrors) = (cut, errors);
            }
        }

        return best;
    }
}
