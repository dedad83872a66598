using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SocialCard.Imaging;
using SocialCard.Imaging.Processing.Color;
using SocialCard.Imaging.Processing.Luminance;

namespace SocialCard.Photos.Analysis;

/// <summary>Luma histogram and mean CIELAB colour of one rectangular zone.</summary>
public sealed class ZoneStats
{
    /// <summary>Sampling step of the colour means (a face box still gives thousands of samples).</summary>
    private const int ColourStep = 3;

    private readonly int[] _histogram;

    private ZoneStats(PixelRect zone, int[] histogram, int count, double meanLuma, Lab meanLab, double meanChroma)
    {
        Zone = zone;
        _histogram = histogram;
        Count = count;
        MeanLuma = meanLuma;
        MeanLab = meanLab;
        MeanChroma = meanChroma;
    }

    public PixelRect Zone { get; }

    /// <summary>Pixels counted in the luma histogram.</summary>
    public int Count { get; }

    public double MeanLuma { get; }

    /// <summary>Mean of the per-pixel L*, a*, b* (every third pixel of every third row).</summary>
    public Lab MeanLab { get; }

    /// <summary>Mean of the per-pixel chroma C* (every third pixel of every third row).</summary>
    public double MeanChroma { get; }

    public ReadOnlySpan<int> Histogram => _histogram;

    /// <summary>Share of pixels with luma &lt;= <paramref name="level"/>.</summary>
    public double ShareAtOrBelow(int level)
    {
        if (Count == 0)
        {
            return 0;
        }

        long sum = 0;
        for (int i = 0; i <= Math.Clamp(level, 0, 255); i++)
        {
            sum += _histogram[i];
        }

        return sum / (double)Count;
    }

    /// <summary>Share of pixels with luma &gt;= <paramref name="level"/>.</summary>
    public double ShareAtOrAbove(int level)
    {
        if (Count == 0)
        {
            return 0;
        }

        long sum = 0;
        for (int i = Math.Clamp(level, 0, 255); i < 256; i++)
        {
            sum += _histogram[i];
        }

        return sum / (double)Count;
    }

    /// <summary>Luma value at the given fraction (0-1) of the sorted pixels.</summary>
    public int Percentile(double fraction)
    {
        if (Count == 0)
        {
            return 0;
        }

        long target = (long)Math.Ceiling(Math.Clamp(fraction, 0, 1) * Count);
        long sum = 0;
        for (int i = 0; i < 256; i++)
        {
            sum += _histogram[i];
            if (sum >= target && sum > 0)
            {
                return i;
            }
        }

        return 255;
    }

    /// <summary>Shannon entropy of the luma histogram, bits (0-8).</summary>
    public double Entropy()
    {
        if (Count == 0)
        {
            return 0;
        }

        double entropy = 0;
        foreach (int n in _histogram)
        {
            if (n > 0)
            {
                double p = n / (double)Count;
                entropy -= p * Math.Log2(p);
            }
        }

        return entropy;
    }

    /// <summary>
    /// Sums of L*, a*, b* and C* over every <see cref="ColourStep"/>-th pixel of every <see cref="ColourStep"/>-th row,
    /// and the sample count (<see cref="LabKernel.AddSamples"/>: each term added in sample order in double).
    /// </summary>
    private static LabSums SumColours(RgbImage image, PixelRect zone)
    {
        var sums = default(LabSums);
        for (int y = zone.Y; y < zone.Bottom; y += ColourStep)
        {
            LabKernel.AddSamples(image.Row(y), zone.X, zone.Right, ColourStep, ref sums);
        }

        return sums;
    }

