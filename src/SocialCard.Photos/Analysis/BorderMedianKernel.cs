using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using SocialCard.Imaging;
using SocialCard.Imaging.Processing;

namespace SocialCard.Photos.Analysis;

/// <summary>
/// The background colour of <see cref="BackgroundModel"/>: the per-channel median of the border zone (<see cref="Zone"/>)
/// and the share of it that agrees. <see cref="MeasureScalar"/> is the reference; <see cref="MeasureFast"/> (interleaved histograms,
/// Vector128 agreement count) gives exactly its result; <see cref="Measure"/> picks one.
/// </summary>
internal static class BorderMedianKernel
{
    /// <summary>Per-channel median of the top band and the two upper corner strips, and how much of it agrees.</summary>
    internal static (byte R, byte G, byte B, double Agreement) Measure(RgbImage image) =>
        Vector128.IsHardwareAccelerated ? MeasureFast(image) : MeasureScalar(image);

    /// <summary>
    /// The border zone of <see cref="MeasureScalar"/>: the top <c>band</c> rows whole (1/80 of the height, at least
    /// two), then the left and right strips (1/14 of the width, at least two pixels) down to <c>cornerRows</c> (45 % of
    /// the height); never more rows than the image has (a one-row image is its own band).
    /// </summary>
    internal static (int Band, int Strip, int CornerRows) Zone(int width, int height)
    {
        int band = Math.Min(height, Math.Max(2, height / 80));
        int strip = Math.Max(2, width / 14);
        int cornerRows = Math.Min(height, Math.Max(band, (int)(height * 0.45)));
        return (band, strip, cornerRows);
    }

    /// <summary>
    /// As <see cref="MeasureScalar"/>: the histograms in two interleaved sets (a uniform background no longer
    /// chains every increment on one counter), the agreement count 16 pixels at a time (Vector128, scalar tail). The
    /// zone is the top band plus, below it, the strips [0, strip) and [max(strip, width - strip), width) of each row.
    /// </summary>
    internal static (byte R, byte G, byte B, double Agreement) MeasureFast(RgbImage image)
    {
        Span<int> histograms = stackalloc int[6 * 256];
        histograms.Clear();
        int width = image.Width;
        (int band, int strip, int cornerRows) = Zone(width, image.Height);
        int leftEnd = Math.Min(strip, width), rightStart = Math.Max(strip, width - strip);
        int count = 0;
        for (int y = 0; y < cornerRows; y++)
        {
            ReadOnlySpan<byte> row = image.Row(y);
            if (y < band)
            {
                count += CountLevels(row, 0, width, histograms);
            }
            else
            {
                count += CountLevels(row, 0, leftEnd, histograms);
                count += CountLevels(row, rightStart, width, histograms);
            }
        }

        for (int i = 0; i < 3 * 256; i++)
        {
            histograms[i] += histograms[(3 * 256) + i];
        }

        byte r = Median(histograms[..256], count), g = Median(histograms.Slice(256, 256), count), b = Median(histograms.Slice(512, 256), count);
        int agree = 0;
        for (int y = 0; y < cornerRows; y++)
        {
            ReadOnlySpan<byte> row = image.Row(y);
            if (y < band)
            {
                agree += CountAgreeing(row, 0, width, r, g, b);
            }
            else
            {
                agree += CountAgreeing(row, 0, leftEnd, r, g, b);
                agree += CountAgreeing(row, rightStart, width, r, g, b);
            }
        }

        return (r, g, b, count > 0 ? agree / (double)count : 0);
    }

    /// <summary>Adds pixels [<paramref name="from"/>, <paramref name="to"/>) of an RGB24 row to the R, G, B histograms (even pixels to the first set of three, odd to the second).</summary>
    private static int CountLevels(ReadOnlySpan<byte> row, int from, int to, Span<int> histograms)
    {
        ref int h = ref MemoryMarshal.GetReference(histograms);
        ref byte p = ref MemoryMarshal.GetReference(row);
        int x = from;
        for (; x + 1 < to; x += 2)
        {
            int q = x * 3;
            Unsafe.Add(ref h, Unsafe.Add(ref p, q))++;
            Unsafe.Add(ref h, 256 + Unsafe.Add(ref p, q + 1))++;
            Unsafe.Add(ref h, 512 + Unsafe.Add(ref p, q + 2))++;
            Unsafe.Add(ref h, 768 + Unsafe.Add(ref p, q + 3))++;
            Unsafe.Add(ref h, 1024 + Unsafe.Add(ref p, q + 4))++;
            Unsafe.Add(ref h, 1280 + Unsafe.Add(ref p, q + 5))++;
        }

        if (x < to)
        {
            int q = x * 3;
            Unsafe.Add(ref h, Unsafe.Add(ref p, q))++;
            Unsafe.Add(ref h, 256 + Unsafe.Add(ref p, q + 1))++;
            Unsafe.Add(ref h, 512 + Unsafe.Add(ref p, q + 2))++;
        }

        return Math.Max(0, to - from);
    }

