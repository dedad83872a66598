using SocialCard.Imaging;
using SocialCard.Imaging.Formats.Jpeg;

namespace SocialCard.Photos.Tests.Fixes.Support;

/// <summary>Degradations used to build test inputs from good photos (rotate, darken, tint, blur, scale, juxtapose).</summary>
internal static class ImageEdits
{
    public static byte[] Jpeg(RgbImage image, int quality = 92) => JpegEncoder.Encode(image, new JpegEncoderOptions { Quality = quality });

    public static RgbImage Map(RgbImage src, Func<byte, byte, byte, (byte, byte, byte)> f)
    {
        RgbImage dst = src.Clone();
        Span<byte> p = dst.Pixels;
        for (int i = 0; i < p.Length; i += 3)
        {
            (p[i], p[i + 1], p[i + 2]) = f(p[i], p[i + 1], p[i + 2]);
        }

        return dst;
    }

    /// <summary>Rotates about the centre by <paramref name="degrees"/> (positive = clockwise on screen), same size, edges clamped.</summary>
    public static RgbImage Rotate(RgbImage src, double degrees)
    {
        var dst = new RgbImage(src.Width, src.Height);
        double r = -degrees * Math.PI / 180, c = Math.Cos(r), s = Math.Sin(r);
        double cx = src.Width / 2.0, cy = src.Height / 2.0;
        ReadOnlySpan<byte> sp = src.Pixels;
        Span<byte> dp = dst.Pixels;
        for (int y = 0; y < src.Height; y++)
        {
            for (int x = 0; x < src.Width; x++)
            {
                double dx = x - cx, dy = y - cy;
                int sx = Math.Clamp((int)Math.Round((c * dx) - (s * dy) + cx), 0, src.Width - 1);
                int sy = Math.Clamp((int)Math.Round((s * dx) + (c * dy) + cy), 0, src.Height - 1);
                int si = ((sy * src.Width) + sx) * 3, di = ((y * src.Width) + x) * 3;
                dp[di] = sp[si];
                dp[di + 1] = sp[si + 1];
                dp[di + 2] = sp[si + 2];
            }
        }

        return dst;
    }

    /// <summary>Box blur of radius r, repeated <paramref name="passes"/> times (3 passes ~ Gaussian).</summary>
    public static RgbImage Blur(RgbImage src, int r, int passes = 3)
    {
        RgbImage cur = src.Clone();
        int w = src.Width, h = src.Height;
        for (int pass = 0; pass < passes; pass++)
        {
            RgbImage next = cur.Clone();
            ReadOnlySpan<byte> a = cur.Pixels;
            Span<byte> b = next.Pixels;
            for (int y = 0; y < h; y++)
            {
                for (int x = 0; x < w; x++)
                {
                    for (int ch = 0; ch < 3; ch++)
                    {
                        int sum = 0, n = 0;
                        for (int k = -r; k <= r; k++)
                        {
                            int xx = Math.Clamp(x + k, 0, w - 1);
                            sum += a[(((y * w) + xx) * 3) + ch];
                            n++;
                        }

                        b[(((y * w) + x) * 3) + ch] = (byte)(sum / n);
                    }
                }
            }

            ReadOnlySpan<byte> b2 = next.Pixels;
            RgbImage vert = next.Clone();
            Span<byte> v = vert.Pixels;
            for (int y = 0; y < h; y++)
            {
                for (int x = 0; x < w; x++)
                {
                    for (int ch = 0; ch < 3; ch++)
                    {
                        int sum = 0, n = 0;
                        for (int k = -r; k <= r; k++)
                        {
                            int yy = Math.Clamp(y + k, 0, h - 1);
                            sum += b2[(((yy * w) + x) * 3) + ch];
                            n++;
                        }

                        v[(((y * w) + x) * 3) + ch] = (byte)(sum / n);
                    }
                }
            }

            next.Dispose();
            cur.Dispose();
            cur = vert;
        }

        return cur;
    }

    /// <summary>Nearest-neighbour-free area-ish resize by bilinear sampling (test inputs only).</summary>
    public static RgbImage Resize(RgbImage src, int width, int height)
    {
        var dst = new RgbImage(width, height);
        ReadOnlySpan<byte> s = src.Pixels;
        Span<byte> d = dst.Pixels;
        double fx = src.Width / (double)width, fy = src.Height / (double)height;
        for (int y = 0; y < height; y++)
        {
            double sy = Math.Clamp(((y + 0.5) * fy) - 0.5, 0, src.Height - 1);
            int y0 = (int)sy, y1 = Math.Min(y0 + 1, src.Height - 1);
            double ty = sy - y0;
            for (int x = 0; x < width; x++)
            {
                double sx = Math.Clamp(((x + 0.5) * fx) - 0.5, 0, src.Width - 1);
                int x0 = (int)sx, x1 = Math.Min(x0 + 1, src.Width - 1);
                double tx = sx - x0;
                for (int c = 0; c < 3; c++)
                {
                    double v = (s[(((y0 * src.Width) + x0) * 3) + c] * (1 - tx) * (1 - ty)) + (s[(((y0 * src.Width) + x1) * 3) + c] * tx * (1 - ty))
                        + (s[(((y1 * src.Width) + x0) * 3) + c] * (1 - tx) * ty) + (s[(((y1 * src.Width) + x1) * 3) + c] * tx * ty);
                    d[(((y * width) + x) * 3) + c] = (byte)Math.Clamp(v + 0.5, 0, 255);
                }
            }
        }

        return dst;
    }

    /// <summary>Two images side by side (heights must match).</summary>
    public static RgbImage SideBySide(RgbImage a, RgbImage b)
    {
        var dst = new RgbImage(a.Width + b.Width, a.Height);
        for (int y = 0; y < a.Height; y++)
        {
            a.Row(y).CopyTo(dst.Row(y));
            b.Row(y).CopyTo(dst.Row(y)[a.Stride..]);
        }

        return dst;
    }

    /// <summary>Inserts an EXIF APP1 with only the orientation tag right after SOI.</summary>
    public static byte[] WithExifOrientation(byte[] jpeg, ushort orientation)
    {
        byte[] tiff =
        [
            (byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8, // big-endian TIFF header, IFD0 at 8
            0, 1, // one entry
            0x01, 0x12, 0, 3, 0, 0, 0, 1, (byte)(orientation >> 8), (byte)orientation, 0, 0, // Orientation, SHORT, 1
            0, 0, 0, 0, // no next IFD
        ];
        int length = 2 + 6 + tiff.Length;
        var app1 = new List<byte> { 0xFF, 0xE1, (byte)(length >> 8), (byte)length };
        app1.AddRange("Exif\0\0"u8.ToArray());
        app1.AddRange(tiff);
        return [.. jpeg.AsSpan(0, 2), .. app1, .. jpeg.AsSpan(2)];
    }
}
