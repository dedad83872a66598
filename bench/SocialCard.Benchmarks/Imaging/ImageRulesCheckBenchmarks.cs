using BenchmarkDotNet.Attributes;
using SocialCard.Photos;

namespace SocialCard.Benchmarks.Imaging;

/// <summary>
/// Target (&lt;= 2 ms per 358x441 photo, one core): <see cref="PhotoChecker"/> without a face engine, i.e.
/// container inspection + decode + every file and image rule, exactly what <c>check</c> does per photo.
/// <see cref="CompliantPhoto"/> is one compliant 358x441 photo; <see cref="WholeDevset"/> checks all devset images
/// once per operation and reports the mean per photo (OperationsPerInvoke), so its median is the median over
/// iterations of the per-photo mean. The per-photo distribution (median, p95) is printed by
/// <c>dotnet run -c Release --project bench/SocialCard.Benchmarks -- devset-profile</c>.
/// </summary>
[Config(typeof(OneCoreConfig))]
public class ImageRulesCheckBenchmarks
{
    private const int DevsetCount = 421;
    private PhotoCheckInputs? _inputs;
    private PhotoChecker? _checker;

    [GlobalSetup]
    public void Setup()
    {
        _inputs = PhotoCheckInputs.Load();
        if (_inputs.Photos.Count != DevsetCount)
        {
            throw new InvalidOperationException($"Expected {DevsetCount} devset photos, found {_inputs.Photos.Count}: update OperationsPerInvoke.");
        }

        _checker = new PhotoChecker();
    }

    [Benchmark]
    public PhotoVerdict CompliantPhoto()
    {
        (string name, byte[] bytes) = _inputs!.Compliant;
        return _checker!.Check(bytes, name, _inputs.Profile).Verdict;
    }

    [Benchmark(OperationsPerInvoke = DevsetCount)]
    public int WholeDevset()
    {
        int failed = 0;
        foreach ((string name, byte[] bytes) in _inputs!.Photos)
        {
            failed += _checker!.Check(bytes, name, _inputs.Profile).Verdict == PhotoVerdict.Pass ? 0 : 1;
        }

        return failed;
    }
}
