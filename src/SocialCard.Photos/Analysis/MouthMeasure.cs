using System.Drawing;
using SocialCard.Imaging;
using SocialCard.Imaging.Processing.Color;
using SocialCard.Photos.Faces;

namespace SocialCard.Photos.Analysis;

/// <summary>
/// The mouth of a face read from its own lip landmarks (refined face frame, see <c>LandmarkFrame</c>), normalised to the
/// person's mouth, skin and light so neither the photo's scale nor the person's complexion moves it.
/// <list type="bullet">
/// <item><see cref="Opening"/>: the inner-lip gap (mean of |61-67|, |62-66|, |63-65|) over the mouth width (outer
/// corners 48-54): 0 for closed lips, about 0.1-0.3 for lips parted over teeth, more for an open mouth.</item>
/// <item><see cref="Teeth"/>: the share of the lip area (outer-lip polygon 48-59) whose pixels are teeth: at least as
/// light as the person's own skin (CIELAB L* of the skin zone's median, minus <see cref="TeethLightnessBelowSkin"/>) and
/// paler than both skin and lips (C* below <see cref="TeethChromaOfSkin"/> of the skin's mean chroma). Lips and the
/// mouth cavity are darker or redder than the skin, teeth are neither, so the share is about 0 for closed lips whatever
/// the complexion, and a smile that shows the teeth reads several percent.</item>
/// </list>
/// </summary>
public sealed record MouthMeasure(double Opening, double Teeth, double Width)
{
    /// <summary>Teeth are at most this many L* darker than the skin's median (teeth in the mouth's own shade).</summary>
    public const double TeethLightnessBelowSkin = 12;

    /// <summary>Teeth have a chroma below this share of the skin's mean chroma.</summary>
    public const double TeethChromaOfSkin = 0.6;

    /// <summary>The mouth of <paramref name="face"/>; null without landmarks or for a mouth under 8 px wide.</summary>
    public static MouthMeasure? Measure(RgbImage image, ObservedFace face, double skinLightness, double skinChroma)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(face);
        if (!face.HasLandmarks)
        {
            return null;
        }

        IReadOnlyList<PointF> p = face.Landmarks;
        double width = Distance(p[48], p[54]);
        if (width < 8)
        {
            return null;
        }

        double gap = (Distance(p[61], p[67]) + Distance(p[62], p[66]) + Distance(p[63], p[65])) / 3;
        Span<PointF> lips = stackalloc PointF[12];
        Span<PointF> inner = stackalloc PointF[8];
        float x0 = float.MaxValue, y0 = float.MaxValue, x1 = float.MinValue, y1 = float.MinValue;
        for (int i = 0; i < lips.Length; i++)
        {
            lips[i] = p[48 + i];
            x0 = Math.Min(x0, lips[i].X);
            x1 = Math.Max(x1, lips[i].X);
            y0 = Math.Min(y0, lips[i].Y);
            y1 = Math.Max(y1, lips[i].Y);
        }

        for (int i = 0; i < inner.Length; i++)
        {
            inner[i] = p[60 + i];
        }

        double minL = skinLightness - TeethLightnessBelowSkin;
        double maxC = TeethChromaOfSkin * skinChroma;
        int area = 0, teeth = 0;
        int xs = Math.Max(0, (int)x0), xe = Math.Min(image.Width - 1, (int)x1 + 1);
        int ys = Math.Max(0, (int)y0), ye = Math.Min(image.Height - 1, (int)y1 + 1);
        for (int y = ys; y <= ye; y++)
        {
            ReadOnlySpan<byte> row = image.Row(y);
            for (int x = xs; x <= xe; x++)
            {
                if (!Inside(lips, x + 0.5f, y + 0.5f))
                {
                    continue;
                }

                area++;
                if (!Inside(inner, x + 0.5f, y + 0.5f))
                {
                    continue;
                }

                int o = x * 3;
                Lab lab = ColorSpace.ToLab(row[o], row[o + 1], row[o + 2]);
                if (lab.L >= minL && lab.Chroma < maxC)
                {
                    teeth++;
                }
            }
        }

        return new MouthMeasure(gap / width, area == 0 ? 0 : (double)teeth / area, width);
    }

    /// <summary>Even-odd point-in-polygon test.</summary>
    internal static bool Inside(ReadOnlySpan<PointF> poly, float x, float y)
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

    private static double Distance(PointF a, PointF b) => Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));
}
