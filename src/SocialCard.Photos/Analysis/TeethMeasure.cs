using System.Drawing;
using SocialCard.Imaging;
using SocialCard.Imaging.Processing.Color;
using SocialCard.Imaging.Processing.Luminance;
using SocialCard.Photos.Faces;

namespace SocialCard.Photos.Analysis;

/// <summary>
/// Visible teeth: inside the inner-lip polygon (landmarks 60-67), the pixels that are bright (luma at least 0.7 of the
/// median skin luma) and pale (chroma below 0.6 of the mean skin chroma): teeth, unlike lips, tongue and the dark
/// mouth cavity. The count is divided by the squared eye-to-chin distance, so the share does not depend on the
/// photo's scale. A closed mouth has no pixels inside its inner-lip polygon at all.
/// </summary>
public static class TeethMeasure
{
    public static double Share(RgbImage image, LumaPlane luma, ObservedFace face, double skinMedianLuma, double skinMeanChroma)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(luma);
        ArgumentNullException.ThrowIfNull(face);
        double scale = face.EyeToChin;
        if (!face.HasLandmarks || scale <= 0)
        {
            return 0;
        }

        Span<PointF> poly = stackalloc PointF[8];
        float x0 = float.MaxValue, y0 = float.MaxValue, x1 = float.MinValue, y1 = float.MinValue;
        for (int i = 0; i < 8; i++)
        {
            PointF p = face.Landmarks[60 + i];
            poly[i] = p;
            x0 = Math.Min(x0, p.X);
            x1 = Math.Max(x1, p.X);
            y0 = Math.Min(y0, p.Y);
            y1 = Math.Max(y1, p.Y);
        }

        double minLuma = 0.7 * skinMedianLuma;
        double maxChroma = 0.6 * skinMeanChroma;
        int teeth = 0;
        int xs = Math.Max(0, (int)x0), xe = Math.Min(image.Width - 1, (int)x1 + 1);
        int ys = Math.Max(0, (int)y0), ye = Math.Min(image.Height - 1, (int)y1 + 1);
        for (int y = ys; y <= ye; y++)
        {
            ReadOnlySpan<byte> row = image.Row(y);
            ReadOnlySpan<byte> lumaRow = luma.Row(y);
            for (int x = xs; x <= xe; x++)
            {
                if (lumaRow[x] < minLuma || !Inside(poly, x + 0.5f, y + 0.5f))
                {
                    continue;
                }

                int o = x * 3;
                if (ColorSpace.ToLab(row[o], row[o + 1], row[o + 2]).Chroma < maxChroma)
                {
                    teeth++;
                }
            }
        }

        return teeth / (scale * scale);
    }

    /// <summary>Even-odd point-in-polygon test.</summary>
    private static bool Inside(ReadOnlySpan<PointF> poly, float x, float y)
    {
        bool inside = false;
        for (int i = 0, j = poly.Length - 1; i < poly.Length; j = i++)
        {
            if ((poly[i].Y > y) != (poly[j].Y > y)
                && x < ((poly[j].X - poly[i].X) * (y - poly[i].Y) / (poly[j].Y - poly[i].Y)) + poly[i].X)
            {
                inside = !inside;
            }
        }

        return inside;
    }
}
