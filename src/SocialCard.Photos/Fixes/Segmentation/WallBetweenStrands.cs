using System.Drawing;
using SocialCard.Imaging;
using SocialCard.Imaging.Processing.Luminance;
using SocialCard.Photos.Fixes.Geometry;

namespace SocialCard.Photos.Fixes.Segmentation;

/// <summary>
/// A flag's red seen between the strands of dark hair at the hair's edge: the matte calls those pixels solid person,
/// and the un-mixing leaves a solid pixel as it is, so red streaks stayed inside the hair (voteview_020106). Within
/// <see cref="EdgeReach"/> px of the clear wall, where the clear wall within <see cref="WallReach"/> px shows a flag's
/// red (red above green and blue by <see cref="MinWallRed"/> or more, green not above blue: no hair's hue), a pixel
/// of a red hue (green not above blue) whose colour lies on the line from the dark hair nearby (the mean of the solid
/// pixels within <see cref="PersonReach"/> px not alike that red, <see cref="MatteCleanup.Alike"/>; its luminance
/// <see cref="MaxHairLuma"/> or less and not itself of the red's hue) to that red, at least <see cref="MinMix"/> of the
/// way and within <see cref="OffLine"/> of the line's length from it, is the red mixed into the hair: its colour
/// becomes the hair's. Its opacity stays (the hair is there, in front of the wall; a white fleck inside black hair
/// reads as a hole). Runs after the foreground estimate.
/// </summary>
internal static class WallBetweenStrands
{
    /// <summary>Least excess of red over green and blue of the wall's red.</summary>
    private const int MinWallRed = 90;

    /// <summary>Most excess of red over green and blue of the hair's colour (a dark red jacket in shade is no hair).</summary>
    private const int MaxHairRed = 45;

    /// <summary>Half side (px) of the square the wall's red is read over.</summary>
    private const int WallReach = 24;

    /// <summary>Half side (px) of the square that must hold clear pixels: the hair's outer band.</summary>
    private const int EdgeReach = 16;

    /// <summary>Half side (px) of the square the hair's colour is read over.</summary>
    private const int PersonReach = 5;

    /// <summary>Least RGB distance between the hair's colour and the wall's red.</summary>
    private const float MinContrast = 40f;

    /// <summary>Most distance of the pixel from the line from hair to red, as a share of its length.</summary>
    private const float OffLine = 0.35f;

    /// <summary>Least share of the way from the hair's colour to the red.</summary>
    private const float MinMix = 0.15f;

    /// <summary>Most luminance (of 255) of the hair's colour: dark hair (skin and light hair are left as they are).</summary>
    private const float MaxHairLuma = 70f;

    /// <summary>Least excess of red over green and blue of the clear pixels read as the red in shade.</summary>
    private const int MinShadeRed = 50;

    /// <summary>Least excess of red over green and blue of a pixel taken as the red in shade.</summary>
    private const int MinShadePixelRed = 30;

    /// <summary>Half side (px) of the square the brown hair's colour is read over beside the red in shade.</summary>
    private const int BrownReach = 12;

    /// <summary>Least luminance of the brown hair's colour: darker, its hue is not read (a neck's shadow by a red collar).</summary>
    private const float MinBrownLuma = 30f;

    /// <summary>Most excess of the pixel's green over the brown hair's: a mix of the hair and the red is no greener.</summary>
    private const int MaxGreenOverHair = 10;

    /// <summary>Most RGB distance of the pixel from the clear pixels' red nearby (a bright red collar beside a dark red
    /// wall is not that red).</summary>
    private const float MaxFromShadeRed = 60f;

    /// <summary>Half side (px) of the square the dark hair's colour is read over around a gap (a gap is up to 20 px across).</summary>
    private const int GapHairReach = 16;

    /// <summary>Most luminance of brown hair around a gap (lit auburn strands read 70-90).</summary>
    private const float MaxBrownGapLuma = 90f;