    /// <summary>
    /// Luma histogram of the zone's pixels whose 2x2 cell is not background (a pixel beyond the last cell column, in an
    /// odd-width image, belongs to the last cell); returns how many were counted.
    /// </summary>
    private static int CountPersonLevels(LumaPlane luma, PixelRect zone, BackgroundModel background, int[] histogram)
    {
        if (zone.X < 0 || zone.Right > luma.Width)
        {
            throw new ArgumentOutOfRangeException(nameof(zone), zone, "Zone outside the luma plane.");
        }

        ReadOnlySpan<byte> cells = background.Cells;
        int cw = background.CellWidth, ch = background.CellHeight;
        int count = 0;
        ref int h = ref MemoryMarshal.GetArrayDataReference(histogram);
        int pairedEnd = Math.Min(zone.Right, 2 * cw);
        for (int y = zone.Y; y < zone.Bottom; y++)
        {
            ReadOnlySpan<byte> row = luma.Row(y);
            ReadOnlySpan<byte> cellRow = cells.Slice(Math.Min(y >> 1, ch - 1) * cw, cw);
            ref byte p = ref MemoryMarshal.GetReference(row);
            ref byte c = ref MemoryMarshal.GetReference(cellRow);
            int x = zone.X;
            for (; x < pairedEnd; x++)
            {
                if (Unsafe.Add(ref c, x >> 1) != BackgroundModel.CellBackground)
                {
                    Unsafe.Add(ref h, Unsafe.Add(ref p, x))++;
                    count++;
                }
            }

            for (; x < zone.Right; x++)
            {
                if (cellRow[cw - 1] != BackgroundModel.CellBackground)
                {
                    histogram[row[x]]++;
                    count++;
                }
            }
        }

        return count;
    }

    /// <summary>
    /// Luma histogram of the zone, with four interleaved partial histograms (consecutive pixels of equal level no
    /// longer wait on each other's increment), summed at the end.
    /// </summary>
    private static void CountLevels(LumaPlane luma, PixelRect zone, int[] histogram)
    {
        Span<int> parts = stackalloc int[4 * 256];
        parts.Clear();
        ref int h = ref MemoryMarshal.GetReference(parts);
        for (int y = zone.Y; y < zone.Bottom; y++)
        {
            ReadOnlySpan<byte> row = luma.Row(y).Slice(zone.X, zone.Width);
            ref byte p = ref MemoryMarshal.GetReference(row);
            int x = 0;
            for (; x <= row.Length - 4; x += 4)
            {
                Unsafe.Add(ref h, Unsafe.Add(ref p, x))++;
                Unsafe.Add(ref h, 256 + Unsafe.Add(ref p, x + 1))++;
                Unsafe.Add(ref h, 512 + Unsafe.Add(ref p, x + 2))++;
                Unsafe.Add(ref h, 768 + Unsafe.Add(ref p, x + 3))++;
            }

            for (; x < row.Length; x++)
            {
                Unsafe.Add(ref h, Unsafe.Add(ref p, x))++;
            }
        }

        for (int v = 0; v < 256; v++)
        {
            histogram[v] = parts[v] + parts[256 + v] + parts[512 + v] + parts[768 + v];
        }
    }

    /// <summary>Statistics of every pixel of <paramref name="zone"/>; with <paramref name="background"/>, the luma histogram
    /// leaves out pixels whose 2x2 cell is background (so a face box measures the person only).</summary>
    public static ZoneStats Measure(RgbImage image, LumaPlane luma, PixelRect zone, BackgroundModel? background = null, bool colour = true)
    {
        var histogram = new int[256];
        if (zone.IsEmpty)
        {
            return new ZoneStats(zone, histogram, 0, 0, default, 0);
        }

        long lumaSum = 0;
        int count = 0;
        if (background is null)
        {
            CountLevels(luma, zone, histogram);
            for (int v = 1; v < 256; v++)
            {
                lumaSum += (long)v * histogram[v];
            }

            count = zone.Area;
        }
        else
        {
            count = CountPersonLevels(luma, zone, background, histogram);
            for (int v = 1; v < 256; v++)
            {
                lumaSum += (long)v * histogram[v];
            }
        }

        LabSums sums = colour ? SumColours(image, zone) : default;
        return new ZoneStats(zone, histogram, count, count > 0 ? lumaSum / (double)count : 0, sums.Mean, sums.MeanChroma);
    }
}
