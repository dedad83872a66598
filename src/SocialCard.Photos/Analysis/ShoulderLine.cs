using System.Runtime.InteropServices;
using SocialCard.Faces;
using SocialCard.Imaging;
using SocialCard.Imaging.Processing.Color;
using SocialCard.Imaging.Processing.Statistics;
using SocialCard.Photos.Faces;

namespace SocialCard.Photos.Analysis;

/// <summary>
/// The shoulder line, read on the person segmentation where the check has it (<see cref="FromPerson"/>), else from the
/// colour outline (<see cref="Measure"/>).
/// <para>
/// From the colour outline: for column pairs mirrored about the face centre at 0.55-0.85 face widths, the upper edge of the
/// body, climbing from the lower edge through the person (pixels differing from the background colour by more than
/// <see cref="Tolerance"/>, summed over the channels) to the first three background rows; columns where the person
/// reaches up to the eye line (hair, the head) or that start in the background give no edge. The tilt is the angle of the median height difference over the
/// pairs: 0 for level shoulders, positive when the shoulder on the image's right is lower. Needs at least
/// <see cref="MinPairs"/> pairs, and at least half of the candidate pairs, where both edges were found (light clothing on a white background may hide them, and
/// tight crops leave little of the shoulders), and a consistent outline: the interquartile range of the pair
/// differences at most <see cref="MaxSpreadShare"/> face widths (long hair or an arm on one side breaks it).
/// </para>
/// </summary>
public sealed class ShoulderLine
{
    public const int Tolerance = 30;
    public const int MinPairs = 12;
    public const double MaxSpreadShare = 0.06;

    /// <summary>Span of the shoulder read on each side by <see cref="FromPerson"/>, face widths from the face axis.</summary>
    public const double MaskSpanFrom = 0.5;

    public const double MaskSpanTo = 0.9;

    /// <summary>Least share of a side's span where the person's upper edge must be found (not hair, not off the image).</summary>
    public const double MinSideShare = 0.35;

    /// <summary>Least height of a shoulder edge point above the photo's lower edge, face widths (a sliver of shoulder in
    /// the last rows says little about its line).</summary>
    public const double MinHeightAboveBottom = 0.1;

    /// <summary>Largest share of a column below the shoulder edge where the person may be missing.</summary>
    public const double MaxGapShare = 0.1;

    /// <summary>Largest median distance of a side's edge points from its fitted line, face widths.</summary>
    public const double MaxResidualShare = 0.02;

    private ShoulderLine(double tiltDegrees, int pairs, double leftY, double rightY, double spread, bool fromPerson = false)
    {
        FromMask = fromPerson;
        Spread = spread;
        TiltDegrees = tiltDegrees;
        Pairs = pairs;
        LeftY = leftY;
        RightY = rightY;
    }

    /// <summary>Angle of the shoulder line, degrees; positive when the image-right shoulder is lower.</summary>
    public double TiltDegrees { get; }

    /// <summary>True when read on the person segmentation (<see cref="FromPerson"/>).</summary>
    public bool FromMask { get; }

    /// <summary>Column pairs the angle was measured on (for <see cref="FromPerson"/>: edge columns on the sparser side).</summary>
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
    /// The shoulder line on the person segmentation: on each side of the face axis (the eye midpoint's column), over
    /// <see cref="MaskSpanFrom"/> to <see cref="MaskSpanTo"/> face widths, the person's upper edge per image column
    /// (scanning down from the eye line, the first point where the person probability reaches one half, interpolated
    /// between rows). A column whose person starts above the chin is the head or hair falling on the shoulder and gives
    /// no edge, nor does one whose edge lies within <see cref="MinHeightAboveBottom"/> face widths of the lower edge. Each side's edge is fitted robustly as a line of height against distance from the axis (Theil-Sen: the
    /// median of the pairwise slopes, then the median intercept), so a strand of hair or a fold moves it little; the
    /// tilt is the angle between the two sides' heights at the middle of the distances both sides cover: 0 for level
    /// shoulders whatever their slope, positive when the shoulder on the image's right is lower. Null when either side
    /// has its edge on less than <see cref="MinSideShare"/> of the span, or the sides share too little of it. Works on
    /// any mask grid from about 128 cells (it reads the bilinear probability, not the cells).
    /// </summary>
    public static ShoulderLine? FromPerson(PersonMask person, ObservedFace face)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(face);
        double w = face.FaceWidth;
        if (w < 8 || !face.HasLandmarks)
        {
            return null;
        }

        double cx = face.EyeMidpoint.X;
        double chinY = face.Chin.Y;
        int yTop = Math.Clamp((int)Math.Round(face.EyeMidpoint.Y), 0, person.ImageHeight - 1);
        Side left = Side.Read(person, cx, -1, w, yTop, chinY);
        Side right = Side.Read(person, cx, +1, w, yTop, chinY);
        int candidates = Math.Max(1, (int)Math.Round((MaskSpanTo - MaskSpanFrom) * w));
        if (left.Count < MinSideShare * candidates || right.Count < MinSideShare * candidates)
        {
            return null;
        }

        if (left.Residual > MaxResidualShare * w || right.Residual > MaxResidualShare * w)
        {
            return null;
        }

