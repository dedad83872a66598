using SocialCard.Imaging.Processing.Luminance;

namespace SocialCard.Photos.Analysis;

/// <summary>
/// Focus measure of a zone that does not depend on its contrast: on a 2x2-mean pyramid, the mean absolute Laplacian at
/// half resolution divided by the same at quarter resolution. Defocus removes detail with periods of a few pixels first
/// (a Gaussian of sigma 3 px keeps under 1% at a 6 px period but about 30% at 12 px), so a blurred face scores low
/// even when its contrast is high, while a flat or dim but sharp face still scores normally. Starting at half
/// resolution keeps JPEG pixel noise out of the measure.
/// </summary>
public static class SharpnessMeasure
{
    public static double Measure(LumaPlane luma, PixelRect zone)
    {
        if (zone.Width < 32 || zone.Height < 32)
        {
            return 0;
        }

        int width = luma.Width;
        ReadOnlySpan<byte> v = luma.Values;
        int hw = zone.Width / 2, hh = zone.Height / 2;
        // Scratch planes from the shared pool (nothing of them outlives the call; a fresh pair per photo meant ~40 KB of garbage).
        float[] half = System.Buffers.ArrayPool<float>.Shared.Rent(hw * hh);
        for (int y = 0; y < hh; y++)
        {
            int r0 = ((zone.Y + (2 * y)) * width) + zone.X;
            int r1 = r0 + width;
            Span<float> dst = half.AsSpan(y * hw, hw);
            for (int x = 0; x < hw; x++)
            {
                int p = 2 * x;
                dst[x] = (v[r0 + p] + v[r0 + p + 1] + v[r1 + p] + v[r1 + p + 1]) * 0.25f;
            }
        }

        int qw = hw / 2, qh = hh / 2;
        float[] quarter = System.Buffers.ArrayPool<float>.Shared.Rent(Math.Max(1, qw * qh));
        for (int y = 0; y < qh; y++)
        {
            int r0 = 2 * y * hw;
            int r1 = r0 + hw;
            for (int x = 0; x < qw; x++)
            {
                int p = 2 * x;
                quarter[(y * qw) + x] = (half[r0 + p] + half[r0 + p + 1] + half[r1 + p] + half[r1 + p + 1]) * 0.25f;
            }
        }

        double fine = MeanAbsLaplacian(half.AsSpan(0, hw * hh), hw, hh);
        double coarse = MeanAbsLaplacian(quarter.AsSpan(0, qw * qh), qw, qh);
        System.Buffers.ArrayPool<float>.Shared.Return(quarter);
        System.Buffers.ArrayPool<float>.Shared.Return(half);
        return coarse > 1e-6 ? fine / coarse : 0;
    }

    private static double MeanAbsLaplacian(ReadOnlySpan<float> plane, int w, int h)
    {
        double sum = 0;
        int count = 0;
        for (int y = 1; y < h - 1; y++)
        {
            ReadOnlySpan<float> up = plane.Slice((y - 1) * w, w);
            ReadOnlySpan<float> row = plane.Slice(y * w, w);
            ReadOnlySpan<float> down = plane.Slice((y + 1) * w, w);
            float rowSum = 0;
            for (int x = 1; x < w - 1; x++)
            {
                rowSum += MathF.Abs((4 * row[x]) - row[x - 1] - row[x + 1] - up[x] - down[x]);
            }

            sum += rowSum;
            count += w - 2;
        }

        return count > 0 ? sum / count : 0;
    }
}
