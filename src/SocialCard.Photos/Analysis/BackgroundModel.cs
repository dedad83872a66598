using SocialCard.Imaging;

namespace SocialCard.Photos.Analysis;

/// <summary>
/// The background as seen around the person. Its colour is the per-channel median of the border zone (the top band
/// above the hair and the upper corners beside the head); then, at half resolution, every cell within
/// <see cref="Tolerance"/> of that colour is background, the person is the non-background region connected to the
/// lower edge or to the face, and any other non-background cell above the shoulders is foreign (text, objects,
/// shadows, stains). Uniformity is measured over the background cells above the shoulders.
/// </summary>
public sealed class BackgroundModel
{
    /// <summary>Largest per-channel difference from the background colour for a cell to count as background.</summary>
    public const int Tolerance = 36;

    public const byte CellBackground = 1;
    public const byte CellPerson = 2;
    public const byte CellForeign = 3;

    private readonly byte[] _cells;

    private BackgroundModel(byte[] cells, int cellWidth, int cellHeight)
    {
        _cells = cells;
        CellWidth = cellWidth;
        CellHeight = cellHeight;
    }

    /// <summary>Median background colour, sRGB.</summary>
    public (byte R, byte G, byte B) Rgb { get; private init; }

    /// <summary>Median background colour in CIELAB.</summary>
    public Lab Colour { get; private init; }

    /// <summary>Share of the border zone within <see cref="Tolerance"/> of the median colour.</summary>
    public double BorderAgreement { get; private init; }

    /// <summary>Background cells above the shoulder line, as a share of all cells there.</summary>
    public double Coverage { get; private init; }

    /// <summary>Mean Sobel gradient magnitude (luma levels) over interior background cells (OFIQ background uniformity).</summary>
    public double MeanGradient { get; private init; }

    /// <summary>Standard deviation of the luma of the background cells (luma levels).</summary>
    public double LumaSpread { get; private init; }

    /// <summary>Non-background cells above the shoulders not connected to the person, as a share of the zone.</summary>
    public double ForeignShare { get; private init; }

    /// <summary>
    /// Cells above the shoulders whose colour is clearly chromatic and not skin, lips or hair (Lab chroma over
    /// <see cref="PatchChroma"/> with a hue outside the warm skin/lip/hair range 335-100 degrees, or any hue over <see cref="StrongChroma"/>),
    /// as a share of the zone. A leftover of a coloured wall that touches the person is classified as person by the
    /// connectivity above, and the border median misses it when the border itself is white: this catches it.
    /// </summary>
    public double ColouredPatchShare { get; private init; }

    /// <summary>Lab chroma above which a non-warm cell counts towards <see cref="ColouredPatchShare"/>.</summary>
    public const double PatchChroma = 20;

    /// <summary>Lab chroma above which a cell of any hue counts towards <see cref="ColouredPatchShare"/>.</summary>
    public const double StrongChroma = 55;

    /// <summary>Rows (full resolution) the uniformity measures cover: from the top edge to this row.</summary>
    public int ShoulderRow { get; private init; }

    /// <summary>Cells of 2x2 pixels: 1 background, 2 person, 3 foreign.</summary>
    public ReadOnlySpan<byte> Cells => _cells;

    public int CellWidth { get; }

    public int CellHeight { get; }

