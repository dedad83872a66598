using SocialCard.Imaging;

namespace SocialCard.Faces.Tests.Geometry;

/// <summary>Test-only bilinear rotation about the image centre (y down: positive degrees turn the picture clockwise), white fill.</summary>
internal static class ImageRotation
{
    public static RgbImage Rotate(RgbImage source, double degrees)
    {
        double t = degrees * Math.PI / 180;
        double cos = Math.Cos(t), sin = Math.Sin(t);
        double cx = (source.Width - 1) / 2.0, cy = (source.Height - 1) / 2.0;
        var result = new RgbImage(source.Width, source.Height);
        Span<byte> dst = result.Pixels;
        ReadOnlySpan<byte> src = source.Pixels;
        int stride = source.Stride;
        for (int y = 0; y < source.Height; y++)
        {
            for (int x = 0; x < source.Width; x++)
            {
                // Inverse map: the source point that lands on (x, y).
                double sx = cx + ((x - cx) * cos) + ((y - cy) * sin);
                double sy = cy - ((x - cx) * sin) + ((y - cy) * cos);
                int x0 = (int)Math.Floor(sx), y0 = (int)Math.Floor(sy);
                double fx = sx - x0, fy = sy - y0;
                for (int c = 0; c < 3; c++)
                {
                    double v00 = Sample(src, stride, source.Width, source.Height, x0, y0, c);
                    double v10 = Sample(src, stride, source.Width, source.Height, x0 + 1, y0, c);
                    double v01 = Sample(src, stride, source.Width, source.Height, x0, y0 + 1, c);
                    double v11 = Sample(src, stride, source.Width, source.Height, x0 + 1, y0 + 1, c);
                    double top = v00 + ((v10 - v00) * fx);
                    double bottom = v01 + ((v11 - v01) * fx);
                    dst[(y * stride) + (x * 3) + c] = (byte)Math.Clamp(Math.Round(top + ((bottom - top) * fy)), 0, 255);
                }
            }
        }

        return result;
    }

    private static double Sample(ReadOnlySpan<byte> src, int stride, int w, int h, int x, int y, int c) =>
        (uint)x < (uint)w && (uint)y < (uint)h ? src[(y * stride) + (x * 3) + c] : 255;
}
