using SocialCard.Imaging.Processing.BlockGrid;

namespace SocialCard.Imaging.Tests.Processing.BlockGrid;

/// <summary>The block-grid scan's row kernels: the vector paths count exactly what the scalar references count.</summary>
public sealed class GridKernelTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(64)]
    [InlineData(358)]
    public void Vector_rows_match_the_references(int width)
    {
        var rng = new Random(width);
        // Values around both limits (8 and 20) and far from them.
        byte[] Row() => [.. Enumerable.Range(0, width).Select(_ => (byte)(rng.Next(4) switch { 0 => rng.Next(0, 12), 1 => rng.Next(16, 24), 2 => 255, _ => rng.Next(256) }))];
        byte[] a = Row(), b = Row();
        byte[] ca = new byte[width], cb = new byte[width], ra = new byte[width], rb = new byte[width];
        GridKernel.Classify(a, ca);
        GridKernel.Classify(b, cb);
        GridKernel.ClassifyReference(a, ra);
        GridKernel.ClassifyReference(b, rb);
        Assert.Equal(ra, ca);
        Assert.Equal(rb, cb);
        Assert.Equal(GridKernel.CountVerticalReference(ra, rb), GridKernel.CountVertical(ca, cb));

        int[] cols = new int[width], expected = new int[width];
        GridKernel.AddHorizontal(ca, cols);
        GridKernel.AddHorizontal(cb, cols);
        GridKernel.AddHorizontalReference(ra, expected);
        GridKernel.AddHorizontalReference(rb, expected);
        Assert.Equal(expected, cols);
    }

    [Fact]
    public void A_white_solid_edge_is_one_crossing_each_way()
    {
        byte[] classes = new byte[40];
        GridKernel.Classify([.. Enumerable.Repeat((byte)0, 20), .. Enumerable.Repeat((byte)200, 20)], classes);
        int[] cols = new int[40];
        GridKernel.AddHorizontal(classes, cols);
        Assert.Equal(1, cols.Sum());
        Assert.Equal(1, cols[19]);
        byte[] solid = new byte[40];
        GridKernel.Classify([.. Enumerable.Repeat((byte)30, 40)], solid);
        Assert.Equal(20, GridKernel.CountVertical(classes, solid));
    }
}
