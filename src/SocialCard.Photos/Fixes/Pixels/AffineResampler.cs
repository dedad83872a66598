using System.Runtime.CompilerServices;
using SocialCard.Imaging;
using SocialCard.Photos.Fixes.Geometry;

namespace SocialCard.Photos.Fixes.Pixels;

/// <summary>
/// Renders an output image through an output-to-source affine map (rotation + scale + crop in one pass) with bilinear
/// sampling, supersampled n x n when the map shrinks (n = ceil(source pixels per output pixel), at most 4) so that
/// downscaling averages instead of aliasing. Output pixels whose centre falls outside the source get
/// <c>fill</c> and are marked invalid, except below the source's lower edge, where the last row is repeated (the
/// body continues downwards; a flat cut across the chest would look wrong).
/// </summary>
internal static class AffineResampler
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static RgbImage Warp(RgbImage src, AffineMap map, int width, int height, (byte R, byte G, byte B) fill, Span<byte> valid)
    {
        var dst = new RgbImage(width, height);
        int sw = src.Width, sh = src.Height;
        ReadOnlySpan<byte> s = src.Pixels;
        Span<byte> d = dst.Pixels;
        int n = Math.Clamp((int)Math.Ceiling(map.Scale - 0.05), 1, 4);
        float inv = 1f / (n * n);

        // The map is affine: step the source coordinates incrementally (x/y move by A11/A21 per output column).
        float dxu = (float)map.A11, dyu = (float)map.A21;
        Span<float> subX = stackalloc float[16];
        Span<float> subY = stackalloc float[16];
        for (int j = 0, k = 0; j < n; j++)
        {
            for (int i = 0; i < n; i++, k++)
            {
                // Offsets of the sub-sample (i, j) from the pixel's corner, in source units, minus the half-pixel shift.
                double ou = (i + 0.5) / n, ov = (j + 0.5) / n;
                subX[k] = (float)((map.A11 * ou) + (map.A12 * ov)) - 0.5f;
                subY[k] = (float)((map.A21 * ou) + (map.A22 * ov)) - 0.5f;
            }
        }

        int samples = n * n;
        for (int v = 0; v < height; v++)
        {
            (double rowX, double rowY) = map.Apply(0, v);
            (double cx0, double cy0) = map.Apply(0.5, v + 0.5);
            float cornerX = (float)rowX, cornerY = (float)rowY, centreX = (float)cx0, centreY = (float)cy0;
            for (int u = 0; u < width; u++, cornerX += dxu, cornerY += dyu, centreX += dxu, centreY += dyu)
            {
                int di = ((v * width) + u) * 3;
                bool inside = centreX >= 0 && centreX <= sw && centreY >= 0;
                if (!inside)
                {
                    d[di] = fill.R;
                    d[di + 1] = fill.G;
                    d[di + 2] = fill.B;
                    valid[(v * width) + u] = 0;
                    continue;
                }

                valid[(v * width) + u] = 1;
                float r = 0, g = 0, b = 0;
                for (int k = 0; k < samples; k++)
                {
                    Sample(s, sw, sh, cornerX + subX[k], cornerY + subY[k], out float sr, out float sg, out float sb);
                    r += sr;
                    g += sg;
                    b += sb;
                }

                d[di] = (byte)Math.Clamp((r * inv) + 0.5f, 0, 255);
                d[di + 1] = (byte)Math.Clamp((g * inv) + 0.5f, 0, 255);
                d[di + 2] = (byte)Math.Clamp((b * inv) + 0.5f, 0, 255);
            }
        }

        return dst;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Sample(ReadOnlySpan<byte> s, int w, int h, float x, float y, out float r, out float g, out float b)
    {
        x = Math.Clamp(x, 0, w - 1);
        y = Math.Clamp(y, 0, h - 1);
        int x0 = (int)x, y0 = (int)y;
        int x1 = Math.Min(x0 + 1, w - 1), y1 = Math.Min(y0 + 1, h - 1);
        float fx = x - x0, fy = y - y0;
        int i00 = ((y0 * w) + x0) * 3, i01 = ((y0 * w) + x1) * 3, i10 = ((y1 * w) + x0) * 3, i11 = ((y1 * w) + x1) * 3;
        float w00 = (1 - fx) * (1 - fy), w01 = fx * (1 - fy), w10 = (1 - fx) * fy, w11 = fx * fy;
        r = (s[i00] * w00) + (s[i01] * w01) + (s[i10] * w10) + (s[i11] * w11);
        g = (s[i00 + 1] * w00) + (s[i01 + 1] * w01) + (s[i10 + 1] * w10) + (s[i11 + 1] * w11);
        b = (s[i00 + 2] * w00) + (s[i01 + 2] * w01) + (s[i10 + 2] * w10) + (s[i11 + 2] * w11);
    }
}
