using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using SocialCard.Imaging.Processing.Color;

namespace SocialCard.Imaging.Tests.Processing.Color;

/// <summary>
/// The CIELAB kernel: the AVX2 companding and sample sums equal the scalar reference bit for bit, over dark (linear
/// segment), mid (table) and white (cube root from 1) colours, and rows whose samples end in a tail. Also run with
/// DOTNET_EnableHWIntrinsic=0 (the dispatch then takes the scalar branch).
/// </summary>
public sealed class LabKernelTests
{
    [Fact]
    public void Vector_companding_equals_the_scalar_form()
    {
        if (!Avx2.IsSupported)
        {
            Assert.Throws<NotSupportedException>(() => LabKernel.Companding(Vector256<float>.Zero));
            return;
        }

        var random = new Random(5);
        float[] t = [0f, 1e-6f, 0.008856452f, 0.00885646f, 0.5f, 0.99999994f, 1f, 1.0000001f, 1.2f, .. Enumerable.Range(0, 4000).Select(_ => (float)(random.NextDouble() * 1.1))];
        for (int i = 0; i + 8 <= t.Length; i += 8)
        {
            Vector256<float> actual = LabKernel.Companding(Vector256.Create<float>(t.AsSpan(i, 8)));
            for (int k = 0; k < 8; k++)
            {
                Assert.Equal(LabKernel.Companding(t[i + k]), actual.GetElement(k));
            }
        }
    }

    [Theory]
    [InlineData(358, 90, 270, 3)]
    [InlineData(358, 0, 358, 3)]
    [InlineData(100, 3, 28, 3)]
    [InlineData(100, 10, 32, 1)]
    [InlineData(40, 1, 3, 3)]
    [InlineData(64, 0, 64, 2)]
    public void Avx2_sample_sums_equal_the_scalar_reference(int width, int start, int end, int step)
    {
        byte[] row = RandomRow(width, new Random(width + end));
        var scalar = default(LabSums);
        LabKernel.AddSamplesScalar(row, start, end, step, ref scalar);
        var dispatched = default(LabSums);
        LabKernel.AddSamples(row, start, end, step, ref dispatched);
        Assert.Equal(scalar, dispatched);
        Assert.Equal((end - start + step - 1) / step, scalar.Count);
        if (Avx2.IsSupported)
        {
            var vector = default(LabSums);
            LabKernel.AddSamplesAvx2(row, start, end, step, ref vector);
            Assert.Equal(scalar, vector);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(61)]
    [InlineData(360)]
    public void Double_span_conversion_equals_the_one_colour_form(int count)
    {
        // Dark (linear segment), white (cube root from 1) and mid colours, so every branch of the companding is met.
        byte[] row = RandomRow(count, new Random(count + 11));
        float[] linear = ColorSpace.LinearTable.ToArray();
        float[] r = [.. Enumerable.Range(0, count).Select(i => linear[row[3 * i]])];
        float[] g = [.. Enumerable.Range(0, count).Select(i => linear[row[(3 * i) + 1]])];
        float[] b = [.. Enumerable.Range(0, count).Select(i => linear[row[(3 * i) + 2]])];
        double[] l = new double[count], a = new double[count], bb = new double[count];
        double[] lr = new double[count], ar = new double[count], br = new double[count];
        LabKernel.LinearToLabDouble(r, g, b, l, a, bb);
        LabKernel.LinearToLabDoubleScalar(r, g, b, lr, ar, br);
        for (int i = 0; i < count; i++)
        {
            Lab expected = ColorSpace.LinearToLab(r[i], g[i], b[i]);
            Assert.Equal(expected, new Lab(l[i], a[i], bb[i]));
            Assert.Equal(expected, new Lab(lr[i], ar[i], br[i]));
            Assert.Equal(ColorSpace.LightnessFromLinear(r[i], g[i], b[i]), l[i]);
        }

        Assert.Throws<ArgumentException>(() => LabKernel.LinearToLabDouble(r, g, b, new double[count + 1], new double[count + 1], new double[count + 1]));
    }

    [Fact]
    public void Sums_are_the_single_precision_conversion_of_each_sample()
    {
        byte[] row = RandomRow(30, new Random(3));
        var sums = default(LabSums);
        LabKernel.AddSamples(row, 0, 30, 3, ref sums);
        double l = 0, c = 0;
        for (int x = 0; x < 30; x += 3)
        {
            (float sl, float sa, float sb) = ColorSpace.ToLabSingle(row[x * 3], row[(x * 3) + 1], row[(x * 3) + 2]);
            l += sl;
            c += MathF.Sqrt((sa * sa) + (sb * sb));
        }

        Assert.Equal(l, sums.L);
        Assert.Equal(c, sums.Chroma);
        Assert.Equal(l / 10, sums.Mean.L);
        Assert.Throws<ArgumentOutOfRangeException>(() => LabKernel.AddSamples(row, 0, 31, 3, ref sums));
    }

    private static byte[] RandomRow(int width, Random random)
    {
        byte[] row = new byte[width * 3];
        for (int i = 0; i < row.Length; i += 3)
        {
            (row[i], row[i + 1], row[i + 2]) = random.Next(4) switch
            {
                0 => ((byte)255, (byte)255, (byte)255),
                1 => ((byte)random.Next(6), (byte)random.Next(6), (byte)random.Next(6)),
                _ => ((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)),
            };
        }

        return row;
    }
}