    /// <summary>Pixels of [<paramref name="from"/>, <paramref name="to"/>) within <see cref="BackgroundModel.Tolerance"/> of (r, g, b) on every channel.</summary>
    private static int CountAgreeing(ReadOnlySpan<byte> row, int from, int to, byte r, byte g, byte b)
    {
        int agree = 0;
        int x = from;
        if (Vector128.IsHardwareAccelerated)
        {
            var vr = Vector128.Create(r);
            var vg = Vector128.Create(g);
            var vb = Vector128.Create(b);
            var tolerance = Vector128.Create((byte)BackgroundModel.Tolerance);
            ref byte p = ref MemoryMarshal.GetReference(row);
            for (; x + 16 <= to; x += 16)
            {
                (Vector128<byte> pr, Vector128<byte> pg, Vector128<byte> pb) = Rgb24Vectors.Deinterleave(ref Unsafe.Add(ref p, x * 3));
                Vector128<byte> ok =
                    Vector128.LessThanOrEqual(Vector128.Max(pr, vr) - Vector128.Min(pr, vr), tolerance) &
                    Vector128.LessThanOrEqual(Vector128.Max(pg, vg) - Vector128.Min(pg, vg), tolerance) &
                    Vector128.LessThanOrEqual(Vector128.Max(pb, vb) - Vector128.Min(pb, vb), tolerance);
                agree += System.Numerics.BitOperations.PopCount(ok.ExtractMostSignificantBits());
            }
        }

        for (; x < to; x++)
        {
            int q = x * 3;
            if (Math.Abs(row[q] - r) <= BackgroundModel.Tolerance && Math.Abs(row[q + 1] - g) <= BackgroundModel.Tolerance && Math.Abs(row[q + 2] - b) <= BackgroundModel.Tolerance)
            {
                agree++;
            }
        }

        return agree;
    }

    /// <summary>The reference: per-channel median of the top band and the two upper corner strips, and how much of it agrees.</summary>
    internal static (byte R, byte G, byte B, double Agreement) MeasureScalar(RgbImage image)
    {
        Span<int> hr = stackalloc int[256];
        Span<int> hg = stackalloc int[256];
        Span<int> hb = stackalloc int[256];
        hr.Clear();
        hg.Clear();
        hb.Clear();
        int width = image.Width;
        (int band, int strip, int cornerRows) = Zone(width, image.Height);
        int rightStart = Math.Max(strip, width - strip);
        int count = 0;
        for (int y = 0; y < cornerRows; y++)
        {
            ReadOnlySpan<byte> row = image.Row(y);
            bool fullRow = y < band;
            for (int x = 0; x < width; x++)
            {
                if (!fullRow && x == strip)
                {
                    x = rightStart; // never backwards: on an image narrower than two strips the right strip starts at the left one's end
                }

                int p = x * 3;
                hr[row[p]]++;
                hg[row[p + 1]]++;
                hb[row[p + 2]]++;
                count++;
            }
        }

        byte r = Median(hr, count), g = Median(hg, count), b = Median(hb, count);
        int agree = 0;
        for (int y = 0; y < cornerRows; y++)
        {
            ReadOnlySpan<byte> row = image.Row(y);
            bool fullRow = y < band;
            for (int x = 0; x < width; x++)
            {
                if (!fullRow && x == strip)
                {
                    x = rightStart; // never backwards: on an image narrower than two strips the right strip starts at the left one's end
                }

                int p = x * 3;
                if (Math.Abs(row[p] - r) <= BackgroundModel.Tolerance && Math.Abs(row[p + 1] - g) <= BackgroundModel.Tolerance && Math.Abs(row[p + 2] - b) <= BackgroundModel.Tolerance)
                {
                    agree++;
                }
            }
        }

        return (r, g, b, count > 0 ? agree / (double)count : 0);
    }

    private static byte Median(ReadOnlySpan<int> histogram, int count)
    {
        int half = (count + 1) / 2;
        int sum = 0;
        for (int i = 0; i < 256; i++)
        {
            sum += histogram[i];
            if (sum >= half)
            {
                return (byte)i;
            }
        }

        return 255;
    }
}
