using SocialCard.Imaging.Processing.BitRows;

namespace SocialCard.Imaging.Tests.Processing.BitRows;

/// <summary>The bit-row kernels: the vector paths give exactly the scalar references' bytes, bits and counts.</summary>
public sealed class BitRowKernelTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(17)]
    [InlineData(63)]
    [InlineData(65)]
    [InlineData(358)]
    public void Vector_rows_match_the_references(int width)
    {
        var rng = new Random(width);
        byte[] rgb = [.. Enumerable.Range(0, 3 * width).Select(_ => (byte)(rng.Next(3) switch { 0 => 255, 1 => rng.Next(200, 256), _ => rng.Next(256) }))];
        float[] p = [.. Enumerable.Range(0, width).Select(_ => rng.Next(4) switch { 0 => 0.5f, 1 => 0.1f, 2 => 0f, _ => (float)rng.NextDouble() })];
        int words = (width + 63) / 64;

        byte[] dark = new byte[width], darkReference = new byte[width];
        BitRowKernel.Darkness(rgb, dark);
        BitRowKernel.DarknessReference(rgb, darkReference);
        Assert.Equal(darkReference, dark);

        ulong[] bits = new ulong[words], bitsReference = new ulong[words];
        BitRowKernel.AtLeast(p, 0.5f, bits);
        BitRowKernel.AtLeastReference(p, 0.5f, bitsReference);
        Assert.Equal(bitsReference, bits);
        BitRowKernel.Above(dark, 40, bits);
        BitRowKernel.AboveReference(dark, 40, bitsReference);
        Assert.Equal(bitsReference, bits);

        // Half the rows white: the zero runs are counted without looking at each byte.
        byte[] sparse = [.. dark.Select((d, x) => x % 32 < 16 ? (byte)0 : d)];
        int[] histogram = new int[256], histogramReference = new int[256];
        Assert.Equal(BitRowKernel.AddBelowReference(p, 0.1f, sparse, histogramReference), BitRowKernel.AddBelow(p, 0.1f, sparse, histogram));
        Assert.Equal(histogramReference, histogram);
    }

    [Fact]
    public void Darkness_is_the_darkest_channel_below_white()
    {
        byte[] dark = new byte[20];
        byte[] rgb = [.. Enumerable.Range(0, 20).SelectMany(x => new[] { (byte)255, (byte)(255 - x), (byte)250 })];
        BitRowKernel.Darkness(rgb, dark);
        Assert.Equal(Enumerable.Range(0, 20).Select(x => (byte)Math.Max(x, 5)), dark);
    }
}
