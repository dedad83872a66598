using SocialCard.Imaging;

namespace SocialCard.Faces;

/// <summary>
/// Top of the hair: the highest image row the head reaches. Assumes a near-white or otherwise uniform background
/// (ID photos): the background colour is the per-channel median of two 8x8 patches in the top corners. Rows are
/// scanned from the top edge down to the highest brow point, over the columns of the face width (jaw points 0..16);
/// the first row holding at least two pixels that differ from the background (sum of |R,G,B differences| &gt; 60) is
/// the hair top (0 when the head touches the upper edge). Null when the two corner patches disagree (background not
/// uniform), or nothing above the brows differs from the background.
/// </summary>
public static class HairTopFinder
{
    private const int Patch = 8;
    private const int BackgroundTolerance = 60;
    private const int MinPixels = 2;
    private const int CornerDisagreement = 60;

    public static int? FindHairTop(RgbImage image, DetectedFace face)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(face);
        if (image.Width < 2 * Patch || image.Height < Patch)
        {
            return null;
        }

        Span<byte> left = stackalloc byte[3];
        Span<byte> right = stackalloc byte[3];
        CornerMedian(image, 0, left);
        CornerMedian(image, image.Width - Patch, right);
        if (Math.Abs(left[0] - right[0]) + Math.Abs(left[1] - right[1]) + Math.Abs(left[2] - right[2]) > CornerDisagreement)
        {
            return null;
        }

        int bgR = (left[0] + right[0]) / 2, bgG = (left[1] + right[1]) / 2, bgB = (left[2] + right[2]) / 2;
        IReadOnlyList<FacePoint> p = face.Landmarks;
        double browTop = double.MaxValue;
        for (int i = 17; i <= 26; i++)
        {
            browTop = Math.Min(browTop, p[i].Y);
        }

        int x0 = Math.Max(0, (int)Math.Floor(Math.Min(p[0].X, p[16].X)));
        int x1 = Math.Min(image.Width - 1, (int)Math.Ceiling(Math.Max(p[0].X, p[16].X)));
        int yEnd = Math.Min(image.Height - 1, (int)Math.Floor(browTop));
        if (x1 < x0 || yEnd < 0)
        {
            return null;
        }

        ReadOnlySpan<byte> pixels = image.Pixels;
        int stride = image.Stride;
        for (int y = 0; y <= yEnd; y++)
        {
            int count = 0;
            int row = y * stride;
            for (int x = x0; x <= x1; x++)
            {
                int o = row + (x * 3);
                int d = Math.Abs(pixels[o] - bgR) + Math.Abs(pixels[o + 1] - bgG) + Math.Abs(pixels[o + 2] - bgB);
                if (d > BackgroundTolerance && ++count >= MinPixels)
                {
                    return y;
                }
            }
        }

        return null;
    }

    private static void CornerMedian(RgbImage image, int x0, Span<byte> median)
    {
        Span<byte> values = stackalloc byte[Patch * Patch];
        ReadOnlySpan<byte> pixels = image.Pixels;
        for (int c = 0; c < 3; c++)
        {
            for (int y = 0; y < Patch; y++)
            {
                for (int x = 0; x < Patch; x++)
                {
                    values[(y * Patch) + x] = pixels[(y * image.Stride) + ((x0 + x) * 3) + c];
                }
            }

            values.Sort();
            median[c] = values[values.Length / 2];
        }
    }
}
