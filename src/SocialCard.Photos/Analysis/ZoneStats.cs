using SocialCard.Imaging;

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
            for (int y = zone.Y; y < zone.Bottom; y++)
            {
                ReadOnlySpan<byte> row = luma.Row(y).Slice(zone.X, zone.Width);
                foreach (byte v in row)
                {
                    histogram[v]++;
                    lumaSum += v;
                }
            }

            count = zone.Area;
        }
        else
        {
            ReadOnlySpan<byte> cells = background.Cells;
            int cw = background.CellWidth, ch = background.CellHeight;
            for (int y = zone.Y; y < zone.Bottom; y++)
            {
                ReadOnlySpan<byte> row = luma.Row(y);
                int cellRow = Math.Min(y >> 1, ch - 1) * cw;
                for (int x = zone.X; x < zone.Right; x++)
                {
                    if (cells[cellRow + Math.Min(x >> 1, cw - 1)] == BackgroundModel.CellBackground)
                    {
                        continue;
                    }

                    byte v = row[x];
                    histogram[v]++;
                    lumaSum += v;
                    count++;
                }
            }
        }

        double sumL = 0, sumA = 0, sumB = 0, sumC = 0;
        int labCount = 0;
        ReadOnlySpan<float> linear = Lab.LinearTable;
        for (int y = zone.Y; colour && y < zone.Bottom; y += ColourStep)
        {
            ReadOnlySpan<byte> row = image.Row(y);
            for (int x = zone.X; x < zone.Right; x += ColourStep)
            {
                int p = x * 3;
                float r = linear[row[p]], g = linear[row[p + 1]], b = linear[row[p + 2]];
                float fx = Lab.F(((0.4124564f * r) + (0.3575761f * g) + (0.1804375f * b)) / 0.95047f);
                float fy = Lab.F((0.2126729f * r) + (0.7151522f * g) + (0.0721750f * b));
                float fz = Lab.F(((0.0193339f * r) + (0.1191920f * g) + (0.9503041f * b)) / 1.08883f);
                float a = 500f * (fx - fy), bb = 200f * (fy - fz);
                sumL += (116f * fy) - 16f;
                sumA += a;
                sumB += bb;
                sumC += MathF.Sqrt((a * a) + (bb * bb));
                labCount++;
            }
        }

        return new ZoneStats(
            zone,
            histogram,
            count,
            count > 0 ? lumaSum / (double)count : 0,
            labCount > 0 ? new Lab(sumL / labCount, sumA / labCount, sumB / labCount) : default,
            labCount > 0 ? sumC / labCount : 0);
    }
}
