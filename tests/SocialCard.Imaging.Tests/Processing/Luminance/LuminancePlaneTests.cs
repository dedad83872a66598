using SocialCard.Imaging.Processing.Luminance;
using SocialCard.Imaging.Tests.TestUtilities;

namespace SocialCard.Imaging.Tests.Processing.Luminance;

/// <summary>Also run with DOTNET_EnableHWIntrinsic=0: both paths then take the scalar branch and must still pass.</summary>
public sealed class LuminancePlaneTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(1000)]
    [InlineData(358 * 441)]
    public void Vector_and_scalar_agree_exactly(int pixels)
    {
        byte[] rgb = new byte[pixels * 3];
        new Random(pixels).NextBytes(rgb);
        float[] scalar = new float[pixels];
        float[] vector = new float[pixels];
        LuminancePlane.Extract(rgb, scalar, useVectors: false);
        LuminancePlane.Extract(rgb, vector, useVectors: true);
        Assert.Equal(scalar, vector);

        byte[] scalarBytes = new byte[pixels];
        byte[] vectorBytes = new byte[pixels];
        LuminancePlane.Extract(rgb, scalarBytes, useVectors: false);
        LuminancePlane.Extract(rgb, vectorBytes, useVectors: true);
        Assert.Equal(scalarBytes, vectorBytes);
    }

    [Fact]
    public void Bt601_weights()
    {
        using RgbImage image = RgbImage.FromRgb([255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255, 10, 20, 30, 0, 0, 0, 1, 1, 1, 100, 150, 200, 9, 9, 9], 9, 1);
        float[] y = new float[9];
        LuminancePlane.Extract(image, y);
        Assert.Equal(76.245f, y[0], 3);
        Assert.Equal(149.685f, y[1], 3);
        Assert.Equal(29.07f, y[2], 3);
        Assert.Equal(255f, y[3], 3);
        Assert.Equal((0.299f * 10) + (0.587f * 20) + (0.114f * 30), y[4], 4);
        byte[] bytes = new byte[9];
        LuminancePlane.Extract(image, bytes);
        Assert.Equal([76, 150, 29, 255, 18, 0, 1, 141, 9], bytes);
    }

    [Fact]
    public void Mean_of_a_solid_image()
    {
        using RgbImage image = TestImages.Solid(33, 17, 200, 100, 50);
        Assert.Equal((0.299 * 200) + (0.587 * 100) + (0.114 * 50), LuminancePlane.Mean(image), 3);
    }
}
