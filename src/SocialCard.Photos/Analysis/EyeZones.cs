using SocialCard.Imaging;
using SocialCard.Imaging.Processing.Luminance;
using SocialCard.Photos.Faces;

namespace SocialCard.Photos.Analysis;

/// <summary>
/// What covers the eyes. For each eye, the lens zone (where a spectacle lens sits): 1.8 eye widths wide, from 0.35 eye
/// widths above the eye centre (below the brow) to 0.6 below it. Measured there:
/// <list type="bullet">
/// <item><see cref="OccludedShare"/>: share of the zone, outside the eye opening itself, darker than half the light on
/// the person's own skin beside that eye (tinted lenses, hair hanging over the eyes); the larger of the two eyes. The
/// reference is the median skin luma of the face (a dark skin tone is its own reference), lowered to that side's cheek
/// (<see cref="CheekLuma"/>) where the cheek is darker, so a side light that darkens one half of the face darkens that
/// eye's reference with it; never below <see cref="MinCheekShare"/> of the skin median, so lenses large enough to reach
/// the cheek cannot lower it much. A highlight on the cheek does not raise it.</item>
/// <item><see cref="SpecularShare"/>: share of the whole zone at or above a specular luma level (reflections on glasses).</item>
/// <item><see cref="EyeWhite"/>: the 90th percentile of the luma inside both eye openings (the landmarks' bounding
/// boxes): the whites of the eyes, nearly as light on every person whatever the skin tone, so a light level the photo
/// recorded that does not depend on the skin.</item>
/// </list>
/// </summary>
public sealed class EyeZones
{
    private EyeZones(PixelRect left, PixelRect right, double occludedShare, double leftOccluded, double rightOccluded, int eyeWhite)
    {
        EyeWhite = eyeWhite;
        Left = left;
        Right = right;
        OccludedShare = occludedShare;
        LeftOccluded = leftOccluded;
        RightOccluded = rightOccluded;
    }

    /// <summary>Lens zone of the eye on the image's left.</summary>
    public PixelRect Left { get; }

    public PixelRect Right { get; }

    /// <summary>The larger of the two eyes' dark shares.</summary>
    public double OccludedShare { get; }

    public double LeftOccluded { get; }

    public double RightOccluded { get; }

    /// <summary>90th percentile of the luma inside both eye openings (the whites of the eyes), 0 when they are empty.</summary>
    public int EyeWhite { get; }

    /// <summary>Least share of the skin zone's median luma a cheek reference is taken at.</summary>
    public const double MinCheekShare = 0.6;

    public static EyeZones? Measure(LumaPlane luma, ObservedFace face, double skinMedianLuma)
    {
        ArgumentNullException.ThrowIfNull(luma);
        ArgumentNullException.ThrowIfNull(face);
        if (!face.HasLandmarks)
        {
            return null;
        }

        (PixelRect left, double leftShare) = Zone(luma, face, 36, skinMedianLuma);
        (PixelRect right, double rightShare) = Zone(luma, face, 42, skinMedianLuma);
        return new EyeZones(left, right, Math.Max(leftShare, rightShare), leftShare, rightShare, OpeningPercentile(luma, face, 0.9));
    }

    /// <summary>Share of the zone's pixels with luma at or above <paramref name="level"/> (both eyes together).</summary>
    public double SpecularShare(LumaPlane luma, int level)
    {
        ArgumentNullException.ThrowIfNull(luma);
        int bright = 0, total = 0;
        foreach (PixelRect zone in (ReadOnlySpan<PixelRect>)[Left, Right])
        {
            for (int y = zone.Y; y < zone.Bottom; y++)
            {
                foreach (byte v in luma.Row(y).Slice(zone.X, zone.Width))
                {
                    total++;
                    bright += v >= level ? 1 : 0;
                }
            }
        }

        return total == 0 ? 0 : bright / (double)total;
    }

