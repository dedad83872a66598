using SocialCard.Imaging;
using SocialCard.Imaging.Formats.Jpeg;

namespace SocialCard.Web.Tests.Wizard;

/// <summary>
/// Synthetic ID-card pictures (no real ID images may live in the repository): a light card with rows of dark
/// "characters" and a portrait block, optionally rotated, blurred, or placed small inside a larger plain frame.
/// </summary>
public static class SyntheticIdCard
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(int, int, double, int, double), byte[]> s_made = new();

    /// <summary>The JPEG for these parameters, drawn once per test run (a copy is returned).</summary>
    public static byte[] Jpeg(int width = 856, int height = 540, double angleDegrees = 0, int blurRadius = 0, double cardScale = 1.0) =>
        (byte[])s_made.GetOrAdd((width, height, angleDegrees, blurRadius, cardScale), key => Make(key.Item1, key.Item2, key.Item3, key.Item4, key.Item5)).Clone();

    private static byte[] Make(int width, int height, double angleDegrees, int blurRadius, double cardScale)
    {
        using RgbImage image = Draw(width, height, angleDegrees, cardScale);
        if (blurRadius > 0)
        {
            BoxBlur(image, blurRadius);
        }

        return JpegEncoder.Encode(image, new JpegEncoderOptions { Quality = 90 });
    }

    private static RgbImage Draw(int width, int height, double angleDegrees, double cardScale)
    {
        var image = new RgbImage(width, height);
        Span<byte> pixels = image.Pixels;
        double cardW = width * cardScale;
        double cardH = cardW / 1.585;
        if (cardH > height * cardScale)
        {
            cardH = height * cardScale;
            cardW = cardH * 1.585;
        }

        double cx = width / 2.0;
        double cy = height / 2.0;
        double a = -angleDegrees * Math.PI / 180;
        double cos = Math.Cos(a);
        double sin = Math.Sin(a);
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                double dx = x - cx;
                double dy = y - cy;
                // 3 x 3 supersampling: edges are anti-aliased like a camera's, not jagged stairs.
                int sum = 0;
                for (int sy = -1; sy <= 1; sy++)
                {
                    for (int sx = -1; sx <= 1; sx++)
                    {
                        double ddx = dx + (sx / 3.0);
                        double ddy = dy + (sy / 3.0);
                        sum += Shade((((ddx * cos) - (ddy * sin)) / cardW) + 0.5, (((ddx * sin) + (ddy * cos)) / cardH) + 0.5);
                    }
                }

                byte value = (byte)(sum / 9);
                int i = ((y * width) + x) * 3;
                pixels[i] = value;
                pixels[i + 1] = value;
                pixels[i + 2] = (byte)Math.Max(0, value - 10);
            }
        }

        return image;
    }

    private static byte Shade(double u, double v)
    {
        if (u < 0 || u > 1 || v < 0 || v > 1)
        {
            return 128; // plain table around a small card
        }

        if (u is > 0.64 and < 0.92 && v is > 0.12 and < 0.75)
        {
            return (byte)(v < 0.35 ? 90 : 150); // portrait
        }

        foreach (double line in (ReadOnlySpan<double>)[0.12, 0.24, 0.36, 0.48, 0.60, 0.82])
        {
            if (v >= line && v < line + 0.06 && u is > 0.05 and < 0.6)
            {
                double cell = (u - 0.05) % 0.04;
                return cell < 0.028 ? (byte)30 : (byte)235;
            }
        }

        return 235;
    }

    private static void BoxBlur(RgbImage image, int radius)
    {
        for (int pass = 0; pass < 2; pass++)
        {
            bool horizontal = pass == 0;
            byte[] copy = image.Pixels.ToArray();
            Span<byte> pixels = image.Pixels;
            int w = image.Width;
            int h = image.Height;
            for (int y = 0; y < h; y++)
            {
                for (int x = 0; x < w; x++)
                {
                    for (int c = 0; c < 3; c++)
                    {
                        int sum = 0;
                        int n = 0;
                        for (int k = -radius; k <= radius; k++)
                        {
                            int xx = horizontal ? Math.Clamp(x + k, 0, w - 1) : x;
                            int yy = horizontal ? y : Math.Clamp(y + k, 0, h - 1);
                            sum += copy[(((yy * w) + xx) * 3) + c];
                            n++;
                        }

                        pixels[(((y * w) + x) * 3) + c] = (byte)(sum / n);
                    }
                }
            }
        }
    }
}
