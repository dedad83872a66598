using SocialCard.Imaging;
using SocialCard.Photos.Faces;

namespace SocialCard.Photos.Analysis;

/// <summary>
/// Top of the hair: the highest image row the head reaches. Rows are scanned from the upper edge down to the highest
/// brow landmark over the columns of the face (jaw points 0..16, widened by a tenth of the face width on each side);
/// the first row holding at least <see cref="MinPixels"/> pixels that differ from the background colour (sum of the
/// |R|,|G|,|B| differences above <see cref="Tolerance"/>) is the hair top, 0 when the head touches the upper edge.
/// Null when nothing above the brows differs from the background (e.g. the face engine found a face in a blank area).
/// </summary>
public static class HairTopMeasure
{
    /// <summary>Sum of the three channel differences from the background above which a pixel is the person.</summary>
    public const int Tolerance = 60;

    /// <summary>Pixels a row needs to count as reached by the head.</summary>
    public const int MinPixels = 3;

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

        (int bgR, int bgG, int bgB) = (background.R, background.G, background.B);
        for (int y = 0; y <= yEnd; y++)
        {
            ReadOnlySpan<byte> row = image.Row(y);
            int count = 0;
            for (int x = x0; x <= x1; x++)
            {
                int o = x * 3;
                int d = Math.Abs(row[o] - bgR) + Math.Abs(row[o + 1] - bgG) + Math.Abs(row[o + 2] - bgB);
                if (d > Tolerance && ++count >= MinPixels)
                {
                    return y;
                }
            }
        }

        return null;
    }
}