    /// <summary>Least share of the square around a gap that is brown hair (the hair beside a frame's edge is half cut off
    /// and mixed with the flag's red).</summary>
    private const float MinBrownShare = 0.15f;

    /// <summary>How far beyond the jaw's outer landmarks, as a share of the distance between them, the red between brown
    /// strands is read: the ears lie within it (a red-lit ear is of the flag's hue).</summary>
    private const float BesideFace = 0.15f;

    /// <summary>Half side (px) of the square the wall's red is read over for a gap inside the hair.</summary>
    private const int GapWallReach = 48;

    /// <summary>Most spread of a dark hair pixel's red, green and blue around a gap (black or dark grey hair; no jacket of
    /// a colour).</summary>
    private const int MaxHairChroma = 30;

    /// <summary>Least share of the square around a gap that is dark hair: a gap lies inside the hair, a red jacket or
    /// scarf is no gap.</summary>
    private const float MinHairShare = 0.4f;

    /// <summary>Least excess of red over green and blue that keeps a pixel out of the hair's colour around a gap.</summary>
    private const int MinGapRed = 15;

    /// <summary>Least share of the way from the hair's colour to the red, along the plane with grey, of a pixel taken
    /// as the flag seen through a gap.</summary>
    private const float MinGapMix = 0.15f;

    /// <summary>Least luminance of light (blonde, ash or golden) hair.</summary>
    private const float MinLightLuma = 120f;

    /// <summary>Least excess of green over blue of light hair, as a share of its red over green: blonde is yellow, where
    /// skin (fair or red-lit) is red over green by two or more times its green over blue.</summary>
    private const float LightHairCast = 0.6f;

    /// <summary>Least share of the square within <see cref="GapHairReach"/> px that is light hair (strands over the red
    /// leave a quarter of it or less as hair alone).</summary>
    private const float MinLightShare = 0.15f;

    /// <summary>Least excess of red over green and blue of a pixel taken as the red mixed into light hair.</summary>
    private const int MinLightMixRed = 20;

    /// <summary>Least share of the way from the light hair's chromaticity to the red's of a pixel taken as their mix (the
    /// shade of golden strands, more saturated than their light, reads up to 0.3).</summary>
    private const float MinLightMix = 0.4f;

    /// <summary>Least distance in chromaticity (red, green and blue over their sum) between the light hair and the red.</summary>
    private const float MinChromaContrast = 0.1f;

    /// <summary>Least luminance of the clear red beside light hair: a red in shade (a dark red wall) mixes with the hair's
    /// shade into dark strands that keep no light hair's colour to give back.</summary>
    private const float MinLitRedLuma = 60f;

    /// <summary>How far beyond the jaw's outline, as a share of the face's width, light hair is not judged: the cheeks,
    /// the jaw and the ears lit by the red lie on the same line from the hair to the red.</summary>
    private const float BesideJaw = 0.08f;

