namespace SocialCard.Imaging.Processing.Rotate;

/// <summary>
/// Rotates image content by an arbitrary angle about a point, keeping the canvas size; bilinear sampling, with
/// <c>fill</c> for everything that comes from outside the source (also blended into the edge pixels).
/// </summary>
public static class Rotator
{
    /// <param name="source">Image to rotate (left untouched).</param>
    /// <param name="degrees">Positive turns the content counter-clockwise as seen on screen (y grows downward).</param>
    /// <param name="centerX">Pivot x in pixel coordinates (pixel (i, j) sits at x = i, y = j).</param>
    /// <param name="centerY">Pivot y.</param>
    /// <param name="fill">Colour for areas with no source pixels.</param>
    public static RgbImage Rotate(RgbImage source, double degrees, double centerX, double centerY, RgbColor fill)
    {
        ArgumentNullException.ThrowIfNull(source);
        int w = source.Width;
        int h = source.Height;
        var result = new RgbImage(w, h);
        double radians = degrees * Math.PI / 180.0;
        double cos = Math.Cos(radians);
        double sin = Math.Sin(radians);
        Span<byte> src = source.Pixels;
        Span<byte> fillRgb = [fill.R, fill.G, fill.B];
        for (int y = 0; y < h; y++)
        {
            Span<byte> dst = result.Row(y);
            double dy = y - centerY;

            // Inverse map of a counter-clockwise (on screen) rotation: p = c + R(-theta)(q - c) in y-down coordinates.
            double sxRow = centerX - (sin * dy);
            double syRow = centerY + (cos * dy);
            for (int x = 0; x < w; x++)
            {
                double dx = x - centerX;
                double sx = sxRow + (cos * dx);
                double sy = syRow + (sin * dx);
                Sample(src, w, h, sx, sy, fillRgb, dst.Slice(x * 3, 3));
            }
        }

        return result;
    }

    /// <summary>Bilinear sample at (sx, sy); neighbours outside the image count as the fill colour.</summary>
    private static void Sample(ReadOnlySpan<byte> src, int w, int h, double sx, double sy, ReadOnlySpan<byte> fill, Span<byte> dst)
    {
        if (sx <= -1 || sy <= -1 || sx >= w || sy >= h || double.IsNaN(sx) || double.IsNaN(sy))
        {
            fill.CopyTo(dst);
            return;
        }

        int x0 = (int)Math.Floor(sx);
        int y0 = (int)Math.Floor(sy);
        double fx = sx - x0;
        double fy = sy - y0;
        double w00 = (1 - fx) * (1 - fy);
        double w10 = fx * (1 - fy);
        double w01 = (1 - fx) * fy;
        double w11 = fx * fy;
        bool in00 = x0 >= 0 && y0 >= 0;
        bool in10 = x0 + 1 < w && y0 >= 0;
        bool in01 = x0 >= 0 && y0 + 1 < h;
        bool in11 = x0 + 1 < w && y0 + 1 < h;
        int o00 = ((y0 * w) + x0) * 3;
        for (int c = 0; c < 3; c++)
        {
            double v = (w00 * (in00 ? src[o00 + c] : fill[c]))
                     + (w10 * (in10 ? src[o00 + 3 + c] : fill[c]))
                     + (w01 * (in01 ? src[o00 + (w * 3) + c] : fill[c]))
                     + (w11 * (in11 ? src[o00 + (w * 3) + 3 + c] : fill[c]));
            dst[c] = (byte)Math.Clamp(v + 0.5, 0, 255);
        }
    }
}