    public static BackgroundModel Measure(RgbImage image, FaceRegion face)
    {
        int width = image.Width;
        int height = image.Height;
        (byte r, byte g, byte b, double agreement) = BorderMedian(image);

        int cw = Math.Max(1, width / 2);
        int ch = Math.Max(1, height / 2);
        var cells = new byte[cw * ch];
        var cellLuma = new byte[cw * ch];
        ClassifyCells(image, r, g, b, cells, cellLuma, cw, ch);

        // The person: non-background connected to the lower edge or to the face skin zone.
        // Each cell is pushed at most once; the stack is pooled (a 358x441 photo's would be a large-object array).
        int[] stack = System.Buffers.ArrayPool<int>.Shared.Rent(cw * ch);
        int top = 0;
        int lastRow = (ch - 1) * cw;
        for (int x = 0; x < cw; x++)
        {
            Push(cells, stack, ref top, lastRow + x);
        }

        PixelRect skin = face.Skin;
        for (int y = skin.Y / 2; y < Math.Min(ch, skin.Bottom / 2); y++)
        {
            for (int x = skin.X / 2; x < Math.Min(cw, skin.Right / 2); x++)
            {
                Push(cells, stack, ref top, (y * cw) + x);
            }
        }

        while (top > 0)
        {
            int i = stack[--top];
            int x = i % cw;
            if (x > 0)
            {
                Push(cells, stack, ref top, i - 1);
            }

            if (x < cw - 1)
            {
                Push(cells, stack, ref top, i + 1);
            }

            if (i >= cw)
            {
                Push(cells, stack, ref top, i - cw);
            }

            if (i + cw < cells.Length)
            {
                Push(cells, stack, ref top, i + cw);
            }
        }

        System.Buffers.ArrayPool<int>.Shared.Return(stack);

        // Above the shoulders: background uniformity and foreign objects.
        int shoulderRow = Math.Clamp((int)Math.Round(face.EyeY + (0.5 * face.FaceWidth)), 2, height);
        int zoneRows = Math.Min(ch, shoulderRow / 2);
        long bgCount = 0, foreign = 0, sum = 0, sumSq = 0, gradientSum = 0, gradientCount = 0, coloured = 0;
        for (int y = 0; y < zoneRows; y++)
        {
            int rowStart = y * cw;
            ReadOnlySpan<byte> row0 = image.Row(Math.Min(2 * y, height - 1));
            ReadOnlySpan<byte> row1 = image.Row(Math.Min((2 * y) + 1, height - 1));
            for (int x = 0; x < cw; x++)
            {
                int i = rowStart + x;
                byte c = cells[i];
                if (IsColoured(row0, row1, x))
                {
                    coloured++;
                }

                if (c == 0)
                {
                    cells[i] = CellForeign;
                    foreign++;
                    continue;
                }

                if (c != CellBackground)
                {
                    continue;
                }

                bgCount++;
                int v = cellLuma[i];
                sum += v;
                sumSq += v * v;
                if (x > 0 && x < cw - 1 && y > 0 && y < ch - 1 && IsInterior(cells, i, cw))
                {
                    int gx = cellLuma[i - cw + 1] + (2 * cellLuma[i + 1]) + cellLuma[i + cw + 1]
                           - cellLuma[i - cw - 1] - (2 * cellLuma[i - 1]) - cellLuma[i + cw - 1];
                    int gy = cellLuma[i + cw - 1] + (2 * cellLuma[i + cw]) + cellLuma[i + cw + 1]
                           - cellLuma[i - cw - 1] - (2 * cellLuma[i - cw]) - cellLuma[i - cw + 1];
                    gradientSum += Math.Abs(gx) + Math.Abs(gy);
                    gradientCount++;
                }
            }
        }

        long zoneCells = (long)zoneRows * cw;
        double mean = bgCount > 0 ? sum / (double)bgCount : 0;
        double variance = bgCount > 0 ? Math.Max(0, (sumSq / (double)bgCount) - (mean * mean)) : 0;
        return new BackgroundModel(cells, cw, ch)
        {
            Rgb = (r, g, b),
            Colour = Lab.FromRgb(r, g, b),
            BorderAgreement = agreement,
            Coverage = zoneCells > 0 ? bgCount / (double)zoneCells : 0,

            // Sobel |gx| + |gy| sums 8 neighbour differences with weights 1-2-1; divide by 8 for levels per pixel step.
            MeanGradient = gradientCount > 0 ? gradientSum / (8.0 * gradientCount) : 0,
            LumaSpread = Math.Sqrt(variance),
            ForeignShare = zoneCells > 0 ? foreign / (double)zoneCells : 0,
            ColouredPatchShare = zoneCells > 0 ? coloured / (double)zoneCells : 0,
            ShoulderRow = shoulderRow,
        };
    }

