using System.Drawing;
using SocialCard.Imaging;
using SocialCard.Imaging.Processing.Color;
using SocialCard.Photos.Analysis;
using SocialCard.Photos.Fixes.Segmentation;

namespace SocialCard.Photos.Fixes.Geometry;

/// <summary>
/// The head top (hair, or scalp when bald) above the eyes when there is no person matte, in the levelled frame, with the
/// checker's hair-top scan (<see cref="HairTopMeasure.Scan{TRows}"/>): rows run upwards from the brows along the head's
/// vertical axis, each a band 0.8 face widths wide whose samples differ from the wall model or not; the head ends where
/// <see cref="GapFraction"/> of the face width of consecutive rows show only wall. Works at source resolution before any
/// resampling.
/// </summary>
internal static class HairTopFinder
{
    private const double BandHalfWidth = 0.40;
    private const double GapFraction = 0.025;

    /// <summary>Result: height of the head top above the eye line (source pixels, levelled), and whether the head
    /// reaches the source's upper edge (hair cut off in the original).</summary>
    public readonly record struct HairTop(double AboveEyes, bool Clipped);

    public static HairTop Find(RgbImage src, BackgroundColourModel wall, PointF eyeMid, double rollDegrees, double faceWidth, double startAboveEyes)
    {
        var rows = new WallContrastRows(src, wall, eyeMid, rollDegrees, faceWidth, startAboveEyes);
        (int? row, bool clipped) = HairTopMeasure.Scan(ref rows, Math.Max(3, (int)(GapFraction * faceWidth)));
        return new HairTop(startAboveEyes + (row ?? 0), clipped);
    }

    /// <summary>Levelled rows above the eyes (one source pixel apart), sampled on a band across the head; a sample differs
    /// when its Lab distance from the wall model there is above 3.5 wall sigmas (at least 10).</summary>
    private readonly struct WallContrastRows : IHeadRows
    {
        private readonly RgbImage _src;
        private readonly BackgroundColourModel _wall;
        private readonly PointF _eyeMid;
        private readonly double _cos, _sin, _half, _step, _start, _threshold;

        public WallContrastRows(RgbImage src, BackgroundColourModel wall, PointF eyeMid, double rollDegrees, double faceWidth, double startAboveEyes)
        {
            double r = rollDegrees * Math.PI / 180.0;
            (_src, _wall, _eyeMid) = (src, wall, eyeMid);
            (_cos, _sin) = (Math.Cos(r), Math.Sin(r));
            _half = BandHalfWidth * faceWidth;
            _step = Math.Max(1, faceWidth / 150);
            _start = startAboveEyes;
            _threshold = Math.Max(10, 3.5 * wall.Sigma);
            double maxT = (eyeMid.Y / Math.Max(0.5, _cos)) + faceWidth;
            Count = maxT > startAboveEyes ? (int)Math.Ceiling(maxT - startAboveEyes) : 0;
        }

        public int Count { get; }

        public int Differing(int k, int enough, out int inside)
        {
            int w = _src.Width, h = _src.Height;
            ReadOnlySpan<byte> px = _src.Pixels;
            double t = _start + k;
            int head = 0;
            inside = 0;
            for (double x = -_half; x <= _half; x += _step)
            {
                // levelled (x, -t) -> source
                double sx = _eyeMid.X + (_cos * x) + (_sin * t);
                double sy = _eyeMid.Y + (_sin * x) - (_cos * t);
                int ix = (int)sx, iy = (int)sy;
                if (sx < 0 || sy < 0 || ix >= w || iy >= h)
                {
                    continue;
                }

                inside++;
                int i = ((iy * w) + ix) * 3;
                (float l, float a, float b) = ColorSpace.ToLabSingle(px[i], px[i + 1], px[i + 2]);
                if (_wall.Distance(ix, iy, l, a, b) > _threshold)
                {
                    head++;
                }
            }

            return head;
        }
    }
}