    /// <summary>The <paramref name="fraction"/> percentile of the luma inside the bounding boxes of both eye openings.</summary>
    private static int OpeningPercentile(LumaPlane luma, ObservedFace face, double fraction)
    {
        Span<int> histogram = stackalloc int[256];
        int total = 0;
        foreach (int first in (ReadOnlySpan<int>)[36, 42])
        {
            PixelRect eye = Opening(face.Landmarks, first, 0, luma.Width, luma.Height);
            for (int y = eye.Y; y < eye.Bottom; y++)
            {
                foreach (byte v in luma.Row(y).Slice(eye.X, eye.Width))
                {
                    histogram[v]++;
                    total++;
                }
            }
        }

        int rank = (int)(fraction * total), seen = 0;
        for (int v = 0; v < 256; v++)
        {
            seen += histogram[v];
            if (seen > rank)
            {
                return v;
            }
        }

        return 0;
    }

    /// <summary>Bounding box of eye points <paramref name="first"/>..+5, grown by <paramref name="pad"/> px.</summary>
    private static PixelRect Opening(IReadOnlyList<System.Drawing.PointF> p, int first, double pad, int width, int height)
    {
        float ex0 = float.MaxValue, ey0 = float.MaxValue, ex1 = float.MinValue, ey1 = float.MinValue;
        for (int i = first; i < first + 6; i++)
        {
            ex0 = Math.Min(ex0, p[i].X);
            ex1 = Math.Max(ex1, p[i].X);
            ey0 = Math.Min(ey0, p[i].Y);
            ey1 = Math.Max(ey1, p[i].Y);
        }

        return PixelRect.FromEdges(ex0 - pad, ey0 - pad, ex1 + pad, ey1 + pad, width, height);
    }

    /// <summary>
    /// Median luma of the cheek below an eye: 0.9 eye widths wide under the eye centre, from 1.1 to 1.6 eye widths below
    /// it (under the lens zone and below where sunglasses usually end, beside the nose).
    /// </summary>
    public static int CheekLuma(LumaPlane luma, ObservedFace face, int first)
    {
        ArgumentNullException.ThrowIfNull(luma);
        ArgumentNullException.ThrowIfNull(face);
        IReadOnlyList<System.Drawing.PointF> p = face.Landmarks;
        System.Drawing.PointF c = face.Centre(first, first + 6);
        double ew = Math.Max(2, Math.Abs(p[first + 3].X - p[first].X));
        var cheek = PixelRect.FromEdges(c.X - (0.45 * ew), c.Y + (1.1 * ew), c.X + (0.45 * ew), c.Y + (1.6 * ew), luma.Width, luma.Height);
        Span<int> histogram = stackalloc int[256];
        int total = 0;
        for (int y = cheek.Y; y < cheek.Bottom; y++)
        {
            foreach (byte v in luma.Row(y).Slice(cheek.X, cheek.Width))
            {
                histogram[v]++;
                total++;
            }
        }

        int seen = 0;
        for (int v = 0; v < 256; v++)
        {
            seen += histogram[v];
            if (2 * seen > total)
            {
                return v;
            }
        }

        return 0;
    }

    private static (PixelRect Zone, double DarkShare) Zone(LumaPlane luma, ObservedFace face, int first, double skinMedianLuma)
    {
        IReadOnlyList<System.Drawing.PointF> p = face.Landmarks;
        System.Drawing.PointF c = face.Centre(first, first + 6);
        double ew = Math.Max(2, Math.Abs(p[first + 3].X - p[first].X));
        int dark = (int)Math.Round(0.5 * Math.Clamp(CheekLuma(luma, face, first), MinCheekShare * skinMedianLuma, Math.Max(skinMedianLuma, MinCheekShare * skinMedianLuma)));
        var zone = PixelRect.FromEdges(c.X - (0.9 * ew), c.Y - (0.35 * ew), c.X + (0.9 * ew), c.Y + (0.6 * ew), luma.Width, luma.Height);

        // The eye opening itself (iris, lashes) is dark on every face: leave out its bounding box.
        PixelRect eye = Opening(p, first, 0.12 * ew, luma.Width, luma.Height);
        int count = 0, darkCount = 0;
        for (int y = zone.Y; y < zone.Bottom; y++)
        {
            ReadOnlySpan<byte> row = luma.Row(y);
            bool eyeRow = y >= eye.Y && y < eye.Bottom;
            for (int x = zone.X; x < zone.Right; x++)
            {
                if (eyeRow && x >= eye.X && x < eye.Right)
                {
                    continue;
                }

                count++;
                darkCount += row[x] <= dark ? 1 : 0;
            }
        }

        return (zone, count == 0 ? 0 : darkCount / (double)count);
    }
}
