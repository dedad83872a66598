using SocialCard.Photos.Analysis;

namespace SocialCard.Photos.Tests.Rules.Exposure;

/// <summary>
/// The luma plane the exposure, contrast and face rules read: its vector kernels (Vector256, Vector128) give exactly the
/// bytes of the scalar reference on random pixels, odd lengths and all-extreme values.
/// </summary>
public sealed class LumaPlaneKernelTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(47)]
    [InlineData(358 * 3 + 5)]
    public void Vector_kernels_match_the_scalar_reference(int pixels)
    {
        var random = new Random(pixels);
        byte[] rgb = new byte[pixels * 3];
        random.NextBytes(rgb);
        byte[] expected = new byte[pixels];
        LumaPlane.ComputeScalar(rgb, expected);

        Assert.Equal(expected, Run(LumaPlane.ComputeVector256, rgb, pixels));
        Assert.Equal(expected, Run(LumaPlane.ComputeVector128, rgb, pixels));
        Assert.Equal(expected, Run(LumaPlane.Compute, rgb, pixels));
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(255, 255, 255)]
    [InlineData(255, 0, 0)]
    [InlineData(0, 255, 0)]
    [InlineData(0, 0, 255)]
    [InlineData(128, 127, 129)]
    public void Extreme_colours_match_the_scalar_reference_and_the_formula(byte r, byte g, byte b)
    {
        const int Pixels = 70;
        byte[] rgb = new byte[Pixels * 3];
        for (int i = 0; i < Pixels; i++)
        {
            (rgb[i * 3], rgb[(i * 3) + 1], rgb[(i * 3) + 2]) = (r, g, b);
        }

        byte expected = (byte)(((77 * r) + (150 * g) + (29 * b) + 128) >> 8);
        Assert.All(Run(LumaPlane.ComputeScalar, rgb, Pixels), v => Assert.Equal(expected, v));
        Assert.All(Run(LumaPlane.ComputeVector256, rgb, Pixels), v => Assert.Equal(expected, v));
        Assert.All(Run(LumaPlane.ComputeVector128, rgb, Pixels), v => Assert.Equal(expected, v));
    }

    [Fact]
    public void A_buffer_longer_than_needed_is_read_only_up_to_the_plane()
    {
        byte[] rgb = new byte[(20 * 3) + 7];
        new Random(3).NextBytes(rgb);
        byte[] expected = new byte[20];
        LumaPlane.ComputeScalar(rgb, expected);
        Assert.Equal(expected, Run(LumaPlane.Compute, rgb, 20));
        Assert.Throws<ArgumentException>(() => LumaPlane.Compute(rgb.AsSpan(0, 59), new byte[20]));
    }

    private delegate void Kernel(ReadOnlySpan<byte> rgb, Span<byte> luma);

    private static byte[] Run(Kernel kernel, byte[] rgb, int pixels)
    {
        byte[] luma = new byte[pixels];
        kernel(rgb, luma);
        return luma;
    }
}
