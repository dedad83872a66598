using System.Globalization;
using SocialCard.Benchmarks.Imaging;

namespace SocialCard.Benchmarks.Faces;

/// <summary>
/// Thread-CPU times of named stages over repeated passes (<see cref="DetectorStages"/>, <see cref="DenseNetStages"/>):
/// <see cref="Time"/> once per stage per pass; <see cref="Print"/> gives each stage's median per pass after the warm-up
/// passes (a name timed several times in a pass is summed per pass), in first-seen order, and their total.
/// </summary>
internal sealed class StageTimes(int warmUpPasses)
{
    private readonly List<string> _names = [];
    private readonly Dictionary<string, List<double>> _times = [];
    private int _pass;

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
        double total = 0;
        foreach (string name in _names)
        {
            List<double> sorted = [.. _times[name].Skip(warmUpPasses).Order()];
            double median = sorted[sorted.Count / 2];
            total += median;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-22} {median * 1000,8:F1} us"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"total {total:F3} ms"));
    }
}
