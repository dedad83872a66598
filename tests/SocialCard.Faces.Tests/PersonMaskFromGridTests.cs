namespace SocialCard.Faces.Tests;

/// <summary><see cref="PersonMask.FromGrid"/>: a grid made elsewhere is laid over the photo as the network's own is (the
/// same values at every pixel as a mask made from the same grid), is copied (later changes to the array do not reach
/// it), and a grid of the wrong length is refused.</summary>
public sealed class PersonMaskFromGridTests
{
    [Theory]
    [InlineData(358, 441, 256)]
    [InlineData(441, 358, 160)]
    public void A_grid_reads_as_the_networks_mask_of_the_same_grid(int width, int height, int size)
    {
        var random = new Random(size);
        var grid = new float[size * size];
        for (int i = 0; i < grid.Length; i++)
        {
            grid[i] = random.NextSingle();
        }

        var network = new PersonMask((float[])grid.Clone(), size, width, height);
        PersonMask made = PersonMask.FromGrid(grid, size, width, height);
        grid.AsSpan().Clear();
        Assert.Equal((network.PadLeft, network.PadTop, network.Side), (made.PadLeft, made.PadTop, made.Side));
        for (int y = 0; y < height; y += 7)
        {
            for (int x = 0; x < width; x += 5)
            {
                Assert.Equal(network.At(x + 0.5, y + 0.5), made.At(x + 0.5, y + 0.5));
            }
        }
    }

    [Fact]
    public void A_grid_of_the_wrong_length_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PersonMask.FromGrid(new float[255 * 256], 256, 100, 100));
    }
}
