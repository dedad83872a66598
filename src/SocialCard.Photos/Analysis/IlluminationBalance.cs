using SocialCard.Imaging.Processing.Luminance;
using SocialCard.Imaging.Processing.Statistics;

namespace SocialCard.Photos.Analysis;

/// <summary>
/// Left/right lighting balance of the face: mean luma of each pixel column over the band from the eye line to the
/// mouth, compared with its mirror column about the face centre at distances 0.1-0.5 face widths. The result is
/// exp(-|median log ratio|): 1 for an evenly lit face, 0.5 when one side is half as bright; the sign says which side is
/// darker. The median over many column pairs ignores a single ear, strand of hair or background column.
/// </summary>
public static class IlluminationBalance
{
    /// <summary>(balance 0-1, true when the image's left side is the darker one).</summary>
    public static (double Balance, bool LeftDarker) Measure(LumaPlane luma, FaceRegion face)
    {
        double w = face.FaceWidth;
        int y0 = Math.Clamp((int)Math.Round(face.EyeY), 0, luma.Height - 1);
        int y1 = Math.Clamp((int)Math.Round(face.EyeY + (0.45 * w)), y0 + 1, luma.Height);
        int cx = (int)Math.Round(face.CentreX);
        int dMin = Math.Max(1, (int)(0.1 * w));
        int dMax = (int)(0.5 * w);
        dMax = Math.Min(dMax, Math.Min(cx, luma.Width - 1 - cx));
        if (dMax <= dMin || y1 - y0 < 4)
        {
            return (1, false);
        }

        Span<double> logRatios = stackalloc double[dMax - dMin];
        int width = luma.Width;
        ReadOnlySpan<byte> v = luma.Values;
        for (int d = dMin; d < dMax; d++)
        {
            long left = 0, right = 0;
            for (int y = y0; y < y1; y++)
            {
                int row = y * width;
                left += v[row + cx - d];
                right += v[row + cx + d];
            }

            logRatios[d - dMin] = Math.Log((left + 1.0) / (right + 1.0));
        }

        double median = OrderStatistics.Select(logRatios, logRatios.Length / 2);
        return (Math.Exp(-Math.Abs(median)), median < 0);
    }
}
