using SocialCard.Imaging;
using SocialCard.Imaging.Processing.Color;
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
/// Beside a stripe of a flag the mean wall within 12 px is a mix of its stripes (red and white: pink), which explains
/// no edge pixel, so a pixel of the red kept its red (a rim on white); the wall just beside the pixel (within 3 px) is
/// read too, and where it explains the pixel better it is the one un-mixed, and where it is saturated and clearly
/// apart from the mean the pixel's opacity drops to its mix (the rim test). Last, flecks of the soft edge that still
/// show the wall's colour and none of the person's are made clear (<see cref="WallFlecks"/>).
/// </summary>
internal static class ForegroundEstimator
{
    private const int SolidRadius = 5;

    /// <summary>Where no solid person lies within <see cref="SolidRadius"/>, the person colour is read within this (px).</summary>
    private const int FarSolidRadius = 12;

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

    /// <summary>The wall just beside an edge pixel: clear wall pixels within this distance (px).</summary>
    private const int NearRadius = 3;

    /// <summary>Least channel spread of the wall beside an edge pixel for the rim test to lower its opacity (the colour
    /// rules' bound for a flag's stripe).</summary>
    private const int MinWallChroma = 90;

    /// <param name="background">Background colour per pixel, interleaved RGB (3 floats per pixel).</param>
    /// <param name="wall">Pixels (1) that may be read as the wall just beside an edge pixel where they are clear, or
    /// null. Where the mean of those within <see cref="NearRadius"/> mixed with the person colour explains an edge
    /// pixel's colour better than <paramref name="background"/>, it is the one un-mixed, and where it is a saturated
    /// colour clearly apart from <paramref name="background"/> the pixel's opacity in <paramref name="alpha"/> drops to
    /// that mix: a pixel of a stripe's own colour at the edge is wall, whatever the matte said.</param>
    public static RgbImage Estimate(RgbImage image, float[] alpha, float[] background, byte[]? wall = null)
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
        float[]? clearWall = null;
        if (wall is not null)
        {
            clearWall = solid;
            for (int i = 0; i < n; i++)
            {
                clearWall[i] = alpha[i] <= 0f && wall[i] != 0 ? 1 : 0;
            }
        }

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
            bool rim = false;
            if (clearWall is not null && Mean(src, clearWall, w, h, i, NearRadius, 1, out float nr, out float ng, out float nb))
            {
                // A wide soft edge (the matte reaching a few pixels into a stripe beside the neck) has no solid person
                // within 5 px of its outer pixels: there the person colour is read farther in, for the rim test alone.
                bool far = !known && Mean(src, inside, w, h, i, FarSolidRadius, 2, out pr, out pg, out pb);
                float misfit = Misfit(src, p, pr, pg, pb, nr, ng, nb);
                rim = (known || far) && misfit <= OffLine * OffLine && (far || misfit < Misfit(src, p, pr, pg, pb, br, bg, bb));
                if (rim)
                {
                    // Un-mixed with the wall beside it; its opacity drops only where that wall is a stripe's colour
                    // (a pale or grey wall beside light hair tells no rim from the hair's own light tips).
                    known = true;
                    rim = Apart(nr, ng, nb, br, bg, bb) && ChannelSpread.Of((int)nr, (int)ng, (int)nb) >= MinWallChroma;
                    (br, bg, bb) = (nr, ng, nb);
                }
                else if (!known)
                {
                    (pr, pg, pb) = (src[p], src[p + 1], src[p + 2]);
                }
            }

            float dr = pr - br, dg = pg - bg, db = pb - bb, span = (dr * dr) + (dg * dg) + (db * db);
            float mix = span > 0 ? (((src[p] - br) * dr) + ((src[p + 1] - bg) * dg) + ((src[p + 2] - bb) * db)) / span : 1f;
            float or = src[p] - br - (mix * dr), og = src[p + 1] - bg - (mix * dg), ob = src[p + 2] - bb - (mix * db);
            bool telling = known && span >= MinContrast * MinContrast && (or * or) + (og * og) + (ob * ob) <= OffLine * OffLine * span;
            if (telling)
            {
                a = Math.Min(a, Math.Max(mix, 1e-3f));
                if (rim)
                {
                    alpha[i] = Math.Min(alpha[i], Math.Max(mix, 0f));
                }
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
                float k = Math.Clamp(Bt601.Luma(er, eg, eb) / Math.Max(Bt601.Luma(pr, pg, pb), 1f), 0f, 2f);
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

        if (clearWall is not null)
        {
            WallFlecks.Drop(f, alpha, clearWall, inside, w, h);
        }

        return fg;
    }

    /// <summary>Whether the wall just beside the pixel differs clearly from the wider wall's mean (a stripe beside a stripe
    /// of another colour): only there can the mean have hidden the wall behind the edge.</summary>
    private static bool Apart(float r, float g, float b, float r2, float g2, float b2) =>
        ((r - r2) * (r - r2)) + ((g - g2) * (g - g2)) + ((b - b2) * (b - b2)) >= MinContrast * MinContrast;

    /// <summary>How far the pixel's colour lies off the line from the background colour to the person colour, as a
    /// share of the line's length (squared); a background too close to the person colour to tell a mix fits nothing.</summary>
    private static float Misfit(ReadOnlySpan<byte> src, int p, float pr, float pg, float pb, float br, float bg, float bb)
    {
        float dr = pr - br, dg = pg - bg, db = pb - bb, span = (dr * dr) + (dg * dg) + (db * db);
        if (span < MinContrast * MinContrast)
        {
            return float.MaxValue;
        }

        float mix = Math.Clamp((((src[p] - br) * dr) + ((src[p + 1] - bg) * dg) + ((src[p + 2] - bb) * db)) / span, 0f, 1f);
        float or = src[p] - br - (mix * dr), og = src[p + 1] - bg - (mix * dg), ob = src[p + 2] - bb - (mix * db);
        return ((or * or) + (og * og) + (ob * ob)) / span;
    }

    /// <summary>Mean colour of the selected pixels within <paramref name="radius"/> of pixel <paramref name="i"/> (every
    /// <paramref name="step"/>-th row and column); false where none is.</summary>
    private static bool Mean(ReadOnlySpan<byte> src, float[] selected, int w, int h, int i, int radius, int step, out float r, out float g, out float b)
    {
        int x0 = i % w, y0 = i / w, count = 0;
        float sr = 0, sg = 0, sb = 0;
        for (int y = Math.Max(0, y0 - radius); y <= Math.Min(h - 1, y0 + radius); y += step)
        {
            for (int x = Math.Max(0, x0 - radius); x <= Math.Min(w - 1, x0 + radius); x += step)
            {
                int j = (y * w) + x;
                if (selected[j] != 0)
                {
                    count++;
                    sr += src[j * 3];
                    sg += src[(j * 3) + 1];
                    sb += src[(j * 3) + 2];
                }
            }
        }

        (r, g, b) = count == 0 ? (0f, 0f, 0f) : (sr / count, sg / count, sb / count);
        return count > 0;
    }
}