    /// <param name="wall">Pixels that are the wall where they are clear (see <see cref="ForegroundEstimator"/>).</param>
    /// <param name="foreground">The person's colours, changed in place.</param>
    /// <param name="landmarks">The 68 landmarks in the output: the red between brown strands is read beside the face only.</param>
    public static void Recolour(RgbImage image, ReadOnlySpan<byte> valid, byte[] wall, float[] alpha, RgbImage foreground, IReadOnlyList<PointF> landmarks)
    {
        int w = image.Width, h = image.Height, n = w * h;
        ReadOnlySpan<byte> px = image.Pixels;
        float[] red = new float[n];
        bool any = false;
        for (int i = 0; i < n; i++)
        {
            bool shown = valid[i] != 0 && wall[i] != 0 && alpha[i] <= 0f && Red(px[i * 3], px[(i * 3) + 1], px[(i * 3) + 2], MinWallRed);
            red[i] = shown ? 1 : 0;
            any |= shown;
        }

        if (!any)
        {
            return;
        }

        (float[] wm, float[] wr, float[] wg, float[] wb) = BoxFilter.SelectedColourMeans(px, red, w, h, WallReach);
        float[] clear = new float[n];
        for (int i = 0; i < n; i++)
        {
            clear[i] = valid[i] != 0 && alpha[i] <= 0f ? 1 : 0;
        }

        BoxFilter.Mean(clear, clear, w, h, EdgeReach);

        // The hair's own colour: solid pixels not alike the red nearby (a stripe seen between strands is not the hair).
        float[] own = new float[n];
        for (int i = 0; i < n; i++)
        {
            bool solid = valid[i] != 0 && alpha[i] >= 1f;
            own[i] = solid && (wm[i] < 1e-3f || !MatteCleanup.Alike(px[i * 3], px[(i * 3) + 1], px[(i * 3) + 2], (int)(wr[i] / wm[i]), (int)(wg[i] / wm[i]), (int)(wb[i] / wm[i]))) ? 1 : 0;
        }

        (float[] pm, float[] pr, float[] pg, float[] pb) = BoxFilter.SelectedColourMeans(px, own, w, h, PersonReach);
        Span<byte> f = foreground.Pixels;
        for (int i = 0; i < n; i++)
        {
            int p = i * 3;
            if (alpha[i] <= 0f || clear[i] < 1e-3f || wm[i] < 1e-3f || pm[i] < 1e-3f || !Red(px[p], px[p + 1], px[p + 2], 0))
            {
                continue;
            }

            float br = wr[i] / wm[i], bg = wg[i] / wm[i], bb = wb[i] / wm[i];
            float cr = pr[i] / pm[i], cg = pg[i] / pm[i], cb = pb[i] / pm[i];
            if (!Red((int)br, (int)bg, (int)bb, MinWallRed) || Red((int)cr, (int)cg, (int)cb, MaxHairRed) ||
                Bt601.Luma(cr, cg, cb) > MaxHairLuma)
            {
                continue;
            }

            float dr = br - cr, dg = bg - cg, db = bb - cb, span = (dr * dr) + (dg * dg) + (db * db);
            if (span < MinContrast * MinContrast)
            {
                continue;
            }

            float mix = (((px[p] - cr) * dr) + ((px[p + 1] - cg) * dg) + ((px[p + 2] - cb) * db)) / span;
            float or = px[p] - cr - (mix * dr), og = px[p + 1] - cg - (mix * dg), ob = px[p + 2] - cb - (mix * db);
            if (mix < MinMix || (or * or) + (og * og) + (ob * ob) > OffLine * OffLine * span)
            {
                continue;
            }

            Paint(f, p, cr, cg, cb);
        }

        // Clear pixels of a red, in shade too: the brown hair's tests read it.
        float[] shadeRed = new float[n];
        for (int i = 0; i < n; i++)
        {
            shadeRed[i] = valid[i] != 0 && alpha[i] <= 0f && Red(px[i * 3], px[(i * 3) + 1], px[(i * 3) + 2], MinShadeRed) ? 1 : 0;
        }

        InShadeBesideBrownHair(image, valid, alpha, clear, shadeRed, foreground);
        ThroughGapsInDarkHair(image, valid, alpha, red, foreground);
        // Its mean colour and share within the gap tests' reach, read once for the brown and the light hair.
        (float[] gm, float[] gr, float[] gg, float[] gb) = BoxFilter.SelectedColourMeans(px, shadeRed, w, h, GapWallReach);
        ThroughGapsInBrownHair(image, valid, alpha, gm, foreground, landmarks);
        MixedIntoLightHair(image, valid, alpha, clear, (gm, gr, gg, gb), foreground, landmarks);
    }

