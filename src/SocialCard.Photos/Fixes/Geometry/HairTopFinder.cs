using System.Drawing;
using SocialCard.Imaging;
using SocialCard.Imaging.Processing.Color;
using SocialCard.Photos.Fixes.Segmentation;

namespace SocialCard.Photos.Fixes.Geometry;

/// <summary>
/// Finds the top of the head (hair, or scalp when bald) above the eyes, in the levelled frame: walks rows upwards from
/// the brows along the head's vertical axis and, on a band 0.8 face widths wide, counts samples that differ from the
/// wall model; the head ends where <see cref="GapFraction"/> of the face width of consecutive rows show (almost) only
/// wall. Works at source resolution before any resampling.
/// </summary>
internal static class HairTopFinder
{
    private const double BandHalfWidth = 0.40;
    private const double HeadRowFraction = 0.06;
    private const double GapFraction = 0.025;

    /// <summary>Result: height of the head top above the eye line (source pixels, levelled), and whether the head
    /// reaches the source's upper edge (hair cut off in the original).</summary>
    public readonly record struct HairTop(double AboveEyes, bool Clipped);

    public static HairTop Find(RgbImage src, BackgroundColourModel wall, PointF eyeMid, double rollDegrees, double faceWidth, double startAboveEyes)
    {
        double r = rollDegrees * Math.PI / 180.0, c = Math.Cos(r), s = Math.Sin(r);
        int w = src.Width, h = src.Height;
        ReadOnlySpan<byte> px = src.Pixels;
        double threshold = Math.Max(10, 3.5 * wall.Sigma);
        double half = BandHalfWidth * faceWidth;
        double step = Math.Max(1, faceWidth / 150);
        int gapRows = Math.Max(3, (int)(GapFraction * faceWidth));
        double last = startAboveEyes;
        int gap = 0;
        double maxT = (eyeMid.Y / Math.Max(0.5, c)) + faceWidth;
        for (double t = startAboveEyes; t < maxT; t += 1)
        {
            int inside = 0, head = 0;
            for (double x = -half; x <= half; x += step)
            {
                // levelled (x, -t) -> source
                double sx = eyeMid.X + (c * x) + (s * t);
                double sy = eyeMid.Y + (s * x) - (c * t);
                int ix = (int)sx, iy = (int)sy;
                if (sx < 0 || sy < 0 || ix >= w || iy >= h)
                {
                    continue;
                }

                inside++;
                int i = ((iy * w) + ix) * 3;
                (float l, float a, float b) = ColorSpace.ToLabSingle(px[i], px[i + 1], px[i + 2]);
                if (wall.Distance(ix, iy, l, a, b) > threshold)
                {
                    head++;
                }
            }

            if (inside < 8)
            {
                return new HairTop(t, gap == 0);
            }

            if (head > HeadRowFraction * inside)
            {
                last = t;
                gap = 0;
            }
            else if (++gap >= gapRows)
            {
                break;
            }
        }

        return new HairTop(last, false);
    }
}
