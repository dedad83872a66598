using BenchmarkDotNet.Attributes;
using SocialCard.Imaging.Processing.Luminance;

namespace SocialCard.Benchmarks.Imaging;

/// <summary>BT.601 luma plane of a 358x441 photo: scalar reference (baseline) against the shuffle + Vector256 path.</summary>
[Config(typeof(OneCoreConfig))]
public class LuminanceBenchmarks
{
    private readonly byte[] _rgb = new byte[358 * 441 * 3];
    private readonly float[] _luma = new float[358 * 441];

    [GlobalSetup]
    public void Setup() => new Random(2).NextBytes(_rgb);

    [Benchmark(Baseline = true)]
    public float Scalar()
    {
        LuminancePlane.Extract(_rgb, _luma, useVectors: false);
        return _luma[^1];
    }

    [Benchmark]
    public float Vector()
    {
        LuminancePlane.Extract(_rgb, _luma, useVectors: true);
        return _luma[^1];
    }
}
