using BenchmarkDotNet.Attributes;
using SocialCard.Imaging.Processing.Luminance;

namespace SocialCard.Benchmarks.Imaging;

/// <summary>BT.601 8-bit luma plane of a 358x441 photo: scalar reference (baseline) against the shuffle + Vector256 kernel.</summary>
[Config(typeof(OneCoreConfig))]
public class LuminanceBenchmarks
{
    private readonly byte[] _rgb = new byte[358 * 441 * 3];
    private readonly byte[] _luma = new byte[358 * 441];

    [GlobalSetup]
    public void Setup() => new Random(2).NextBytes(_rgb);

    [Benchmark(Baseline = true)]
    public byte Scalar()
    {
        LumaKernel.ComputeScalar(_rgb, _luma);
        return _luma[^1];
    }

    [Benchmark]
    public byte Vector()
    {
        LumaKernel.ComputeVector256(_rgb, _luma);
        return _luma[^1];
    }
}
