using SocialCard.Imaging;

namespace SocialCard.Photos.Fixes.Segmentation;

/// <summary>
/// Person colours along a soft edge with the old background taken out, so nothing of it shows once the person is put
/// on white: where 0 &lt; alpha &lt; 1, F = (I - (1 - alpha) B) / alpha with B the background colour behind that pixel,
/// blended towards the mean colour of nearby solid person pixels (radius 5) as alpha falls below 0.7 (a faint pixel's
/// un-mixing is noise). Solid and clear pixels keep their colour.
/// </summary>
internal static class ForegroundEstimator
{
    private const int SolidRadius = 5;

    /// <param name="background">Background colour per pixel, interleaved RGB (3 floats per pixel).</param>
    public static RgbImage Estimate(RgbImage image, float[] alpha, float[] background)
    {
        int w = image.Width, h = image.Height, n = w * h;
        RgbImage fg = image.Clone();
        Span<byte> f = fg.Pixels;
        ReadOnlySpan<byte> src = image.Pixels;
        float[] solid = new float[n];
        for (int i = 0; i < n; i++)
        {
            solid[i] = alpha[i] >= 1f ? 1 : 0;
        }

        (float[] ms, float[] mr, float[] mg, float[] mb) = BoxFilter.SelectedColourMeans(src, solid, w, h, SolidRadius);
        for (int i = 0; i < n; i++)
        {
            float a = alpha[i];
            if (a >= 1f || a <= 0f)
            {
                continue;
            }

            int p = i * 3;
            float er = (src[p] - ((1 - a) * background[p])) / a;
            float eg = (src[p + 1] - ((1 - a) * background[p + 1])) / a;
            float eb = (src[p + 2] - ((1 - a) * background[p + 2])) / a;
            float t = Math.Clamp((a - 0.2f) / 0.5f, 0f, 1f);
            float lr = er, lg = eg, lb = eb;
            if (ms[i] > 0.01f)
            {
                lr = mr[i] / ms[i];
                lg = mg[i] / ms[i];
                lb = mb[i] / ms[i];
            }

            f[p] = (byte)Math.Clamp((lr * (1 - t)) + (er * t) + 0.5f, 0, 255);
            f[p + 1] = (byte)Math.Clamp((lg * (1 - t)) + (eg * t) + 0.5f, 0, 255);
            f[p + 2] = (byte)Math.Clamp((lb * (1 - t)) + (eb * t) + 0.5f, 0, 255);
        }

        return fg;
    }
}
