using SocialCard.Imaging;
using SocialCard.Photos.Faces;

namespace SocialCard.Photos.Analysis;

/// <summary>
/// Lightness of the clothing: mean CIELAB L* of the person's pixels in the band from below the neck (0.3 face widths
/// under the chin, but at least the lowest 0.1 face widths of the photo) to the lower edge, within 0.95 face widths of
/// the face centre. A pixel belongs to the clothing when it differs from the background
/// colour (sum of channel differences above <see cref="Tolerance"/>), is not part of the background-blended outline
/// (its 3x3 neighbourhood is all person), and is not skin (CIELAB distance to the mean face skin colour at least
/// <see cref="SkinDistance"/>: the neck and a V-neckline are left out).
/// </summary>
public sealed class ClothingMeasure
{
    public const int Tolerance = 24;
    public const double SkinDistance = 14;

    private ClothingMeasure(double meanLightness, int pixels, double coverage)
    {
        MeanLightness = meanLightness;
        Pixels = pixels;
        Coverage = coverage;
    }

    /// <summary>Mean L* (0-100) of the clothing pixels.</summary>
    public double MeanLightness { get; }

    /// <summary>Clothing pixels measured.</summary>
    public int Pixels { get; }

    /// <summary>Clothing pixels as a share of the band.</summary>
    public double Coverage { get; }

    public static ClothingMeasure? Measure(RgbImage image, (byte R, byte G, byte B) background, ObservedFace face, Lab skin)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(face);
        double w = face.FaceWidth;
        double cx = face.EyeMidpoint.X;
        int y0 = Math.Max(1, (int)Math.Round(Math.Min(face.Chin.Y + (0.3 * w), image.Height - (0.1 * w))));
        int y1 = image.Height - 2;
        int x0 = Math.Max(1, (int)Math.Round(cx - (0.95 * w)));
        int x1 = Math.Min(image.Width - 2, (int)Math.Round(cx + (0.95 * w)));
        if (y1 <= y0 || x1 <= x0)
        {
            return null;
        }

        ReadOnlySpan<float> linear = Lab.LinearTable;
        double sumL = 0;
        int count = 0, band = 0;
        for (int y = y0; y <= y1; y++)
        {
            ReadOnlySpan<byte> above = image.Row(y - 1), row = image.Row(y), below = image.Row(y + 1);
            for (int x = x0; x <= x1; x++)
            {
                band++;
                if (!IsPerson(row, x, background) || !IsPerson(row, x - 1, background) || !IsPerson(row, x + 1, background)
                    || !IsPerson(above, x, background) || !IsPerson(below, x, background))
                {
                    continue;
                }

                int o = x * 3;
                Lab lab = Lab.FromLinear(linear[row[o]], linear[row[o + 1]], linear[row[o + 2]]);
                double dl = lab.L - skin.L, da = lab.A - skin.A, db = lab.B - skin.B;
                if ((dl * dl) + (da * da) + (db * db) < SkinDistance * SkinDistance)
                {
                    continue;
                }

                sumL += lab.L;
                count++;
            }
        }

        return count == 0 ? null : new ClothingMeasure(sumL / count, count, count / (double)band);
    }

    private static bool IsPerson(ReadOnlySpan<byte> row, int x, (byte R, byte G, byte B) bg)
    {
        int o = x * 3;
        return Math.Abs(row[o] - bg.R) + Math.Abs(row[o + 1] - bg.G) + Math.Abs(row[o + 2] - bg.B) > Tolerance;
    }
}
