using SocialCard.Imaging;
using SocialCard.Imaging.Processing.Color;
using SocialCard.Photos.Fixes.Segmentation;

namespace SocialCard.Photos.Tests.Fixes.Support;

/// <summary>
/// A fringe of the old background's hue at the person's edge after the cut-out: on white, every edge pixel should lie
/// on the line from the person's own colour nearby to white (alpha * person + (1 - alpha) * white). Measured on the
/// edge band (opacity at least one half, within 3 px of a pixel under one half) above <c>lastRow</c>: the share of
/// pixels whose chroma (CIELAB a*, b*) is more than 12 off the nearest point of that line, the person's colour being the
/// crop's mean over the person pixels at least 4 px inside the edge, within 8 px (pixels darker than it by more than
/// 10 L*, hair above skin, are another material and left out). Off the line means a hue neither the
/// person nor white has: the wall's blue, purple or green left in the hair or at the skull.
/// </summary>
internal static class EdgeFringe
{
    private const double MaxChromaOff = 12;

    /// <summary>An edge pixel this much darker (L*) than the person's colour nearby is another material (a line of dark
    /// hair above the skin), not a blend of that colour with white: left out.</summary>
    private const double OtherMaterial = 10;

    public static double Share(RgbImage crop, RgbImage cutOut, float[] alpha, int lastRow)
    {
        int w = crop.Width, h = crop.Height, n = w * h;
        float[] solid = new float[n], low = new float[n], nearSolid = new float[n], nearLow = new float[n], inside = new float[n];
        for (int i = 0; i < n; i++)
        {
            solid[i] = alpha[i] >= 1f ? 1 : 0;
            low[i] = alpha[i] < 0.5f ? 1 : 0;
        }

        BoxFilter.Mean(solid, nearSolid, w, h, 4);
        BoxFilter.Mean(low, nearLow, w, h, 3);
        for (int i = 0; i < n; i++)
        {
            inside[i] = nearSolid[i] >= 0.999f ? 1 : 0;
        }

        (float[] ms, float[] mr, float[] mg, float[] mb) = BoxFilter.SelectedColourMeans(crop.Pixels, inside, w, h, 8);
        ReadOnlySpan<byte> o = cutOut.Pixels;
        int band = 0, off = 0;
        for (int i = 0; i < Math.Min(n, lastRow * w); i++)
        {
            if (alpha[i] < 0.5f || nearLow[i] < 0.02f || ms[i] < 0.02f)
            {
                continue;
            }

            double pr = mr[i] / ms[i], pg = mg[i] / ms[i], pb = mb[i] / ms[i];
            Lab got = ColorSpace.ToLab(o[i * 3], o[(i * 3) + 1], o[(i * 3) + 2]);
            if (got.L < ColorSpace.ToLab(pr, pg, pb).L - OtherMaterial)
            {
                continue;
            }

            band++;
            double dr = 255 - pr, dg = 255 - pg, db = 255 - pb;
            double t = Math.Clamp((((o[i * 3] - pr) * dr) + ((o[(i * 3) + 1] - pg) * dg) + ((o[(i * 3) + 2] - pb) * db)) / Math.Max(1, (dr * dr) + (dg * dg) + (db * db)), 0, 1);
            Lab line = ColorSpace.ToLab(pr + (t * dr), pg + (t * dg), pb + (t * db));
            off += Math.Sqrt(Math.Pow(got.A - line.A, 2) + Math.Pow(got.B - line.B, 2)) > MaxChromaOff ? 1 : 0;
        }

        return band == 0 ? 0 : off / (double)band;
    }
}
