using SocialCard.Imaging;

namespace SocialCard.Photos.Tests.TestSupport;

/// <summary>Pixel edits that turn a compliant synthetic photo into a defective one (in place).</summary>
internal static class ImageEdits
{
    /// <summary>Separable box blur of the given radius, applied three times (close to a Gaussian).</summary>
    public static void Blur(RgbImage image, int radius)
    {
        for (int pass = 0; pass < 3; pass++)
        {
            BoxPass(image, radius, horizontal: true);
            BoxPass(image, radius, horizontal: false);
        }
    }

    /// <summary>Average of the image and a copy shifted by (dx, dy): a double image.</summary>
    public static void Ghost(RgbImage image, int dx, int dy)
    {
        byte[] copy = image.Pixels.ToArray();
        int w = image.Width, h = image.Height;
        Span<byte> p = image.Pixels;
        for (int y = 0; y < h; y++)
        {
            int sy = Math.Clamp(y - dy, 0, h - 1);
            for (int x = 0; x < w; x++)
            {
                int sx = Math.Clamp(x - dx, 0, w - 1);
                for (int c = 0; c < 3; c++)
                {
                    p[(((y * w) + x) * 3) + c] = (byte)((copy[(((y * w) + x) * 3) + c] + copy[(((sy * w) + sx) * 3) + c] + 1) / 2);
                }
            }
        }
    }

    /// <summary>Applies f(x, y, channel, value) to every pixel that is not the pure background colour.</summary>
    public static void MapPerson(RgbImage image, Func<int, int, int, byte, double> f, (byte R, byte G, byte B)? background = null)
    {
        (byte br, byte bg, byte bb) = background ?? (255, 255, 255);
        for (int y = 0; y < image.Height; y++)
        {
            Span<byte> row = image.Row(y);
            for (int x = 0; x < image.Width; x++)
            {
                int p = 3 * x;
                if (row[p] == br && row[p + 1] == bg && row[p + 2] == bb)
                {
                    continue;
                }

                for (int c = 0; c < 3; c++)
                {
                    row[p + c] = (byte)Math.Clamp((int)Math.Round(f(x, y, c, row[p + c])), 0, 255);
                }
            }
        }
    }

    /// <summary>Applies f to every pixel of the image.</summary>
    public static void MapAll(RgbImage image, Func<int, int, int, byte, double> f)
    {
        for (int y = 0; y < image.Height; y++)
        {
            Span<byte> row = image.Row(y);
            for (int x = 0; x < image.Width; x++)
            {
                for (int c = 0; c < 3; c++)
                {
                    row[(3 * x) + c] = (byte)Math.Clamp((int)Math.Round(f(x, y, c, row[(3 * x) + c])), 0, 255);
                }
            }
        }
    }

    /// <summary>Fills a rectangle with one colour.</summary>
    public static void Fill(RgbImage image, int x0, int y0, int width, int height, (byte R, byte G, byte B) colour)
    {
        for (int y = y0; y < y0 + height; y++)
        {
            Span<byte> row = image.Row(y);
            for (int x = x0; x < x0 + width; x++)
            {
                row[3 * x] = colour.R;
                row[(3 * x) + 1] = colour.G;
                row[(3 * x) + 2] = colour.B;
            }
        }
    }

    /// <summary>
    /// The image rotated by <paramref name="degrees"/> clockwise as seen (y down) about (<paramref name="cx"/>,
    /// <paramref name="cy"/>), bilinear, uncovered corners white (like the devset's rolled photos).
    /// </summary>
    public static RgbImage Rotate(RgbImage source, double degrees, double cx, double cy)
    {
        var result = new RgbImage(source.Width, source.Height);
        double a = degrees * Math.PI / 180, cos = Math.Cos(a), sin = Math.Sin(a);
        for (int y = 0; y < source.Height; y++)
        {
            Span<byte> row = result.Row(y);
            for (int x = 0; x < source.Width; x++)
            {
                // Inverse map: rotate the destination point back by -a.
                double dx = x - cx, dy = y - cy;
                double sx = (dx * cos) + (dy * sin) + cx;
                double sy = (-dx * sin) + (dy * cos) + cy;
                int x0 = (int)Math.Floor(sx), y0 = (int)Math.Floor(sy);
                for (int c = 0; c < 3; c++)
                {
                    row[(3 * x) + c] = x0 < 0 || y0 < 0 || x0 + 1 >= source.Width || y0 + 1 >= source.Height
                        ? (byte)255
                        : Bilinear(source, x0, y0, sx - x0, sy - y0, c);
                }
            }
        }

        return result;
    }

