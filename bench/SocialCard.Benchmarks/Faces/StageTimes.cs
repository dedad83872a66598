using System.Globalization;
using SocialCard.Benchmarks.Imaging;

namespace SocialCard.Benchmarks.Faces;

/// <summary>
/// Thread-CPU times of named stages over repeated passes (<see cref="DetectorStages"/>, <see cref="DenseNetStages"/>):
/// <see cref="Time"/> once per stage per pass; <see cref="Print"/> gives each stage's median per pass after the warm-up
/// passes (a name timed several times in a pass is summed per pass), in first-seen order, and their total; for stages
/// timed with their multiply-adds also the rate they reach and the time lost against <see cref="PeakGmacs"/>, and those
/// stages ranked by that loss.
/// </summary>
internal sealed class StageTimes(int warmUpPasses)
{
    /// <summary>Multiply-adds per second (G) this core sustains in a register-only loop of 512-bit FMAs (bench/RESULTS.md,
    /// "Face engine"): the rate a stage would reach if only its multiply-adds cost time.</summary>
    public const double PeakGmacs = 68;

    private readonly List<string> _names = [];
    private readonly Dictionary<string, List<double>> _times = [];
    private readonly Dictionary<string, long> _macs = [];
    private int _pass;

    /// <summary>Times a stage of <paramref name="macs"/> multiply-adds per pass (summed when the name repeats in a pass).</summary>
    public void Time(string name, long macs, Action stage)
    {
        if (_pass == 1)
        {
            _macs[name] = _macs.GetValueOrDefault(name) + macs;
        }

        Time(name, stage);
    }

    /// <summary>Starts the next pass.</summary>
    public void NextPass() => _pass++;

    public void Time(string name, Action stage)
    {
        double t0 = ThreadCpuClock.NowMilliseconds();
        stage();
        double t = ThreadCpuClock.NowMilliseconds() - t0;
        if (!_times.TryGetValue(name, out List<double>? perPass))
        {
            perPass = [];
            _times[name] = perPass;
            _names.Add(name);
        }

        while (perPass.Count < _pass)
        {
            perPass.Add(0);
        }

        perPass[_pass - 1] += t;
    }

    /// <summary>Each stage's median per pass after the warm-up, ms.</summary>
    public IReadOnlyDictionary<string, double> Medians() => _names.ToDictionary(
        n => n, n => _times[n].Skip(warmUpPasses).Order().ElementAt((_times[n].Count - warmUpPasses) / 2));

    public void Print()
    {
        double total = 0, totalLost = 0;
        long totalMacs = 0;
        var lost = new List<(string Name, double Us)>();
        foreach (string name in _names)
        {
            List<double> sorted = [.. _times[name].Skip(warmUpPasses).Order()];
            double median = sorted[sorted.Count / 2];
            total += median;
            long macs = _macs.GetValueOrDefault(name);
            if (macs == 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-22} {median * 1000,8:F1} us"));
                continue;
            }

            double atPeak = macs / (PeakGmacs * 1e6);
            totalMacs += macs;
            totalLost += median - atPeak;
            lost.Add((name, (median - atPeak) * 1000));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-22} {median * 1000,8:F1} us {macs / 1e6,7:F2} M MAC {macs / (median * 1e6),6:F1} GMAC/s  lost {(median - atPeak) * 1000,6:F1} us"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"total {total:F3} ms; {totalMacs / 1e6:F1} M MAC = {totalMacs / (PeakGmacs * 1e6):F3} ms at {PeakGmacs} GMAC/s; lost in the counted stages {totalLost:F3} ms"));
        if (lost.Count > 0)
        {
            Console.WriteLine("ranked by time lost against the peak, us: " + string.Join(", ",
                lost.OrderByDescending(l => l.Us).Take(12).Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Name} {l.Us:F0}"))));
        }
    }
}
