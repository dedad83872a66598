using SocialCard.Imaging.Processing.Luminance;

namespace SocialCard.Imaging.Tests.Processing.Luminance;

/// <summary>
/// The luma plane the exposure, contrast and face rules read: its vector kernels (Vector256, Vector128) give exactly the
/// bytes of the scalar reference on random pixels, odd lengths and all-extreme values. Also run with
/// DOTNET_EnableHWIntrinsic=0 (the dispatch then takes the scalar branch).
/// </summary>
public sealed class LumaKernelTests
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
        LumaKernel.ComputeScalar(rgb, expected);

        Assert.Equal(expected, Run(LumaKernel.ComputeVector256, rgb, pixels));
        Assert.Equal(expected, Run(LumaKernel.ComputeVector128, rgb, pixels));
        Assert.Equal(expected, Run(LumaKernel.Compute, rgb, pixels));
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
        Assert.All(Run(LumaKernel.ComputeScalar, rgb, Pixels), v => Assert.Equal(expected, v));
        Assert.All(Run(LumaKernel.ComputeVector256, rgb, Pixels), v => Assert.Equal(expected, v));
        Assert.All(Run(LumaKernel.ComputeVector128, rgb, Pixels), v => Assert.Equal(expected, v));
    }

    [Fact]
    public void A_buffer_longer_than_needed_is_read_only_up_to_the_plane()
    {
        byte[] rgb = new byte[(20 * 3) + 7];
        new Random(3).NextBytes(rgb);
        byte[] expected = new byte[20];
        LumaKernel.ComputeScalar(rgb, expected);
        Assert.Equal(expected, Run(LumaKernel.Compute, rgb, 20));
        Assert.Throws<ArgumentException>(() => LumaKernel.Compute(rgb.AsSpan(0, 59), new byte[20]));
    }

    [Fact]
    public void Plane_of_an_image_is_the_kernel_output_row_by_row()
    {
        using RgbImage image = RgbImage.FromRgb([255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255, 10, 20, 30, 0, 0, 0], 3, 2);
        LumaPlane plane = LumaPlane.From(image);
        Assert.Equal(3, plane.Width);
        Assert.Equal(2, plane.Height);
        Assert.Equal([77, 149, 29, 255, 18, 0], plane.Values.ToArray());
        Assert.Equal([255, 18, 0], plane.Row(1).ToArray());
        Assert.Equal(149, plane[1, 0]);
    }

    [Fact]
    public void Fixed_point_weights_add_up_to_one_and_round_like_the_floating_ones()
    {
        Assert.Equal(256, Bt601.RedQ8 + Bt601.GreenQ8 + Bt601.BlueQ8);
        Assert.Equal(255, Bt601.LumaQ8(255, 255, 255));
        Assert.Equal(255, Bt601.LumaQ8(4 * 255, 4 * 255, 4 * 255, shift: 2));
        Assert.Equal(Bt601.LumaQ8(100, 150, 200), Bt601.LumaQ8(400, 600, 800, shift: 2));
        Assert.Equal((0.299 * 200) + (0.587 * 100) + (0.114 * 50), Bt601.Luma(200, 100, 50), 12);
    }

    private delegate void Kernel(ReadOnlySpan<byte> rgb, Span<byte> luma);

    private static byte[] Run(Kernel kernel, byte[] rgb, int pixels)
    {
        byte[] luma = new byte[pixels];
        kernel(rgb, luma);
        return luma;
    }
}
