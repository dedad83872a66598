using BenchmarkDotNet.Attributes;
using SocialCard.Faces.Kernels;

namespace SocialCard.Benchmarks.Faces;

/// <summary>The pointwise kernel on a detector-sized layer (52x52 pixels, 64 -> 128): scalar reference vs vectors.</summary>
[Config(typeof(OneCoreConfig))]
public class GemmBenchmarks
{
    private const int Rows = 52 * 52, K = 64, N = 128;
    private readonly float[] _x = new float[Rows * K];
    private readonly float[] _w = new float[K * N];
    private readonly float[] _b = new float[N];
    private readonly float[] _y = new float[Rows * N];

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(1);
        foreach (float[] a in new[] { _x, _w, _b })
        {
            for (int i = 0; i < a.Length; i++)
            {
                a[i] = (float)rng.NextDouble() - 0.5f;
            }
        }
    }

    [Benchmark(Baseline = true)]
    public float Scalar()
    {
        Gemm.RunScalar(_x, Rows, K, _w, N, _b, _y, Activation.Leaky);
        return _y[0];
    }

    [Benchmark]
    public float Vector()
    {
        Gemm.Run(_x, Rows, K, _w, N, _b, _y, Activation.Leaky);
        return _y[0];
    }
}