    /// <summary>
    /// The red in shade between brown or auburn strands (voteview_021902): the red there is darker than the clear wall's
    /// (its excess over green and blue 60-90) and within 40 in RGB of the hair beside it, so no line from the hair to
    /// the red tells a mix; the hue does: the flag's red has green not above blue, brown hair green above blue. Within
    /// <see cref="EdgeReach"/> px of the clear, where clear pixels within <see cref="WallReach"/> px show a red (excess
    /// <see cref="MinShadeRed"/> or more, green not above blue), a pixel of that hue (excess
    /// <see cref="MinShadePixelRed"/> or more) takes the colour of the brown hair within <see cref="BrownReach"/> px:
    /// the mean of the solid pixels not of the red's hue and with an excess under <see cref="MaxHairRed"/>, which must
    /// be of a brown hue (red at least green, green above blue by more than 4) and of luminance
    /// <see cref="MinBrownLuma"/> to <see cref="MaxHairLuma"/>; the pixel's green at most <see cref="MaxGreenOverHair"/>
    /// above the hair's (pink skin is greener than the hair beside it) and within <see cref="MaxFromShadeRed"/> in RGB of
    /// the clear red's mean. Black hair has no hue to tell: the line test above.
    /// </summary>
    private static void InShadeBesideBrownHair(RgbImage image, ReadOnlySpan<byte> valid, float[] alpha, float[] clear, float[] red, RgbImage foreground)
    {
        int w = image.Width, h = image.Height, n = w * h;
        ReadOnlySpan<byte> px = image.Pixels;
        float[] own = new float[n];
        for (int i = 0; i < n; i++)
        {
            int r = px[i * 3], g = px[(i * 3) + 1], b = px[(i * 3) + 2];
            own[i] = valid[i] != 0 && alpha[i] >= 1f && !Red(r, g, b, 0) && r - Math.Max(g, b) < MaxHairRed ? 1 : 0;
        }

        (float[] wm, float[] wr, float[] wg, float[] wb) = BoxFilter.SelectedColourMeans(px, red, w, h, WallReach);
        (float[] pm, float[] pr, float[] pg, float[] pb) = BoxFilter.SelectedColourMeans(px, own, w, h, BrownReach);
        Span<byte> f = foreground.Pixels;
        for (int i = 0; i < n; i++)
        {
            int p = i * 3;
            if (alpha[i] <= 0f || clear[i] < 1e-3f || wm[i] < 1e-3f || pm[i] < 1e-3f || !Red(px[p], px[p + 1], px[p + 2], MinShadePixelRed))
            {
                continue;
            }

            float cr = pr[i] / pm[i], cg = pg[i] / pm[i], cb = pb[i] / pm[i], luma = Bt601.Luma(cr, cg, cb);
            if (cr < cg || cg <= cb + 4 || luma < MinBrownLuma || luma > MaxHairLuma || px[p + 1] > cg + MaxGreenOverHair)
            {
                continue;
            }

            float dr = px[p] - (wr[i] / wm[i]), dg = px[p + 1] - (wg[i] / wm[i]), db = px[p + 2] - (wb[i] / wm[i]);
            if ((dr * dr) + (dg * dg) + (db * db) > MaxFromShadeRed * MaxFromShadeRed)
            {
                continue;
            }

            Paint(f, p, cr, cg, cb);
        }
    }

