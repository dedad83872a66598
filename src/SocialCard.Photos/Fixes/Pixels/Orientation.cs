using SocialCard.Imaging;

namespace SocialCard.Photos.Fixes.Pixels;

/// <summary>Applies an EXIF orientation (1-8) to pixels: the result is the image as it should be displayed.</summary>
internal static class Orientation
{
    public static RgbImage Apply(RgbImage src, int orientation)
    {
        int w = src.Width, h = src.Height;
        bool swap = orientation >= 5;
        var dst = new RgbImage(swap ? h : w, swap ? w : h);
        int dw = dst.Width;
        ReadOnlySpan<byte> s = src.Pixels;
        Span<byte> d = dst.Pixels;
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                (int dx, int dy) = orientation switch
                {
                    2 => (w - 1 - x, y),
                    3 => (w - 1 - x, h - 1 - y),
                    4 => (x, h - 1 - y),
                    5 => (y, x),
                    6 => (h - 1 - y, x),
                    7 => (h - 1 - y, w - 1 - x),
                    8 => (y, w - 1 - x),
                    _ => (x, y),
                };
                int si = ((y * w) + x) * 3, di = ((dy * dw) + dx) * 3;
                d[di] = s[si];
                d[di + 1] = s[si + 1];
                d[di + 2] = s[si + 2];
            }
        }

        return dst;
    }
}
