using SocialCard.Imaging;
using SocialCard.Imaging.Processing.Color;

namespace SocialCard.Photos.Fixes.Segmentation;

/// <summary>
/// Collects wall samples from a source photo: a thin band along the upper edge and along both side edges down to the
/// eye line (below it the shoulders usually reach the sides). Samples are (x, y, L, a, b) in source pixels.
/// </summary>
internal static class WallSampler
{
    public static BackgroundColourModel? FromSourceBorder(RgbImage src, double eyeLineY)
    {
        int w = src.Width, h = src.Height;
        int band = Math.Max(2, Math.Min(w, h) / 50);
        int step = Math.Max(1, Math.Max(w, h) / 200);
        var samples = new List<(float, float, float, float, float)>();
        ReadOnlySpan<byte> px = src.Pixels;
        for (int y = 1; y < band; y += Math.Max(1, band / 3))
        {
            for (int x = 1; x < w - 1; x += step)
            {
                Add(samples, px, w, x, y);
            }
        }

        int bottom = (int)Math.Clamp(eyeLineY, band, h - 1);
        for (int y = band; y < bottom; y += step)
        {
            for (int x = 1; x < band; x += Math.Max(1, band / 3))
            {
                Add(samples, px, w, x, y);
                Add(samples, px, w, w - 1 - x, y);
            }
        }

        return BackgroundColourModel.Fit(samples);
    }

    private static void Add(List<(float, float, float, float, float)> samples, ReadOnlySpan<byte> px, int w, int x, int y)
    {
        int i = ((y * w) + x) * 3;
        (float l, float a, float b) = ColorSpace.ToLabSingle(px[i], px[i + 1], px[i + 2]);
        samples.Add((x, y, l, a, b));
    }
}
