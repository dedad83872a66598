using SocialCard.Photos.Analysis;

namespace SocialCard.Photos.Tests.Rules.Sharpness;

/// <summary>
/// The ghost rule's cepstrum steps: the whitening product and its sum are bit-identical to a plain loop; the vectorised
/// logarithm stays within a few float ulps of <see cref="MathF.Log(float)"/> over the power range a face spectrum spans.
/// </summary>
public sealed class EchoKernelTests
{
    [Theory]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(129)]
    [InlineData(128 * 128)]
    public void Whitening_and_its_sum_equal_the_plain_loop(int length)
    {
        var random = new Random(length);
        float[] power = [.. Enumerable.Range(0, length).Select(_ => (float)Math.Pow(10, (random.NextDouble() * 12) - 4))];
        float[] gain = [.. Enumerable.Range(0, length).Select(_ => (float)(random.NextDouble() * 64))];
        var expected = new float[length];
        double expectedSum = 0;
        for (int i = 0; i < length; i++)
        {
            float p = power[i] * gain[i];
            expected[i] = p;
            expectedSum += p;
        }

        var whitened = new float[length];
        double sum = EchoMeasure.WhitenAndSum(power, gain, whitened);

        Assert.Equal(expected, whitened);
        Assert.Equal(expectedSum, sum);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(128)]
    [InlineData(131)]
    public void Spectrum_crop_widening_equals_the_plain_loop(int length)
    {
        var random = new Random(length);
        byte[] source = new byte[length];
        random.NextBytes(source);
        var destination = new float[length];

        long sum = FaceSpectrum.Widen(source, destination);

        Assert.Equal(source.Sum(v => (long)v), sum);
        Assert.Equal(source.Select(v => (float)v).ToArray(), destination);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(128 * 128)]
    public void Spectrum_power_equals_the_plain_loop(int length)
    {
        var random = new Random(length);
        float[] re = [.. Enumerable.Range(0, length).Select(_ => (float)((random.NextDouble() - 0.5) * 1e4))];
        float[] im = [.. Enumerable.Range(0, length).Select(_ => (float)((random.NextDouble() - 0.5) * 1e4))];
        float[] expected = [.. re.Select((r, i) => (r * r) + (im[i] * im[i]))];

        FaceSpectrum.Power(re, im);

        Assert.Equal(expected, re);
    }

    [Fact]
    public void Mean_removal_and_window_in_one_pass_equal_the_two_passes()
    {
        const int N = 128;
        var random = new Random(9);
        float[] grid = [.. Enumerable.Range(0, N * N).Select(_ => (float)random.Next(256))];
        float[] expected = [.. grid.Select(v => v - 117.25f)];
        Window.ApplyHann(expected, N);

        Window.SubtractAndApplyHann(grid, N, 117.25f);

        Assert.Equal(expected, grid);
    }

    [Theory]
    [InlineData(5, 1e-3f)]
    [InlineData(16, 0f)]
    [InlineData(128 * 128 + 3, 0.5f)]
    public void Vector_log_stays_within_a_few_ulps_of_the_scalar_log(int length, float floor)
    {
        var random = new Random(length);
        float[] values = [.. Enumerable.Range(0, length).Select(_ => (float)Math.Pow(10, (random.NextDouble() * 14) - 4))];
        float[] expected = [.. values.Select(v => MathF.Log(v + floor))];

        EchoMeasure.LogWithFloor(values, floor);

        for (int i = 0; i < length; i++)
        {
            float tolerance = 4 * (MathF.BitIncrement(MathF.Abs(expected[i])) - MathF.Abs(expected[i]));
            Assert.InRange(values[i], expected[i] - tolerance, expected[i] + tolerance);
        }
    }

    [Theory]
    [InlineData(5)]
    [InlineData(16)]
    [InlineData(128 * 128 + 3)]
    public void Vector_band_taper_equals_the_scalar_form(int length)
    {
        var random = new Random(length);
        float[] values = [.. Enumerable.Range(0, length).Select(_ => (float)((random.NextDouble() * 20) - 10))];
        float[] weights = [.. Enumerable.Range(0, length).Select(_ => (float)random.NextDouble())];
        float[] expected = [.. values.Select((v, i) => (v - 1.25f) * weights[i])];

        EchoMeasure.TaperBand(values, weights, 1.25f);

        Assert.Equal(expected, values);
    }
}
