using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using SocialCard.Benchmarks.Imaging;

namespace SocialCard.Benchmarks.Faces;

/// <summary>
/// Thread-CPU times of named stages over repeated passes (<see cref="DetectorStages"/>, <see cref="DenseNetStages"/>):
/// <see cref="Time"/> once per stage per pass; <see cref="Print"/> gives each stage's median per pass after the warm-up
/// passes (a name timed several times in a pass is summed per pass), in first-seen order, and their total; for stages
/// timed with their multiply-adds also the rate they reach and the time lost against <see cref="PeakGmacs"/>, and those
/// stages ranked by that loss (against the register-only FMA rate measured at the end of the run, <see cref="MeasurePeakGmacs"/>).
/// </summary>
internal sealed class StageTimes(int warmUpPasses)
{
    /// <summary>Multiply-adds per second (G) this core sustains in a register-only loop of 512-bit FMAs on a quiet machine
    /// (bench/RESULTS.md, "Face engine"); <see cref="Print"/> measures the rate of the moment too.</summary>
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

    /// <summary>The register-only FMA rate now (G multiply-adds per second, thread CPU, best of five): sixteen independent
    /// 512-bit chains (256-bit on a core without AVX-512), no loads; the ceiling of any kernel on this core at this
    /// moment's clock and load.</summary>
    public static double MeasurePeakGmacs()
    {
        const int Iterations = 2_000_000;
        double best = 0;
        for (int round = 0; round < 5; round++)
        {
            double t0 = ThreadCpuClock.NowMilliseconds();
            bool wide = Vector512.IsHardwareAccelerated;
            float sink = wide ? FmaLoop(Iterations) : FmaLoop256(Iterations);
            double ms = ThreadCpuClock.NowMilliseconds() - t0;
            best = Math.Max(best, sink > 0 ? Iterations * 16.0 * (wide ? 16 : 8) / (ms * 1e6) : 0);
        }

        return best;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float FmaLoop(int iterations)
    {
        Vector512<float> m = Vector512.Create(0.999f), c = Vector512.Create(0.001f);
        Vector512<float> a0 = m, a1 = m, a2 = m, a3 = m, a4 = m, a5 = m, a6 = m, a7 = m;
        Vector512<float> a8 = m, a9 = m, a10 = m, a11 = m, a12 = m, a13 = m, a14 = m, a15 = m;
        for (int i = 0; i < iterations; i++)
        {
            a0 = Vector512.FusedMultiplyAdd(a0, m, c);
            a1 = Vector512.FusedMultiplyAdd(a1, m, c);
            a2 = Vector512.FusedMultiplyAdd(a2, m, c);
            a3 = Vector512.FusedMultiplyAdd(a3, m, c);
            a4 = Vector512.FusedMultiplyAdd(a4, m, c);
            a5 = Vector512.FusedMultiplyAdd(a5, m, c);
            a6 = Vector512.FusedMultiplyAdd(a6, m, c);
            a7 = Vector512.FusedMultiplyAdd(a7, m, c);
            a8 = Vector512.FusedMultiplyAdd(a8, m, c);
            a9 = Vector512.FusedMultiplyAdd(a9, m, c);
            a10 = Vector512.FusedMultiplyAdd(a10, m, c);
            a11 = Vector512.FusedMultiplyAdd(a11, m, c);
            a12 = Vector512.FusedMultiplyAdd(a12, m, c);
            a13 = Vector512.FusedMultiplyAdd(a13, m, c);
            a14 = Vector512.FusedMultiplyAdd(a14, m, c);
            a15 = Vector512.FusedMultiplyAdd(a15, m, c);
        }

        return Vector512.Sum(((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7)) + ((a8 + a9) + (a10 + a11)) + ((a12 + a13) + (a14 + a15)));
    }

    /// <summary><see cref="FmaLoop"/> with 256-bit vectors (AVX2 + FMA).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float FmaLoop256(int iterations)
    {
        Vector256<float> m = Vector256.Create(0.999f), c = Vector256.Create(0.001f);
        Vector256<float> a0 = m, a1 = m, a2 = m, a3 = m, a4 = m, a5 = m, a6 = m, a7 = m;
        Vector256<float> a8 = m, a9 = m, a10 = m, a11 = m, a12 = m, a13 = m;
        for (int i = 0; i < iterations; i++)
        {
            a0 = Vector256.FusedMultiplyAdd(a0, m, c);
            a1 = Vector256.FusedMultiplyAdd(a1, m, c);
            a2 = Vector256.FusedMultiplyAdd(a2, m, c);
            a3 = Vector256.FusedMultiplyAdd(a3, m, c);
            a4 = Vector256.FusedMultiplyAdd(a4, m, c);
            a5 = Vector256.FusedMultiplyAdd(a5, m, c);
            a6 = Vector256.FusedMultiplyAdd(a6, m, c);
            a7 = Vector256.FusedMultiplyAdd(a7, m, c);
            a8 = Vector256.FusedMultiplyAdd(a8, m, c);
            a9 = Vector256.FusedMultiplyAdd(a9, m, c);
            a10 = Vector256.FusedMultiplyAdd(a10, m, c);
            a11 = Vector256.FusedMultiplyAdd(a11, m, c);
            a12 = Vector256.FusedMultiplyAdd(a12, m, c);
            a13 = Vector256.FusedMultiplyAdd(a13, m, c);
            a0 = Vector256.FusedMultiplyAdd(a0, m, c);
            a1 = Vector256.FusedMultiplyAdd(a1, m, c);
        }

        return Vector256.Sum(((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7)) + ((a8 + a9) + (a10 + a11)) + (a12 + a13));
    }

    public void Print()
    {
        bool rated = _macs.Values.Any(m => m > 0);
        double peak = rated && (Vector512.IsHardwareAccelerated || Vector256.IsHardwareAccelerated) ? MeasurePeakGmacs() : PeakGmacs;
        if (rated)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"register-only FMA rate now: {peak:F1} GMAC/s (quiet machine: {PeakGmacs}); rates and losses below against it"));
        }

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

            double atPeak = macs / (peak * 1e6);
            totalMacs += macs;
            totalLost += median - atPeak;
            lost.Add((name, (median - atPeak) * 1000));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-22} {median * 1000,8:F1} us {macs / 1e6,7:F2} M MAC {macs / (median * 1e6),6:F1} GMAC/s  lost {(median - atPeak) * 1000,6:F1} us"));
        }

        if (!rated)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"total {total:F3} ms"));
            return;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"total {total:F3} ms; {totalMacs / 1e6:F1} M MAC = {totalMacs / (peak * 1e6):F3} ms at {peak:F1} GMAC/s; lost in the counted stages {totalLost:F3} ms"));
        if (lost.Count > 0)
        {
            Console.WriteLine("ranked by time lost against the peak, us: " + string.Join(", ",
                lost.OrderByDescending(l => l.Us).Take(12).Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Name} {l.Us:F0}"))));
        }
    }
}
