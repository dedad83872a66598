using SocialCard.Photos.Analysis;

namespace SocialCard.Photos.Tests.Rules.Source;

/// <summary>
/// The recapture rule's peak measure: the Vector256 kernel returns exactly (bit for bit) the value of the scalar
/// reference, on spectra with a wide dynamic range, with sharp peaks on and off the block lines and near the wrap.
/// </summary>
public sealed class PeriodicityKernelTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Vector256_measure_equals_the_scalar_reference(int seed)
    {
        float[] power = Spectrum(seed);
        double expected = PeriodicityMeasure.MeasureScalar(power);

        Assert.True(expected > 1, "the test spectrum has a peak");
        Assert.Equal(expected, PeriodicityMeasure.MeasureVector256(power));
        Assert.Equal(expected, PeriodicityMeasure.Measure(power));
    }

    [Theory]
    [InlineData(30, 40)]
    [InlineData(-61, 1)]
    [InlineData(61, 5)]
    [InlineData(-60, 59)]
    [InlineData(12, 3)]
    public void A_single_sharp_peak_is_found_by_both_paths(int u, int v)
    {
        int n = FaceSpectrum.Size;
        var random = new Random(u * 31 + v);
        float[] power = [.. Enumerable.Range(0, n * n).Select(_ => (float)(1 + random.NextDouble()))];
        power[(v * n) + ((u + n) % n)] = 5000f;
        double expected = PeriodicityMeasure.MeasureScalar(power);

        Assert.True(expected > 1000, "the peak dominates its ring");
        Assert.Equal(expected, PeriodicityMeasure.MeasureVector256(power));
    }

    [Fact]
    public void Wrong_length_gives_zero_on_both_paths()
    {
        Assert.Equal(0, PeriodicityMeasure.MeasureScalar(new float[10]));
        Assert.Equal(0, PeriodicityMeasure.MeasureVector256(new float[10]));
    }

    /// <summary>Log-uniform power over ten decades with a few hundred peaks, some zero bins.</summary>
    private static float[] Spectrum(int seed)
    {
        int n = FaceSpectrum.Size;
        var random = new Random(seed);
        var power = new float[n * n];
        for (int i = 0; i < power.Length; i++)
        {
            power[i] = random.Next(50) == 0 ? 0f : (float)Math.Pow(10, (random.NextDouble() * 10) - 3);
        }

        for (int k = 0; k < 300; k++)
        {
            power[random.Next(power.Length)] *= 1e4f;
        }

        return power;
    }
}
