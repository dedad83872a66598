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