        double from = Math.Max(left.MinD, right.MinD), to = Math.Min(left.MaxD, right.MaxD);
        if (to - from < 0.1 * w)
        {
            return null;
        }

        double d = (from + to) / 2;
        double yl = left.At(d), yr = right.At(d);
        double tilt = Math.Atan2(yr - yl, 2 * d) * 180 / Math.PI;
        return new ShoulderLine(tilt, Math.Min(left.Count, right.Count), yl, yr, Math.Max(left.Residual, right.Residual), fromPerson: true);
    }

    /// <summary>
    /// Climbs the column from the lower edge (past any background below the body, e.g. the blank corner of a rotated
    /// photo) through the person; the shoulder edge is the last person row before three background rows. Null when the
    /// column never meets the person or the person reaches up to <paramref name="yStop"/> (hair or the head, not a
    /// shoulder).
    /// </summary>
    private static int? EdgeAbove(RgbImage image, (byte R, byte G, byte B) bg, int x, int yStop)
    {
        int run = 0;
        bool inPerson = false;
        for (int y = image.Height - 1; y >= yStop; y--)
        {
            ReadOnlySpan<byte> row = image.Row(y);
            if (ChannelDifferenceKernel.Difference(row, x, bg) > Tolerance)
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

    /// <summary>One side's upper edge points (distance from the axis, row) and their Theil-Sen line.</summary>
    private readonly record struct Side(int Count, double MinD, double MaxD, double Slope, double Intercept, double Residual)
    {
        public double At(double d) => Intercept + (Slope * d);

        public static Side Read(PersonMask person, double cx, int direction, double w, int yTop, double chinY)
        {
            int dFrom = (int)Math.Ceiling(MaskSpanFrom * w), dTo = (int)Math.Floor(MaskSpanTo * w);
            var ds = new List<double>(dTo - dFrom + 1);
            var ys = new List<double>(dTo - dFrom + 1);
            for (int dd = dFrom; dd <= dTo; dd++)
            {
                double x = cx + (direction * dd);
                if (x < 0 || x > person.ImageWidth - 1)
                {
                    continue;
                }

                if (EdgeBelow(person, x, yTop) is { } y && y > chinY && y < person.ImageHeight - (MinHeightAboveBottom * w))
                {
                    ds.Add(dd);
                    ys.Add(y);
                }
            }

            int n = ds.Count;
            if (n < 2)
            {
                return new Side(n, 0, 0, 0, 0, 0);
            }

            // Theil-Sen on every pair (at most a few hundred points per side: up to tens of thousands of slopes, in a
            // rented array rather than a fresh large object per side and photo).
            int pairs = n * (n - 1) / 2;
            double[] rented = System.Buffers.ArrayPool<double>.Shared.Rent(pairs);
            Span<double> slopes = rented.AsSpan(0, pairs);
            int k = 0;
            for (int i = 0; i < n; i++)
            {
                for (int j = i + 1; j < n; j++)
                {
                    slopes[k++] = (ys[j] - ys[i]) / (ds[j] - ds[i]);
                }
            }

            double slope = OrderStatistics.Median(slopes);
            System.Buffers.ArrayPool<double>.Shared.Return(rented);
            var intercepts = new List<double>(n);
            for (int i = 0; i < n; i++)
            {
                intercepts.Add(ys[i] - (slope * ds[i]));
            }

            double intercept = Median(intercepts);
            var residuals = new List<double>(n);
            for (int i = 0; i < n; i++)
            {
                residuals.Add(Math.Abs(ys[i] - intercept - (slope * ds[i])));
            }

            return new Side(n, ds[0], ds[n - 1], slope, intercept, Median(residuals));
        }

        /// <summary>First row below <paramref name="yTop"/> where the person probability reaches one half, interpolated;
        /// null when the column starts in the person (hair or the head at the eye line) or never meets it.</summary>
        private static double? EdgeBelow(PersonMask person, double x, int yTop)
        {
            PersonMaskLine column = person.Column(x);
            float previous = column.At(yTop);
            if (previous >= 0.5f)
            {
                return null;
            }

            int y = column.FirstAtLeast(yTop + 1, person.ImageHeight, 0.5f);
            if (y < 0)
            {
                return null;
            }

            float p = column.At(y);
            previous = column.At(y - 1);
            return SolidBelow(person.ImageHeight, column, y) ? y - 1 + ((0.5 - previous) / (p - previous)) : null;
        }

        /// <summary>
        /// Whether the person fills the column from <paramref name="y"/> to the lower edge (all but
        /// <see cref="MaxGapShare"/> of it): a shoulder does, while a neck or collar over a top the network does not see
        /// (a white top on white) ends in background below.
        /// </summary>
        private static bool SolidBelow(int height, PersonMaskLine column, int y)
        {
            int rows = (height - y + 1) / 2;
            int gaps = column.CountBelow(y, height, 0.5f, step: 2);
            return gaps <= MaxGapShare * rows;
        }

        /// <summary>The median; reorders the list.</summary>
        private static double Median(List<double> values) => OrderStatistics.Median(CollectionsMarshal.AsSpan(values));
    }
}