    /// <summary>
    /// The flag seen through gaps deeper inside dark hair (voteview_021738: a red patch and a pink one, red mixed with
    /// the flag's white, 20-40 px inside black hair that hangs to the shoulder), beyond the outer band the line test
    /// reads. A mix of dark hair, the flag's red and its white (or a highlight) is off the line from the hair to the red,
    /// but within the plane the hair, the red and grey span: the pixel less the hair's colour is a part of the way to the
    /// red and a part along grey. Where clear pixels within <see cref="GapWallReach"/> px show a flag's red, and at least
    /// <see cref="MinHairShare"/> of the square within <see cref="GapHairReach"/> px is dark hair (solid, luminance
    /// <see cref="MaxHairLuma"/> or less, its red, green and blue within <see cref="MaxHairChroma"/> of each other, not of
    /// the red's hue with an excess of <see cref="MinGapRed"/> or more: a red jacket or scarf, a navy or blue one, a
    /// brown neck's shade are no such hair), a pixel of the red's hue (green not above blue; skin and brown hair have
    /// green above blue) at least <see cref="MinGapMix"/> of the way to the red along that plane and within
    /// <see cref="OffLine"/> of the red's distance from it takes that hair's mean colour. Grey highlights of the hair lie
    /// along grey, 0.1 or less of the way to the red; the flag's white alone, without its red, is no hue to tell from a
    /// highlight and stays.
    /// </summary>
    private static void ThroughGapsInDarkHair(RgbImage image, ReadOnlySpan<byte> valid, float[] alpha, float[] red, RgbImage foreground)
    {
        int w = image.Width, h = image.Height, n = w * h;
        ReadOnlySpan<byte> px = image.Pixels;
        (float[] wm, float[] wr, float[] wg, float[] wb) = BoxFilter.SelectedColourMeans(px, red, w, h, GapWallReach);
        float[] own = new float[n];
        for (int i = 0; i < n; i++)
        {
            int r = px[i * 3], g = px[(i * 3) + 1], b = px[(i * 3) + 2];
            own[i] = valid[i] != 0 && alpha[i] >= 1f && !Red(r, g, b, MinGapRed) && Bt601.Luma((float)r, g, b) <= MaxHairLuma &&
                Math.Max(r, Math.Max(g, b)) - Math.Min(r, Math.Min(g, b)) <= MaxHairChroma ? 1 : 0;
        }

        (float[] pm, float[] pr, float[] pg, float[] pb) = BoxFilter.SelectedColourMeans(px, own, w, h, GapHairReach);
        Span<byte> f = foreground.Pixels;
        for (int i = 0; i < n; i++)
        {
            int p = i * 3;
            if (alpha[i] <= 0f || wm[i] < 1e-3f || pm[i] < MinHairShare || !Red(px[p], px[p + 1], px[p + 2], 0))
            {
                continue;
            }

            float cr = pr[i] / pm[i], cg = pg[i] / pm[i], cb = pb[i] / pm[i];

            // The red less the hair, and the pixel less the hair, each without its grey part: the share of the way to the
            // red is their projection; what is left off that line is the pixel's distance from the plane.
            float dr = (wr[i] / wm[i]) - cr, dg = (wg[i] / wm[i]) - cg, db = (wb[i] / wm[i]) - cb;
            float qr = px[p] - cr, qg = px[p + 1] - cg, qb = px[p + 2] - cb;
            float dm = (dr + dg + db) / 3f, qm = (qr + qg + qb) / 3f;
            float ur = dr - dm, ug = dg - dm, ub = db - dm, vr = qr - qm, vg = qg - qm, vb = qb - qm;
            float chroma = (ur * ur) + (ug * ug) + (ub * ub), span = (dr * dr) + (dg * dg) + (db * db);
            if (chroma < MinContrast * MinContrast)
            {
                continue;
            }

            float mix = ((vr * ur) + (vg * ug) + (vb * ub)) / chroma;
            float or = vr - (mix * ur), og = vg - (mix * ug), ob = vb - (mix * ub);
            if (mix < MinGapMix || (or * or) + (og * og) + (ob * ob) > OffLine * OffLine * span)
            {
                continue;
            }

            Paint(f, p, cr, cg, cb);
        }
    }

