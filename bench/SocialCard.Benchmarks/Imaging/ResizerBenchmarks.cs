using BenchmarkDotNet.Attributes;
using SocialCard.Imaging;
using SocialCard.Imaging.Processing.Resize;

namespace SocialCard.Benchmarks.Imaging;

/// <summary>Resize 974x1200 -> 358x441: scalar reference (baseline) against the Vector256 vertical pass.</summary>
[Config(typeof(OneCoreConfig))]
public class ResizerBenchmarks
{
    private RgbImage? _source;

    [GlobalSetup]
    public void Setup()
    {
        _source = new RgbImage(974, 1200);
        new Random(1).NextBytes(_source.Pixels);
    }

    [GlobalCleanup]
    public void Cleanup() => _source?.Dispose();

    [Benchmark(Baseline = true)]
    public int Scalar()
    {
        using RgbImage r = Resizer.Resize(_source!, 358, 441, UpscaleFilter.Bicubic, useVectors: false);
        return r.Width;
    }

    [Benchmark]
    public int Vector()
    {
        using RgbImage r = Resizer.Resize(_source!, 358, 441, UpscaleFilter.Bicubic, useVectors: true);
        return r.Width;
    }
}
