namespace SocialCard.Faces;

/// <summary>
/// The segmentation network's person probability (0..1) on its <see cref="Size"/> x <see cref="Size"/> grid, which
/// covers the photo zero-padded to a centred square of side <see cref="Side"/> image pixels
/// (<see cref="PadLeft"/>/<see cref="PadTop"/> of them before the photo).
/// </summary>
public sealed class PersonMask
{
    internal PersonMask(float[] probability, int size, int imageWidth, int imageHeight)
    {
        Probability = probability;
        Size = size;
        ImageWidth = imageWidth;
        ImageHeight = imageHeight;
        Side = Math.Max(imageWidth, imageHeight);
        int diff = Math.Abs(imageHeight - imageWidth);
        int after = (int)Math.Floor((diff * 0.5) + 0.5);
        PadLeft = imageWidth < imageHeight ? diff - after : 0;
        PadTop = imageHeight < imageWidth ? diff - after : 0;
    }

    /// <summary>Row-major, <see cref="Size"/> x <see cref="Size"/>.</summary>
    public IReadOnlyList<float> Probability { get; }

    public int Size { get; }

    public int ImageWidth { get; }

    public int ImageHeight { get; }

    public int Side { get; }

    public int PadLeft { get; }

    public int PadTop { get; }

    /// <summary>
    /// The probability at image point (<paramref name="x"/>, <paramref name="y"/>) (pixel centres at +0.5), bilinear
    /// between grid cell centres, edges clamped.
    /// </summary>
    public float At(double x, double y)
    {
        double scale = (double)Size / Side;
        double gx = ((x + PadLeft) * scale) - 0.5;
        double gy = ((y + PadTop) * scale) - 0.5;
        gx = Math.Clamp(gx, 0, Size - 1);
        gy = Math.Clamp(gy, 0, Size - 1);
        int x0 = (int)gx, y0 = (int)gy;
        int x1 = Math.Min(x0 + 1, Size - 1), y1 = Math.Min(y0 + 1, Size - 1);
        double fx = gx - x0, fy = gy - y0;
        IReadOnlyList<float> p = Probability;
        double top = p[(y0 * Size) + x0] + ((p[(y0 * Size) + x1] - p[(y0 * Size) + x0]) * fx);
        double bot = p[(y1 * Size) + x0] + ((p[(y1 * Size) + x1] - p[(y1 * Size) + x0]) * fx);
        return (float)(top + ((bot - top) * fy));
    }
}
