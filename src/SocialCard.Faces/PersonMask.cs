using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SocialCard.Faces;

/// <summary>
/// The segmentation network's person probability (0..1) on its <see cref="Size"/> x <see cref="Size"/> grid, which
/// covers the photo zero-padded to a centred square of side <see cref="Side"/> image pixels
/// (<see cref="PadLeft"/>/<see cref="PadTop"/> of them before the photo).
/// </summary>
public sealed class PersonMask
{
    private readonly float[] _probability;

    internal PersonMask(float[] probability, int size, int imageWidth, int imageHeight)
    {
        _probability = probability;
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
    public ReadOnlySpan<float> Probability => _probability;

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
        (int x0, int x1, double fx) = Cell(x, PadLeft);
        (int y0, int y1, double fy) = Cell(y, PadTop);
        float[] p = _probability;
        double top = Lerp(p, y0 * Size, x0, x1, fx);
        double bot = Lerp(p, y1 * Size, x0, x1, fx);
        return (float)(top + ((bot - top) * fy));
    }

    /// <summary>
    /// <see cref="At"/> at every pixel of the first <c>into.Length / ImageWidth</c> image rows, row-major, the same
    /// values bit for bit: each grid row is interpolated along x once and shared by the image rows between it and the next.
    /// </summary>
    public void Sample(Span<float> into)
    {
        int w = ImageWidth, rows = into.Length / w;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rows, ImageHeight, nameof(into));
        var x0 = new int[w];
        var x1 = new int[w];
        var fx = new double[w];
        for (int x = 0; x < w; x++)
        {
            (x0[x], x1[x], fx[x]) = Cell(x, PadLeft);
        }

        var upper = new double[w];
        var lower = new double[w];
        int upperRow = -1, lowerRow = -1;
        float[] p = _probability;
        for (int y = 0; y < rows; y++)
        {
            (int y0, int y1, double fy) = Cell(y, PadTop);
            if (upperRow != y0)
            {
                Interpolate(p, y0, x0, x1, fx, upper, ref upperRow, lower, lowerRow);
            }

            if (lowerRow != y1)
            {
                Interpolate(p, y1, x0, x1, fx, lower, ref lowerRow, upper, upperRow);
            }

            Span<float> row = into.Slice(y * w, w);
            int x = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                // The same double operations (no fused multiply-add) and the same rounding to float, eight at a time.
                ref double u = ref MemoryMarshal.GetArrayDataReference(upper), l = ref MemoryMarshal.GetArrayDataReference(lower);
                ref float r = ref MemoryMarshal.GetReference(row);
                Vector256<double> f = Vector256.Create(fy);
                for (; x + 8 <= w; x += 8)
                {
                    Vector256<double> t0 = Vector256.LoadUnsafe(ref u, (nuint)x), t1 = Vector256.LoadUnsafe(ref u, (nuint)(x + 4));
                    Vector256<double> v0 = t0 + ((Vector256.LoadUnsafe(ref l, (nuint)x) - t0) * f);
                    Vector256<double> v1 = t1 + ((Vector256.LoadUnsafe(ref l, (nuint)(x + 4)) - t1) * f);
                    Vector256.Narrow(v0, v1).StoreUnsafe(ref r, (nuint)x);
                }
            }

            for (; x < w; x++)
            {
                double top = upper[x];
                row[x] = (float)(top + ((lower[x] - top) * fy));
            }
        }
    }

    /// <summary>Grid row <paramref name="gridRow"/> interpolated along x into <paramref name="line"/> (copied from the
    /// other line when that one already holds it).</summary>
    private void Interpolate(float[] p, int gridRow, int[] x0, int[] x1, double[] fx, double[] line, ref int lineRow, double[] other, int otherRow)
    {
        if (otherRow == gridRow)
        {
            other.AsSpan().CopyTo(line);
        }
        else
        {
            int rowStart = gridRow * Size;
            for (int x = 0; x < line.Length; x++)
            {
                line[x] = Lerp(p, rowStart, x0[x], x1[x], fx[x]);
            }
        }

        lineRow = gridRow;
    }

    private static double Lerp(float[] p, int rowStart, int x0, int x1, double fx) =>
        p[rowStart + x0] + ((p[rowStart + x1] - p[rowStart + x0]) * fx);

    /// <summary>The two grid cells around image coordinate <paramref name="v"/> and the weight of the second.</summary>
    private (int Low, int High, double Weight) Cell(double v, int pad)
    {
        double scale = (double)Size / Side;
        double g = Math.Clamp(((v + pad) * scale) - 0.5, 0, Size - 1);
        int low = (int)g;
        return (low, Math.Min(low + 1, Size - 1), g - low);
    }
}
