using SocialCard.Imaging;
using SocialCard.Imaging.Processing.Color;

namespace SocialCard.Photos.Fixes.Pixels;

/// <summary>CIELAB (D65) planes of an RGB image, float, one plane per channel (<see cref="ColorSpace.ToLabPlanes"/>).</summary>
internal sealed class LabImage
{
    public LabImage(int width, int height)
    {
        Width = width;
        Height = height;
        L = new float[width * height];
        A = new float[width * height];
        B = new float[width * height];
    }

    public int Width { get; }

    public int Height { get; }

    public float[] L { get; }

    public float[] A { get; }

    public float[] B { get; }

    public static LabImage From(RgbImage image)
    {
        var lab = new LabImage(image.Width, image.Height);
        ColorSpace.ToLabPlanes(image.Pixels, lab.L, lab.A, lab.B);
        return lab;
    }
}
