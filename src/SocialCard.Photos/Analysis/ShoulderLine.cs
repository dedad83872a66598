using SocialCard.Imaging;
using SocialCard.Photos.Faces;

namespace SocialCard.Photos.Analysis;

/// <summary>
/// The shoulder line: for column pairs mirrored about the face centre at 0.55-0.85 face widths, the upper edge of the
/// body, climbing from the lower edge through the person (pixels differing from the background colour by more than
/// <see cref="Tolerance"/>, summed over the channels) to the first three background rows; columns where the person
/// reaches up to the eye line (hair, the head) or that start in the background give no edge. The tilt is the angle of the median height difference over the
/// pairs: 0 for level shoulders, positive when the shoulder on the image's right is lower. Needs at least
/// <see cref="MinPairs"/> pairs, and at least half of the candidate pairs, where both edges were found (light clothing on a white background may hide them, and
/// tight crops leave little of the shoulders), and a consistent outline: the interquartile range of the pair
/// differences at most <see cref="MaxSpreadShare"/> face widths (long hair or an arm on one side breaks it).
/// </summary>
public sealed class ShoulderLine
{
    public const int Tolerance = 30;
    public const int MinPairs = 12;
    public const double MaxSpreadShare = 0.06;

    private ShoulderLine(double tiltDegrees, int pairs, double leftY, double rightY, double spread)
    {
        Spread = spread;
        TiltDegrees = tiltDegrees;
        Pairs = pairs;
        LeftY = leftY;
        RightY = rightY;
    }

    /// <summary>Angle of the shoulder line, degrees; positive when the image-right shoulder is lower.</summary>
    public double TiltDegrees { get; }

    /// <summary>Column pairs the angle was measured on.</summary>
    public int Pairs { get; }

    /// <summary>
    /// Interquartile range of the left/right height differences over the pairs, pixels: small for a clean shoulder
    /// line (level or tilted), large when hair or an arm breaks the outline on one side.
    /// </summary>
    public double Spread { get; }

    /// <summary>Median shoulder edge row on the image's left.</summary>
    public double LeftY { get; }

    public double RightY { get; }

    public static ShoulderLine? Measure(RgbImage image, (byte R, byte G, byte B) background, ObservedFace face)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(face);
        double w = face.FaceWidth;
        if (w < 8)
        {
            return null;
        }

        double cx = face.EyeMidpoint.X;
        int yStop = Math.Clamp((int)Math.Round(face.EyeMidpoint.Y), 0, image.Height - 1);
        int dMin = (int)Math.Round(0.55 * w);
        int dMax = (int)Math.Round(0.85 * w);
        int pairsMax = ((dMax - dMin) / 2) + 1;
        Span<double> diffs = pairsMax <= 256 ? stackalloc double[pairsMax] : new double[pairsMax];
        Span<double> lefts = pairsMax <= 256 ? stackalloc double[pairsMax] : new double[pairsMax];
        Span<double> rights = pairsMax <= 256 ? stackalloc double[pairsMax] : new double[pairsMax];
        int n = 0;
        double sumD = 0;
        for (int d = dMin; d <= dMax; d += 2)
        {
            int xl = (int)Math.Round(cx - d);
            int xr = (int)Math.Round(cx + d);
            if (xl < 0 || xr >= image.Width)
            {
                continue;
            }

            int? yl = EdgeAbove(image, background, xl, yStop);
            int? yr = EdgeAbove(image, background, xr, yStop);
            if (yl is null || yr is null)
            {
                continue;
            }

            diffs[n] = yr.Value - yl.Value;
            lefts[n] = yl.Value;
            rights[n] = yr.Value;
            sumD += d;
            n++;
        }

        // Both edges must be found on at least half of the candidate pairs: light clothing on white leaves scattered
        // edges (a fold, a shadow) that can look consistent over a few pairs while the real outline is lost.
        if (n < Math.Max(MinPairs, (pairsMax + 1) / 2))
        {
            return null;
        }

        double meanD = sumD / n;
        double medianDiff = Median(diffs[..n]);
        double spread = diffs[(3 * n) / 4] - diffs[n / 4];
        if (spread > MaxSpreadShare * w)
        {
            return null;
        }

        double tilt = Math.Atan2(medianDiff, 2 * meanD) * 180 / Math.PI;
        return new ShoulderLine(tilt, n, Median(lefts[..n]), Median(rights[..n]), spread);
    }

    /// <summary>
    /// Climbs the column from the lower edge (past any background below the body, e.g. the blank corner of a rotated
    /// photo) through the person; the shoulder edge is the last person row before three background rows. Null when the
    /// column never meets the person or the person reaches up to <paramref name="yStop"/> (hair or the head, not a
    /// shoulder).
    /// </summary>
    private static int? EdgeAbove(RgbImage image, (byte R, byte G, byte B) bg, int x, int yStop)
    {
        int o = x * 3;
        int run = 0;
        bool inPerson = false;
        for (int y = image.Height - 1; y >= yStop; y--)
        {
            ReadOnlySpan<byte> row = image.Row(y);
            int d = Math.Abs(row[o] - bg.R) + Math.Abs(row[o + 1] - bg.G) + Math.Abs(row[o + 2] - bg.B);
            if (d > Tolerance)
            {
                inPerson = true;
                run = 0;
                continue;
            }

            if (inPerson && ++run == 3)
            {
                return y + 3;
            }
        }

        return null;
    }

    private static double Median(Span<double> values)
    {
        values.Sort();
        int m = values.Length / 2;
        return values.Length % 2 == 1 ? values[m] : (values[m - 1] + values[m]) / 2;
    }
}
