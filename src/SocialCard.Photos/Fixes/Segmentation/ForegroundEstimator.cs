using SocialCard.Imaging;
using SocialCard.Imaging.Processing.Luminance;

namespace SocialCard.Photos.Fixes.Segmentation;

/// <summary>
/// Person colours along a soft edge with the old background taken out, so nothing of it shows once the person is put
/// on white. Each pixel near the edge is read as a mix I = a F + (1 - a) B of a person colour F and the background
/// colour B behind it, and F = (I - (1 - a) B) / a, blended towards the local person colour P (the mean of the person
/// pixels well inside the edge, within 5 px) as a falls below 0.7 (a faint pixel's un-mixing is noise). The mix a is
/// the matte's opacity, or less where the colour says so: the photo's own blur (lens, JPEG chroma) mixes the wall into
/// the outermost pixels the matte calls solid, which would show as a fringe of the wall's hue (blue, purple) around
/// the head on white; where person and background colours differ clearly, the share of P along the line from B to P
/// is the mix those pixels really hold. Pixels well inside the person and clear background keep their colour.
/// </summary>
internal static class ForegroundEstimator
{
    private const int SolidRadius = 5;

    /// <summary>Pixels within this distance (px) of the matte's soft edge may still hold the wall's colour.</summary>
    private const int EdgeBand = 3;

    /// <summary>Least RGB distance between P and B for the colour to tell the mix (closer colours leave the matte's opacity).</summary>
    private const float MinContrast = 40f;

    /// <summary>A pixel farther than this share of |P - B| from the line between them is not their mix (dark hair at
    /// the rim above the skin, say): the colour does not tell its mix and it keeps the matte's opacity.</summary>
    private const float OffLine = 0.35f;

    /// <summary>Lightness ratios to P below which an edge pixel is another material, and above which it is P's.</summary>
    private const float OtherMaterial = 0.4f;

    private const float SameMaterial = 0.7f;

    /// <param name="background">Background colour per pixel, interleaved RGB (3 floats per pixel).</param>
    public static RgbImage Estimate(RgbImage image, float[] alpha, float[] background)
    {
        int w = image.Width, h = image.Height, n = w * h;
        RgbImage fg = image.Clone();
        Span<byte> f = fg.Pixels;
        ReadOnlySpan<byte> src = image.Pixels;
        float[] solid = new float[n], near = new float[n];
        for (int i = 0; i < n; i++)
        {
            solid[i] = alpha[i] >= 1f ? 1 : 0;
        }

        BoxFilter.Mean(solid, near, w, h, EdgeBand);
        float[] inside = new float[n];
        for (int i = 0; i < n; i++)
        {
            inside[i] = near[i] >= 0.999f ? 1 : 0;
        }

        (float[] ms, float[] mr, float[] mg, float[] mb) = BoxFilter.SelectedColourMeans(src, inside, w, h, SolidRadius);
        for (int i = 0; i < n; i++)
        {
            float a = alpha[i];
            if (a <= 0f || inside[i] != 0)
            {
                continue;
            }

            int p = i * 3;
            bool known = ms[i] > 0.01f;
            float pr = known ? mr[i] / ms[i] : src[p], pg = known ? mg[i] / ms[i] : src[p + 1], pb = known ? mb[i] / ms[i] : src[p + 2];
            float br = background[p], bg = background[p + 1], bb = background[p + 2];
            float dr = pr - br, dg = pg - bg, db = pb - bb, span = (dr * dr) + (dg * dg) + (db * db);
            float mix = span > 0 ? (((src[p] - br) * dr) + ((src[p + 1] - bg) * dg) + ((src[p + 2] - bb) * db)) / span : 1f;
            float or = src[p] - br - (mix * dr), og = src[p + 1] - bg - (mix * dg), ob = src[p + 2] - bb - (mix * db);
            bool telling = known && span >= MinContrast * MinContrast && (or * or) + (og * og) + (ob * ob) <= OffLine * OffLine * span;
            if (telling)
            {
                a = Math.Min(a, Math.Max(mix, 1e-3f));
            }

            if (a >= 1f && !telling)
            {
                continue;
            }

            a = Math.Min(a, 1f);
            float er = (src[p] - ((1 - a) * br)) / a;
            float eg = (src[p + 1] - ((1 - a) * bg)) / a;
            float eb = (src[p + 2] - ((1 - a) * bb)) / a;
            if (telling)
            {
                // The hue of the person nearby at the un-mixed pixel's own lightness: what is left of the wall's hue
                // after un-mixing (the rim of a head is darker than the mean P, so it does not lie on the line) goes.
                // A pixel far darker than P is another material (a thin line of hair above the skin, a brow): it
                // keeps its own un-mixed colour.
                float k = Math.Clamp(Luma(er, eg, eb) / Math.Max(Luma(pr, pg, pb), 1f), 0f, 2f);
                float same = Math.Clamp((k - OtherMaterial) / (SameMaterial - OtherMaterial), 0f, 1f);
                er += ((pr * k) - er) * same;
                eg += ((pg * k) - eg) * same;
                eb += ((pb * k) - eb) * same;
            }

            float t = Math.Clamp((a - 0.2f) / 0.5f, 0f, 1f);
            f[p] = (byte)Math.Clamp((pr * (1 - t)) + (er * t) + 0.5f, 0, 255);
            f[p + 1] = (byte)Math.Clamp((pg * (1 - t)) + (eg * t) + 0.5f, 0, 255);
            f[p + 2] = (byte)Math.Clamp((pb * (1 - t)) + (eb * t) + 0.5f, 0, 255);
        }

        return fg;
    }

    private static float Luma(float r, float g, float b) => ((float)Bt601.Red * r) + ((float)Bt601.Green * g) + ((float)Bt601.Blue * b);
}