    /// <summary>
    /// A copy whose rows from <paramref name="pivotY"/> down (the body below the chin) are turned by
    /// <paramref name="degrees"/> clockwise as seen about (<paramref name="cx"/>, <paramref name="pivotY"/>), the head
    /// above left as it is; the body continues past the frame (edge pixels repeated), as it does in a photo.
    /// </summary>
    public static RgbImage RotateBody(RgbImage source, double degrees, double cx, double pivotY)
    {
        RgbImage result = RgbImage.FromRgb(source.Pixels, source.Width, source.Height);
        double a = degrees * Math.PI / 180, cos = Math.Cos(a), sin = Math.Sin(a);
        for (int y = Math.Max(0, (int)Math.Ceiling(pivotY)); y < source.Height; y++)
        {
            Span<byte> row = result.Row(y);
            for (int x = 0; x < source.Width; x++)
            {
                double dx = x - cx, dy = y - pivotY;
                double sx = Math.Clamp((dx * cos) + (dy * sin) + cx, 0, source.Width - 1.001);
                double sy = Math.Clamp((-dx * sin) + (dy * cos) + pivotY, 0, source.Height - 1.001);
                int x0 = (int)Math.Floor(sx), y0 = (int)Math.Floor(sy);
                for (int c = 0; c < 3; c++)
                {
                    row[(3 * x) + c] = Bilinear(source, x0, y0, sx - x0, sy - y0, c);
                }
            }
        }

        return result;
    }

    /// <summary>
    /// Blends <paramref name="colour"/> at <paramref name="alpha"/> over an ellipse centred on (<paramref name="cx"/>,
    /// <paramref name="cy"/>) with semi-axes <paramref name="a"/> (x) and <paramref name="b"/> (y), turned by
    /// <paramref name="degrees"/> (a tinted lens; a long thin one is a strand of hair).
    /// </summary>
    public static void Ellipse(RgbImage image, double cx, double cy, double a, double b, double degrees, (byte R, byte G, byte B) colour, double alpha)
    {
        double t = degrees * Math.PI / 180, cos = Math.Cos(t), sin = Math.Sin(t);
        double reach = Math.Max(a, b);
        for (int y = Math.Max(0, (int)(cy - reach)); y <= Math.Min(image.Height - 1, (int)(cy + reach)); y++)
        {
            Span<byte> row = image.Row(y);
            for (int x = Math.Max(0, (int)(cx - reach)); x <= Math.Min(image.Width - 1, (int)(cx + reach)); x++)
            {
                double u = (((x - cx) * cos) + ((y - cy) * sin)) / a, v = ((-(x - cx) * sin) + ((y - cy) * cos)) / b;
                if ((u * u) + (v * v) > 1)
                {
                    continue;
                }

                row[3 * x] = (byte)Math.Round((row[3 * x] * (1 - alpha)) + (colour.R * alpha));
                row[(3 * x) + 1] = (byte)Math.Round((row[(3 * x) + 1] * (1 - alpha)) + (colour.G * alpha));
                row[(3 * x) + 2] = (byte)Math.Round((row[(3 * x) + 2] * (1 - alpha)) + (colour.B * alpha));
            }
        }
    }

    private static byte Bilinear(RgbImage image, int x0, int y0, double fx, double fy, int c)
    {
        ReadOnlySpan<byte> r0 = image.Row(y0), r1 = image.Row(y0 + 1);
        double top = r0[(3 * x0) + c] + ((r0[(3 * (x0 + 1)) + c] - r0[(3 * x0) + c]) * fx);
        double bottom = r1[(3 * x0) + c] + ((r1[(3 * (x0 + 1)) + c] - r1[(3 * x0) + c]) * fx);
        return (byte)Math.Clamp((int)Math.Round(top + ((bottom - top) * fy)), 0, 255);
    }

    private static void BoxPass(RgbImage image, int radius, bool horizontal)
    {
        int w = image.Width, h = image.Height;
        byte[] copy = image.Pixels.ToArray();
        Span<byte> p = image.Pixels;
        int n = (2 * radius) + 1;
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                for (int c = 0; c < 3; c++)
                {
                    int sum = 0;
                    for (int k = -radius; k <= radius; k++)
                    {
                        int xx = horizontal ? Math.Clamp(x + k, 0, w - 1) : x;
                        int yy = horizontal ? y : Math.Clamp(y + k, 0, h - 1);
                        sum += copy[(((yy * w) + xx) * 3) + c];
                    }

                    p[(((y * w) + x) * 3) + c] = (byte)(sum / n);
                }
            }
        }
    }
}