    /// <summary>Per-channel median of the top band and the two upper corner strips, and how much of it agrees.</summary>
    private static (byte R, byte G, byte B, double Agreement) BorderMedian(RgbImage image)
    {
        Span<int> hr = stackalloc int[256];
        Span<int> hg = stackalloc int[256];
        Span<int> hb = stackalloc int[256];
        hr.Clear();
        hg.Clear();
        hb.Clear();
        int width = image.Width;
        int band = Math.Max(2, image.Height / 80);
        int strip = Math.Max(2, width / 14);
        int cornerRows = Math.Max(band, (int)(image.Height * 0.45));
        int count = 0;
        for (int y = 0; y < cornerRows; y++)
        {
            ReadOnlySpan<byte> row = image.Row(y);
            bool fullRow = y < band;
            for (int x = 0; x < width; x++)
            {
                if (!fullRow && x == strip)
                {
                    x = width - strip;
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
                    x = width - strip;
                }

                int p = x * 3;
                if (Math.Abs(row[p] - r) <= Tolerance && Math.Abs(row[p + 1] - g) <= Tolerance && Math.Abs(row[p + 2] - b) <= Tolerance)
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

    private static void ClassifyCells(RgbImage image, byte r, byte g, byte b, byte[] cells, byte[] cellLuma, int cw, int ch)
    {
        int lo = -Tolerance * 4;
        int hi = Tolerance * 4;
        int r4 = r * 4, g4 = g * 4, b4 = b * 4;
        for (int y = 0; y < ch; y++)
        {
            ReadOnlySpan<byte> row0 = image.Row(Math.Min(2 * y, image.Height - 1));
            ReadOnlySpan<byte> row1 = image.Row(Math.Min((2 * y) + 1, image.Height - 1));
            int outRow = y * cw;
            for (int x = 0; x < cw; x++)
            {
                int p0 = 6 * x;
                int p1 = Math.Min(p0 + 3, row0.Length - 3);
                int sr = row0[p0] + row0[p1] + row1[p0] + row1[p1];
                int sg = row0[p0 + 1] + row0[p1 + 1] + row1[p0 + 1] + row1[p1 + 1];
                int sb = row0[p0 + 2] + row0[p1 + 2] + row1[p0 + 2] + row1[p1 + 2];
                int dr = sr - r4, dg = sg - g4, db = sb - b4;
                bool background = dr >= lo && dr <= hi && dg >= lo && dg <= hi && db >= lo && db <= hi;
                cells[outRow + x] = background ? CellBackground : (byte)0;
                cellLuma[outRow + x] = (byte)(((77 * sr) + (150 * sg) + (29 * sb) + 512) >> 10);
            }
        }
    }

    /// <summary>True when the 2x2 cell at column <paramref name="x"/> is a clearly coloured, non-skin/hair colour.</summary>
    private static bool IsColoured(ReadOnlySpan<byte> row0, ReadOnlySpan<byte> row1, int x)
    {
        int p0 = 6 * x;
        int p1 = Math.Min(p0 + 3, row0.Length - 3);
        int sr = row0[p0] + row0[p1] + row1[p0] + row1[p1];
        int sg = row0[p0 + 1] + row0[p1 + 1] + row1[p0 + 1] + row1[p1 + 1];
        int sb = row0[p0 + 2] + row0[p1 + 2] + row1[p0 + 2] + row1[p1 + 2];
        int max = Math.Max(sr, Math.Max(sg, sb)), min = Math.Min(sr, Math.Min(sg, sb));

        // Near-grey cells (channel spread under 12 levels) cannot reach chroma 20: skip the Lab conversion.
        if (max - min < 48)
        {
            return false;
        }

        // The cell's mean colour, quantised to 6 bits per channel, is classified by a table built once (a Lab
        // conversion per cell cost most of a millisecond per photo; a 4-level step moves chroma by about one unit).
        return s_colouredTable.Value[((sr >> 4) << 12) | ((sg >> 4) << 6) | (sb >> 4)] != 0;
    }

    private static readonly Lazy<byte[]> s_colouredTable = new(BuildColouredTable);

    /// <summary>For every 6-bit RGB (index r &lt;&lt; 12 | g &lt;&lt; 6 | b), 1 when its bin centre is a coloured patch colour.</summary>
    private static byte[] BuildColouredTable()
    {
        var table = new byte[64 * 64 * 64];
        for (int r = 0; r < 64; r++)
        {
            for (int g = 0; g < 64; g++)
            {
                for (int b = 0; b < 64; b++)
                {
                    Lab lab = Lab.FromRgb((byte)((r << 2) + 2), (byte)((g << 2) + 2), (byte)((b << 2) + 2));
                    double chroma = lab.Chroma;
                    bool coloured = chroma > PatchChroma && (chroma > StrongChroma || (lab.Hue > 100 && lab.Hue < 335));
                    table[(r << 12) | (g << 6) | b] = coloured ? (byte)1 : (byte)0;
                }
            }
        }

        return table;
    }

    private static void Push(byte[] cells, int[] stack, ref int top, int index)
    {
        if (cells[index] == 0)
        {
            cells[index] = CellPerson;
            stack[top++] = index;
        }
    }

    private static bool IsInterior(byte[] cells, int i, int cw) =>
        cells[i - 1] == CellBackground && cells[i + 1] == CellBackground &&
        cells[i - cw] == CellBackground && cells[i + cw] == CellBackground &&
        cells[i - cw - 1] == CellBackground && cells[i - cw + 1] == CellBackground &&
        cells[i + cw - 1] == CellBackground && cells[i + cw + 1] == CellBackground;
}