    /// <summary>
    /// The flag's red seen through gaps deeper inside brown or auburn hair (voteview_021902: a red blob of about 15x30 px
    /// 10-25 px inside the hair that hangs beside the neck), beyond the band of the red in shade. The clear red at the
    /// frame there is in shade and darker than the red in the gap, so no line or plane from the hair to it tells a mix;
    /// the hue does, as in the shade test: brown hair has green above blue, the flag's red green not above blue. Brown
    /// skin has the hair's hue too, so only beside the face: above the chin and beyond the jaw's outer landmarks by
    /// <see cref="BesideFace"/> of the face's width (the ears, the neck, a collar and red clothes lie below, between or
    /// within them). There, where clear
    /// pixels within <see cref="GapWallReach"/> px show a red (excess <see cref="MinShadeRed"/> or more) and at least
    /// <see cref="MinBrownShare"/> of the square within <see cref="GapHairReach"/> px is brown hair (solid, red at least
    /// green, green above blue by more than 4, luminance <see cref="MinBrownLuma"/> to <see cref="MaxBrownGapLuma"/>), a
    /// pixel of the red's hue with an excess of <see cref="MinShadePixelRed"/> or more takes that hair's mean colour.
    /// Opacity stays.
    /// </summary>
    /// <param name="wm">The share of the square within <see cref="GapWallReach"/> px that is clear red in shade.</param>
    private static void ThroughGapsInBrownHair(RgbImage image, ReadOnlySpan<byte> valid, float[] alpha, float[] wm, RgbImage foreground, IReadOnlyList<PointF> landmarks)
    {
        int w = image.Width, h = image.Height, n = w * h;
        ReadOnlySpan<byte> px = image.Pixels;
        float[] own = new float[n];
        for (int i = 0; i < n; i++)
        {
            int r = px[i * 3], g = px[(i * 3) + 1], b = px[(i * 3) + 2];
            float luma = Bt601.Luma((float)r, g, b);
            own[i] = valid[i] != 0 && alpha[i] >= 1f && r >= g && g > b + 4 && luma >= MinBrownLuma && luma <= MaxBrownGapLuma ? 1 : 0;
        }

        (float[] pm, float[] pr, float[] pg, float[] pb) = BoxFilter.SelectedColourMeans(px, own, w, h, GapHairReach);
        float chin = landmarks[8].Y;
        float jaw0 = Math.Min(landmarks[0].X, landmarks[16].X), jaw1 = Math.Max(landmarks[0].X, landmarks[16].X);
        float left = jaw0 - (BesideFace * (jaw1 - jaw0)), right = jaw1 + (BesideFace * (jaw1 - jaw0));
        Span<byte> f = foreground.Pixels;
        for (int y = 0; y < Math.Min(h, (int)chin); y++)
        {
            for (int x = 0; x < w; x++)
            {
                int i = (y * w) + x, p = i * 3;
                if ((x >= left && x <= right) || alpha[i] <= 0f || wm[i] < 1e-3f || pm[i] < MinBrownShare ||
                    !Red(px[p], px[p + 1], px[p + 2], MinShadePixelRed))
                {
                    continue;
                }

                Paint(f, p, pr[i] / pm[i], pg[i] / pm[i], pb[i] / pm[i]);
            }
        }
    }

