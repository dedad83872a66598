using SocialCard.Imaging;
using SocialCard.Imaging.Processing.Color;
using SocialCard.Photos.Faces;

namespace SocialCard.Photos.Analysis;

/// <summary>
/// Top of the hair, the one measure of it (the checker's, and the fix's when it has no person matte). A row across the
/// head is reached by the head when at least <see cref="MinPixels"/> of its samples differ from the background
/// (<see cref="Scan{TRows}"/>). The checker's form (<see cref="Find"/>): rows from the upper edge down to the highest
/// brow landmark over the columns of the face (jaw points 0..16, widened by a tenth of the face width on each side), a
/// pixel differing when the sum of its |R|,|G|,|B| differences from the background colour is above
/// <see cref="Tolerance"/>; the highest row reached is the hair top, 0 when the head touches the upper edge. Null when
/// nothing above the brows differs from the background (e.g. the face engine found a face in a blank area).
/// </summary>
public static class HairTopMeasure
{
    /// <summary>Sum of the three channel differences from the background above which a pixel is the person.</summary>
    public const int Tolerance = 60;

    /// <summary>Samples a row needs to count as reached by the head.</summary>
    public const int MinPixels = 3;

    /// <summary>A row with fewer samples inside the image is past the image's edge.</summary>
    private const int MinInside = 8;

    public static int? Find(RgbImage image, (byte R, byte G, byte B) background, ObservedFace face)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(face);
        if (!face.HasLandmarks)
        {
            return null;
        }

        IReadOnlyList<System.Drawing.PointF> p = face.Landmarks;
        double browTop = double.MaxValue;
        for (int i = 17; i <= 26; i++)
        {
            browTop = Math.Min(browTop, p[i].Y);
        }

        double margin = 0.1 * face.FaceWidth;
        int x0 = Math.Max(0, (int)Math.Floor(Math.Min(p[0].X, p[16].X) - margin));
        int x1 = Math.Min(image.Width - 1, (int)Math.Ceiling(Math.Max(p[0].X, p[16].X) + margin));
        int yEnd = Math.Min(image.Height - 1, (int)Math.Floor(browTop));
        if (x1 < x0 || yEnd < 0)
        {
            return null;
        }

        var rows = new BackgroundDifferenceRows(image, background, x0, x1, yEnd);
        return Scan(ref rows, gapRows: null).Row is { } k ? yEnd - k : null;
    }

    /// <summary>
    /// The hair-top scan over <paramref name="rows"/> (numbered from the brows upwards). With <paramref name="gapRows"/>,
    /// it walks up from the brows and the head ends after that many consecutive rows not reached by the head (the
    /// highest reached row below them is the top; a row mostly outside the image is the image's edge, and the head is
    /// clipped there when the row below it was reached). Without, the top is the highest reached row of all (found
    /// from the top down, stopping at the first). Row null: no row reached.
    /// </summary>
    internal static (int? Row, bool Clipped) Scan<TRows>(ref TRows rows, int? gapRows)
        where TRows : struct, IHeadRows
    {
        if (gapRows is not { } limit)
        {
            for (int k = rows.Count - 1; k >= 0; k--)
            {
                if (rows.Differing(k, MinPixels, out _) >= MinPixels)
                {
                    return (k, false);
                }
            }

            return (null, false);
        }

        int? last = null;
        int gap = 0;
        for (int k = 0; k < rows.Count; k++)
        {
            int differing = rows.Differing(k, MinPixels, out int inside);
            if (inside < MinInside)
            {
                return (k, gap == 0);
            }

            if (differing >= MinPixels)
            {
                last = k;
                gap = 0;
            }
            else if (++gap >= limit)
            {
                break;
            }
        }

        return (last, false);
    }

    /// <summary>Image rows over the face's columns, from the brows up to the upper edge; a pixel differs from a flat background colour.</summary>
    private readonly struct BackgroundDifferenceRows(RgbImage image, (byte R, byte G, byte B) background, int x0, int x1, int yEnd) : IHeadRows
    {
        public int Count => yEnd + 1;

        public int Differing(int k, int enough, out int inside)
        {
            ReadOnlySpan<byte> row = image.Row(yEnd - k);
            inside = x1 - x0 + 1;
            int count = 0;
            for (int x = x0; x <= x1; x++)
            {
                if (ChannelDifferenceKernel.Difference(row, x, background) > Tolerance && ++count >= enough)
                {
                    break;
                }
            }

            return count;
        }
    }
}