    /// <summary>
    /// The flag's red mixed into the ends of light hair (voteview_021300: blonde strands over a red stripe, below the ear
    /// down to the shoulder). Blonde mixed with the red has green above blue, so the hue tests do not read it, and fair
    /// skin lies on the same line in RGB from blonde to red, so the line test does not either; the light of the photo
    /// does not tell them apart, the chromaticity does (red, green and blue over their sum: a strand's shade keeps its
    /// chromaticity, a mix with the red moves it to the red's). Within <see cref="EdgeReach"/> px of the clear, where
    /// clear pixels within <see cref="GapWallReach"/> px show a red (excess <see cref="MinShadeRed"/> or more, the
    /// flag's hue) whose mean is lit (luminance <see cref="MinLitRedLuma"/> or more) and at least
    /// <see cref="MinLightShare"/> of the square within <see cref="GapHairReach"/> px is light
    /// hair (solid, red at least green, green above blue by more than 8 and by <see cref="LightHairCast"/> of its red
    /// over green, luminance <see cref="MinLightLuma"/> or more), a pixel with an excess of red of
    /// <see cref="MinLightMixRed"/> or more whose chromaticity lies at least <see cref="MinLightMix"/> of the way from the
    /// hair's to the red's, within <see cref="OffLine"/> of that way's length from the line, takes the hair's mean
    /// colour. Not inside the jaw's outline or within <see cref="BesideJaw"/> of the face's width of it, nor below the
    /// jaw between its points 4 and 12 (the neck). Opacity stays.
    /// </summary>
    /// <param name="red">The clear red in shade within <see cref="GapWallReach"/> px: its share and the sums of its colour.</param>
    private static void MixedIntoLightHair(RgbImage image, ReadOnlySpan<byte> valid, float[] alpha, float[] clear, (float[] M, float[] R, float[] G, float[] B) red, RgbImage foreground, IReadOnlyList<PointF> landmarks)
    {
        int w = image.Width, h = image.Height, n = w * h;
        ReadOnlySpan<byte> px = image.Pixels;
        float[] own = new float[n];
        for (int i = 0; i < n; i++)
        {
            int r = px[i * 3], g = px[(i * 3) + 1], b = px[(i * 3) + 2];
            own[i] = valid[i] != 0 && alpha[i] >= 1f && r >= g && g > b + 8 && g - b >= LightHairCast * (r - g) &&
                Bt601.Luma((float)r, g, b) >= MinLightLuma ? 1 : 0;
        }

        (float[] wm, float[] wr, float[] wg, float[] wb) = red;
        (float[] pm, float[] pr, float[] pg, float[] pb) = BoxFilter.SelectedColourMeans(px, own, w, h, GapHairReach);
        float margin = (float)(BesideJaw * LandmarkGeometry.FaceWidth(landmarks));
        float neckTop = Math.Min(landmarks[4].Y, landmarks[12].Y);
        float neck0 = Math.Min(landmarks[4].X, landmarks[12].X), neck1 = Math.Max(landmarks[4].X, landmarks[12].X);
        Span<byte> f = foreground.Pixels;
        for (int i = 0; i < n; i++)
        {
            int p = i * 3, r = px[p], g = px[p + 1], b = px[p + 2];
            if (alpha[i] <= 0f || clear[i] < 1e-3f || wm[i] < 1e-3f || pm[i] < MinLightShare || r - Math.Max(g, b) < MinLightMixRed)
            {
                continue;
            }

            float rr = wr[i] / wm[i], rg = wg[i] / wm[i], rb = wb[i] / wm[i];
            if (Bt601.Luma(rr, rg, rb) < MinLitRedLuma)
            {
                continue;
            }

            // Chromaticities (each over its sum; none is 0: the hair is light, the red and the pixel have red).
            float cr = pr[i] / pm[i], cg = pg[i] / pm[i], cb = pb[i] / pm[i];
            float hs = cr + cg + cb, ws = rr + rg + rb, qs = r + g + b;
            float hr = cr / hs, hg = cg / hs, hb = cb / hs;
            float dr = (rr / ws) - hr, dg = (rg / ws) - hg, db = (rb / ws) - hb;
            float qr = (r / qs) - hr, qg = (g / qs) - hg, qb = (b / qs) - hb;
            float span = (dr * dr) + (dg * dg) + (db * db);
            if (span < MinChromaContrast * MinChromaContrast)
            {
                continue;
            }

            float mix = ((qr * dr) + (qg * dg) + (qb * db)) / span;
            float or = qr - (mix * dr), og = qg - (mix * dg), ob = qb - (mix * db);
            if (mix < MinLightMix || (or * or) + (og * og) + (ob * ob) > OffLine * OffLine * span)
            {
                continue;
            }

            int x = i % w, y = i / w;
            if ((y >= neckTop && x >= neck0 && x <= neck1) || LandmarkGeometry.WithinJaw(landmarks, x, y, margin))
            {
                continue;
            }

            Paint(f, p, cr, cg, cb);
        }
    }

    /// <summary>The hair's colour for the person at pixel offset <paramref name="p"/>.</summary>
    private static void Paint(Span<byte> f, int p, float r, float g, float b)
    {
        f[p] = (byte)(r + 0.5f);
        f[p + 1] = (byte)(g + 0.5f);
        f[p + 2] = (byte)(b + 0.5f);
    }

    /// <summary>Red above green and blue by at least <paramref name="least"/>, green not above blue by more than 4 (a
    /// flag's red; no hair's or skin's hue, where green stands above blue).</summary>
    internal static bool Red(int r, int g, int b, int least) => r - Math.Max(g, b) >= least && g <= b + 4;
}
