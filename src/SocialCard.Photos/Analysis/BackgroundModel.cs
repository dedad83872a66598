using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using SocialCard.Imaging;
using SocialCard.Imaging.Processing;
using SocialCard.Imaging.Processing.Luminance;

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
        // At least two rows (one cell row) where the image has them: a one-row image is all zone.
        int shoulderRow = Math.Clamp((int)Math.Round(face.EyeY + (0.5 * face.FaceWidth)), Math.Min(2, height), height);
        int zoneRows = Math.Min(ch, shoulderRow / 2);
        var cells = new byte[cw * ch];
        byte[] cellLuma = System.Buffers.ArrayPool<byte>.Shared.Rent(cw * ch);
        long coloured = ClassifyCells(image, r, g, b, cells, cellLuma, cw, ch, zoneRows);

        // The person: non-background connected to the lower edge or to the face skin zone.
        FillPerson(cells, cw, ch, face.Skin);

        // Above the shoulders: background uniformity and foreign objects.
        (long bgCount, long foreign, long sum, long sumSq, long gradientSum, long gradientCount) = Vector256.IsHardwareAccelerated
            ? MeasureZoneVector256(cells, cellLuma, cw, ch, zoneRows)
            : MeasureZoneScalar(cells, cellLuma, cw, ch, zoneRows);

        System.Buffers.ArrayPool<byte>.Shared.Return(cellLuma);
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

    /// <summary>
    /// The zone above the shoulders (cell rows 0 to <paramref name="zoneRows"/>): marks unclassified cells foreign and
    /// counts them; counts the background cells, sums their luma and its square, and the Sobel |gx| + |gy| of those
    /// whose eight neighbours are background too. The reference, one cell at a time.
    /// </summary>
    internal static (long BgCount, long Foreign, long Sum, long SumSq, long GradientSum, long GradientCount) MeasureZoneScalar(
        byte[] cells, byte[] cellLuma, int cw, int ch, int zoneRows)
    {
        long bgCount = 0, foreign = 0, sum = 0, sumSq = 0, gradientSum = 0, gradientCount = 0;
        for (int y = 0; y < zoneRows; y++)
        {
            ZoneRowScalar(cells, cellLuma, cw, ch, y, 0, cw, ref bgCount, ref foreign, ref sum, ref sumSq, ref gradientSum, ref gradientCount);
        }

        return (bgCount, foreign, sum, sumSq, gradientSum, gradientCount);
    }

    /// <summary>
    /// As <see cref="MeasureZoneScalar"/>, 16 cells per step on the inner rows (cells as bytes, lumas and gradients on
    /// 16-bit lanes, squares on 32-bit lanes; all integer, so the totals are exact); the first and last column, the
    /// image's first and last cell row and the tail go to the scalar code.
    /// </summary>
    internal static (long BgCount, long Foreign, long Sum, long SumSq, long GradientSum, long GradientCount) MeasureZoneVector256(
        byte[] cells, byte[] cellLuma, int cw, int ch, int zoneRows)
    {
        const int Lanes = 16;
        long bgCount = 0, foreign = 0, sum = 0, sumSq = 0, gradientSum = 0, gradientCount = 0;
        var background = Vector128.Create(CellBackground);
        var foreignCell = Vector128.Create(CellForeign);
        ref byte c0 = ref MemoryMarshal.GetArrayDataReference(cells);
        ref byte l0 = ref MemoryMarshal.GetArrayDataReference(cellLuma);
        for (int y = 0; y < zoneRows; y++)
        {
            if (y == 0 || y >= ch - 1 || cw < Lanes + 2)
            {
                ZoneRowScalar(cells, cellLuma, cw, ch, y, 0, cw, ref bgCount, ref foreign, ref sum, ref sumSq, ref gradientSum, ref gradientCount);
                continue;
            }

            ZoneRowScalar(cells, cellLuma, cw, ch, y, 0, 1, ref bgCount, ref foreign, ref sum, ref sumSq, ref gradientSum, ref gradientCount);
            int x = 1;
            for (; x + Lanes <= cw - 1; x += Lanes)
            {
                nuint i = (nuint)((y * cw) + x);
                nuint up = i - (nuint)cw, down = i + (nuint)cw;
                Vector128<byte> c = Vector128.LoadUnsafe(ref c0, i);
                Vector128<byte> isZero = Vector128.Equals(c, Vector128<byte>.Zero);
                Vector128<byte> isBg = Vector128.Equals(c, background);
                Vector128<byte> interior = isBg
                    & Vector128.Equals(Vector128.LoadUnsafe(ref c0, i - 1), background)
                    & Vector128.Equals(Vector128.LoadUnsafe(ref c0, i + 1), background)
                    & Vector128.Equals(Vector128.LoadUnsafe(ref c0, up - 1), background)
                    & Vector128.Equals(Vector128.LoadUnsafe(ref c0, up), background)
                    & Vector128.Equals(Vector128.LoadUnsafe(ref c0, up + 1), background)
                    & Vector128.Equals(Vector128.LoadUnsafe(ref c0, down - 1), background)
                    & Vector128.Equals(Vector128.LoadUnsafe(ref c0, down), background)
                    & Vector128.Equals(Vector128.LoadUnsafe(ref c0, down + 1), background);
                Vector128.ConditionalSelect(isZero, foreignCell, c).StoreUnsafe(ref c0, i);
                foreign += System.Numerics.BitOperations.PopCount(isZero.ExtractMostSignificantBits());
                uint bgBits = isBg.ExtractMostSignificantBits();
                if (bgBits == 0)
                {
                    continue;
                }

                bgCount += System.Numerics.BitOperations.PopCount(bgBits);
                Vector256<ushort> v = Vector256.WidenLower((Vector128.LoadUnsafe(ref l0, i) & isBg).ToVector256Unsafe());
                sum += Vector256.Sum(v);
                (Vector256<uint> vl, Vector256<uint> vh) = Vector256.Widen(v);
                sumSq += Vector256.Sum(vl * vl) + Vector256.Sum(vh * vh);

                uint interiorBits = interior.ExtractMostSignificantBits();
                if (interiorBits == 0)
                {
                    continue;
                }

                gradientCount += System.Numerics.BitOperations.PopCount(interiorBits);
                Vector256<short> ul = Luma16(ref l0, up - 1), uc = Luma16(ref l0, up), ur = Luma16(ref l0, up + 1);
                Vector256<short> ml = Luma16(ref l0, i - 1), mr = Luma16(ref l0, i + 1);
                Vector256<short> dl = Luma16(ref l0, down - 1), dc = Luma16(ref l0, down), dr = Luma16(ref l0, down + 1);
                Vector256<short> gx = ur + (mr + mr) + dr - ul - (ml + ml) - dl;
                Vector256<short> gy = dl + (dc + dc) + dr - ul - (uc + uc) - ur;
                Vector256<short> interiorMask = Vector256.WidenLower(interior.AsSByte().ToVector256Unsafe()); // 0xFF -> -1
                Vector256<ushort> magnitude = ((Vector256.Abs(gx) + Vector256.Abs(gy)) & interiorMask).AsUInt16();
                gradientSum += Vector256.Sum(magnitude);
            }

            ZoneRowScalar(cells, cellLuma, cw, ch, y, x, cw, ref bgCount, ref foreign, ref sum, ref sumSq, ref gradientSum, ref gradientCount);
        }

        return (bgCount, foreign, sum, sumSq, gradientSum, gradientCount);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<short> Luma16(ref byte luma, nuint index) =>
        Vector256.WidenLower(Vector128.LoadUnsafe(ref luma, index).ToVector256Unsafe()).AsInt16();

    private static void ZoneRowScalar(
        byte[] cells, byte[] cellLuma, int cw, int ch, int y, int fromX, int toX,
        ref long bgCount, ref long foreign, ref long sum, ref long sumSq, ref long gradientSum, ref long gradientCount)
    {
        int rowStart = y * cw;
        for (int x = fromX; x < toX; x++)
        {
            int i = rowStart + x;
            byte c = cells[i];
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

    /// <summary>Per-channel median of the top band and the two upper corner strips, and how much of it agrees.</summary>
    private static (byte R, byte G, byte B, double Agreement) BorderMedian(RgbImage image) =>
        Vector128.IsHardwareAccelerated ? BorderMedianFast(image) : BorderMedianScalar(image);

    /// <summary>
    /// The border zone of <see cref="BorderMedianScalar"/>: the top <c>band</c> rows whole (1/80 of the height, at least
    /// two), then the left and right strips (1/14 of the width, at least two pixels) down to <c>cornerRows</c> (45 % of
    /// the height); never more rows than the image has (a one-row image is its own band).
    /// </summary>
    internal static (int Band, int Strip, int CornerRows) BorderZone(int width, int height)
    {
        int band = Math.Min(height, Math.Max(2, height / 80));
        int strip = Math.Max(2, width / 14);
        int cornerRows = Math.Min(height, Math.Max(band, (int)(height * 0.45)));
        return (band, strip, cornerRows);
    }

    /// <summary>
    /// As <see cref="BorderMedianScalar"/>: the histograms in two interleaved sets (a uniform background no longer
    /// chains every increment on one counter), the agreement count 16 pixels at a time (Vector128, scalar tail). The
    /// zone is the top band plus, below it, the strips [0, strip) and [max(strip, width - strip), width) of each row.
    /// </summary>
    internal static (byte R, byte G, byte B, double Agreement) BorderMedianFast(RgbImage image)
    {
        Span<int> histograms = stackalloc int[6 * 256];
        histograms.Clear();
        int width = image.Width;
        (int band, int strip, int cornerRows) = BorderZone(width, image.Height);
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

    /// <summary>Pixels of [<paramref name="from"/>, <paramref name="to"/>) within <see cref="Tolerance"/> of (r, g, b) on every channel.</summary>
    private static int CountAgreeing(ReadOnlySpan<byte> row, int from, int to, byte r, byte g, byte b)
    {
        int agree = 0;
        int x = from;
        if (Vector128.IsHardwareAccelerated)
        {
            var vr = Vector128.Create(r);
            var vg = Vector128.Create(g);
            var vb = Vector128.Create(b);
            var tolerance = Vector128.Create((byte)Tolerance);
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
            if (Math.Abs(row[q] - r) <= Tolerance && Math.Abs(row[q + 1] - g) <= Tolerance && Math.Abs(row[q + 2] - b) <= Tolerance)
            {
                agree++;
            }
        }

        return agree;
    }

    /// <summary>The reference: per-channel median of the top band and the two upper corner strips, and how much of it agrees.</summary>
    internal static (byte R, byte G, byte B, double Agreement) BorderMedianScalar(RgbImage image)
    {
        Span<int> hr = stackalloc int[256];
        Span<int> hg = stackalloc int[256];
        Span<int> hb = stackalloc int[256];
        hr.Clear();
        hg.Clear();
        hb.Clear();
        int width = image.Width;
        (int band, int strip, int cornerRows) = BorderZone(width, image.Height);
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

    /// <summary>
    /// Marks every 2x2 cell within <see cref="Tolerance"/> of the background colour and stores its luma; on the first
    /// <paramref name="colourRows"/> cell rows it also counts the clearly coloured, non-skin/hair cells (from the same
    /// 2x2 sums) and returns that count. Dispatches to <see cref="ClassifyCellsVector256"/> where accelerated; both give
    /// exactly the results of <see cref="ClassifyCellsScalar"/>.
    /// </summary>
    private static long ClassifyCells(RgbImage image, byte r, byte g, byte b, byte[] cells, byte[] cellLuma, int cw, int ch, int colourRows) =>
        Vector256.IsHardwareAccelerated
            ? ClassifyCellsVector256(image, r, g, b, cells, cellLuma, cw, ch, colourRows)
            : ClassifyCellsScalar(image, r, g, b, cells, cellLuma, cw, ch, colourRows, 0);

    /// <summary>The reference, one cell at a time, from cell column <paramref name="fromCell"/> on (earlier columns are left alone).</summary>
    internal static long ClassifyCellsScalar(RgbImage image, byte r, byte g, byte b, byte[] cells, byte[] cellLuma, int cw, int ch, int colourRows, int fromCell)
    {
        long coloured = 0;
        for (int y = 0; y < ch; y++)
        {
            coloured += ClassifyRowScalar(image, y, r, g, b, cells, cellLuma, cw, y < colourRows, fromCell);
        }

        return coloured;
    }

    /// <summary>
    /// 16 cells (32 pixels of two rows) per step: R, G and B are split out with byte shuffles, adjacent pixels are summed
    /// on 16-bit lanes (the byte pair of a lane: low + high), the two rows added; the background test, the cell luma
    /// (32-bit lanes) and the grey pre-test of the coloured count are vectorised, the coloured table is read per
    /// non-grey cell. Cells not fully inside the image (the last one of an odd width) and the tail go to the scalar code.
    /// </summary>
    internal static long ClassifyCellsVector256(RgbImage image, byte r, byte g, byte b, byte[] cells, byte[] cellLuma, int cw, int ch, int colourRows)
    {
        byte[] colouredTable = s_colouredTable.Value;
        var r4 = Vector256.Create((short)(r * 4));
        var g4 = Vector256.Create((short)(g * 4));
        var b4 = Vector256.Create((short)(b * 4));
        var tolerance = Vector256.Create((short)(Tolerance * 4));
        var greySpread = Vector256.Create((short)48);
        var lowByte = Vector256.Create((ushort)0xFF);
        var one = Vector256.Create((byte)1);
        Span<ushort> sums = stackalloc ushort[3 * Vector256<ushort>.Count];
        int vectorCells = Math.Min(cw, image.Width / 2) / Vector256<ushort>.Count * Vector256<ushort>.Count;
        long coloured = 0;
        for (int y = 0; y < ch; y++)
        {
            ref byte row0 = ref MemoryMarshal.GetReference(image.Row(Math.Min(2 * y, image.Height - 1)));
            ref byte row1 = ref MemoryMarshal.GetReference(image.Row(Math.Min((2 * y) + 1, image.Height - 1)));
            ref byte cellRow = ref cells[y * cw];
            ref byte lumaRow = ref cellLuma[y * cw];
            bool colourRow = y < colourRows;
            for (int x = 0; x < vectorCells; x += Vector256<ushort>.Count)
            {
                (Vector256<ushort> sr, Vector256<ushort> sg, Vector256<ushort> sb) = CellSums(ref Unsafe.Add(ref row0, 6 * x), lowByte);
                (Vector256<ushort> tr, Vector256<ushort> tg, Vector256<ushort> tb) = CellSums(ref Unsafe.Add(ref row1, 6 * x), lowByte);
                sr += tr;
                sg += tg;
                sb += tb;

                Vector256<short> background =
                    Vector256.LessThanOrEqual(Vector256.Abs(sr.AsInt16() - r4), tolerance) &
                    Vector256.LessThanOrEqual(Vector256.Abs(sg.AsInt16() - g4), tolerance) &
                    Vector256.LessThanOrEqual(Vector256.Abs(sb.AsInt16() - b4), tolerance);
                (Vector256.Narrow(background.AsUInt16(), Vector256<ushort>.Zero).GetLower() & one.GetLower()).StoreUnsafe(ref cellRow, (nuint)x);

                (Vector256<uint> rl, Vector256<uint> rh) = Vector256.Widen(sr);
                (Vector256<uint> gl, Vector256<uint> gh) = Vector256.Widen(sg);
                (Vector256<uint> bl, Vector256<uint> bh) = Vector256.Widen(sb);
                Vector256<uint> lumaLo = ((rl * Bt601.RedQ8) + (gl * Bt601.GreenQ8) + (bl * Bt601.BlueQ8) + Vector256.Create(512u)) >>> 10;
                Vector256<uint> lumaHi = ((rh * Bt601.RedQ8) + (gh * Bt601.GreenQ8) + (bh * Bt601.BlueQ8) + Vector256.Create(512u)) >>> 10;
                Vector256.Narrow(Vector256.Narrow(lumaLo, lumaHi), Vector256<ushort>.Zero).GetLower().StoreUnsafe(ref lumaRow, (nuint)x);

                if (!colourRow)
                {
                    continue;
                }

                Vector256<short> spread = Vector256.Max(sr.AsInt16(), Vector256.Max(sg.AsInt16(), sb.AsInt16()))
                                        - Vector256.Min(sr.AsInt16(), Vector256.Min(sg.AsInt16(), sb.AsInt16()));
                uint chromatic = Vector256.GreaterThanOrEqual(spread, greySpread).ExtractMostSignificantBits();
                if (chromatic == 0)
                {
                    continue;
                }

                sr.CopyTo(sums);
                sg.CopyTo(sums[Vector256<ushort>.Count..]);
                sb.CopyTo(sums[(2 * Vector256<ushort>.Count)..]);
                while (chromatic != 0)
                {
                    int k = System.Numerics.BitOperations.TrailingZeroCount(chromatic);
                    chromatic &= chromatic - 1;
                    int cr = sums[k], cg = sums[Vector256<ushort>.Count + k], cb = sums[(2 * Vector256<ushort>.Count) + k];
                    if (colouredTable[((cr >> 4) << 12) | ((cg >> 4) << 6) | (cb >> 4)] != 0)
                    {
                        coloured++;
                    }
                }
            }

            if (vectorCells < cw)
            {
                coloured += ClassifyRowScalar(image, y, r, g, b, cells, cellLuma, cw, colourRow, vectorCells);
            }
        }

        return coloured;
    }

    /// <summary>Per-channel sums of the 16 horizontal pixel pairs of 32 RGB24 pixels from <paramref name="p"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<ushort> R, Vector256<ushort> G, Vector256<ushort> B) CellSums(ref byte p, Vector256<ushort> lowByte)
    {
        (Vector128<byte> r0, Vector128<byte> g0, Vector128<byte> b0) = Rgb24Vectors.Deinterleave(ref p);
        (Vector128<byte> r1, Vector128<byte> g1, Vector128<byte> b1) = Rgb24Vectors.Deinterleave(ref Unsafe.Add(ref p, 48));
        Vector256<ushort> r = Vector256.Create(r0, r1).AsUInt16();
        Vector256<ushort> g = Vector256.Create(g0, g1).AsUInt16();
        Vector256<ushort> b = Vector256.Create(b0, b1).AsUInt16();
        return ((r & lowByte) + (r >>> 8), (g & lowByte) + (g >>> 8), (b & lowByte) + (b >>> 8));
    }

    private static long ClassifyRowScalar(RgbImage image, int y, byte r, byte g, byte b, byte[] cells, byte[] cellLuma, int cw, bool colourRow, int fromCell)
    {
        int lo = -Tolerance * 4;
        int hi = Tolerance * 4;
        int r4 = r * 4, g4 = g * 4, b4 = b * 4;
        byte[] colouredTable = s_colouredTable.Value;
        long coloured = 0;
        ReadOnlySpan<byte> row0 = image.Row(Math.Min(2 * y, image.Height - 1));
        ReadOnlySpan<byte> row1 = image.Row(Math.Min((2 * y) + 1, image.Height - 1));
        int outRow = y * cw;
        for (int x = fromCell; x < cw; x++)
        {
            int p0 = 6 * x;
            int p1 = Math.Min(p0 + 3, row0.Length - 3);
            int sr = row0[p0] + row0[p1] + row1[p0] + row1[p1];
            int sg = row0[p0 + 1] + row0[p1 + 1] + row1[p0 + 1] + row1[p1 + 1];
            int sb = row0[p0 + 2] + row0[p1 + 2] + row1[p0 + 2] + row1[p1 + 2];
            int dr = sr - r4, dg = sg - g4, db = sb - b4;
            bool background = dr >= lo && dr <= hi && dg >= lo && dg <= hi && db >= lo && db <= hi;
            cells[outRow + x] = background ? CellBackground : (byte)0;
            cellLuma[outRow + x] = Bt601.LumaQ8(sr, sg, sb, shift: 2);
            if (colourRow && IsColoured(sr, sg, sb, colouredTable))
            {
                coloured++;
            }
        }

        return coloured;
    }

    /// <summary>True when a 2x2 cell with channel sums (<paramref name="sr"/>, <paramref name="sg"/>, <paramref name="sb"/>) is a clearly coloured, non-skin/hair colour.</summary>
    private static bool IsColoured(int sr, int sg, int sb, byte[] colouredTable)
    {
        int max = Math.Max(sr, Math.Max(sg, sb)), min = Math.Min(sr, Math.Min(sg, sb));

        // Near-grey cells (channel spread under 12 levels) cannot reach chroma 20: skip the Lab conversion.
        if (max - min < 48)
        {
            return false;
        }

        // The cell's mean colour, quantised to 6 bits per channel, is classified by a table built once (a Lab
        // conversion per cell cost most of a millisecond per photo; a 4-level step moves chroma by about one unit).
        return colouredTable[((sr >> 4) << 12) | ((sg >> 4) << 6) | (sb >> 4)] != 0;
    }

    /// <summary>
    /// Marks as <see cref="CellPerson"/> every unclassified (0) cell 4-connected to the lower edge or to the face skin
    /// zone: a scanline fill (whole runs of a row at a time, no division per cell); the set it marks is the connected
    /// region, whatever the visiting order.
    /// </summary>
    internal static void FillPerson(byte[] cells, int cw, int ch, PixelRect skin)
    {
        // Each marked run pushes at most one seed per run start in the rows above and below, so pushes stay under
        // twice the cells plus one; the pooled stack grows if a seed round ever needs more.
        int[] stack = System.Buffers.ArrayPool<int>.Shared.Rent(Math.Max(16, cw * ch));
        int lastRow = (ch - 1) * cw;
        for (int x = 0; x < cw; x++)
        {
            Fill(cells, cw, ch, ref stack, lastRow + x);
        }

        for (int y = skin.Y / 2; y < Math.Min(ch, skin.Bottom / 2); y++)
        {
            for (int x = skin.X / 2; x < Math.Min(cw, skin.Right / 2); x++)
            {
                Fill(cells, cw, ch, ref stack, (y * cw) + x);
            }
        }

        System.Buffers.ArrayPool<int>.Shared.Return(stack);
    }

    private static void Fill(byte[] cells, int cw, int ch, ref int[] stack, int seed)
    {
        if (cells[seed] != 0)
        {
            return;
        }

        int top = 0;
        stack[top++] = seed;
        while (top > 0)
        {
            int i = stack[--top];
            if (cells[i] != 0)
            {
                continue;
            }

            int y = i / cw;
            int rowStart = y * cw;
            int left = i, right = i;
            while (left > rowStart && cells[left - 1] == 0)
            {
                left--;
            }

            while (right < rowStart + cw - 1 && cells[right + 1] == 0)
            {
                right++;
            }

            cells.AsSpan(left, right - left + 1).Fill(CellPerson);
            if (y > 0)
            {
                PushRuns(cells, ref stack, ref top, left - cw, right - cw);
            }

            if (y < ch - 1)
            {
                PushRuns(cells, ref stack, ref top, left + cw, right + cw);
            }
        }
    }

    /// <summary>Pushes the first cell of every run of unclassified cells in [<paramref name="from"/>, <paramref name="to"/>].</summary>
    private static void PushRuns(byte[] cells, ref int[] stack, ref int top, int from, int to)
    {
        bool inRun = false;
        for (int j = from; j <= to; j++)
        {
            if (cells[j] != 0)
            {
                inRun = false;
                continue;
            }

            if (!inRun)
            {
                if (top == stack.Length)
                {
                    int[] larger = System.Buffers.ArrayPool<int>.Shared.Rent(stack.Length * 2);
                    stack.AsSpan().CopyTo(larger);
                    System.Buffers.ArrayPool<int>.Shared.Return(stack);
                    stack = larger;
                }

                stack[top++] = j;
                inRun = true;
            }
        }
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

    private static bool IsInterior(byte[] cells, int i, int cw) =>
        cells[i - 1] == CellBackground && cells[i + 1] == CellBackground &&
        cells[i - cw] == CellBackground && cells[i + cw] == CellBackground &&
        cells[i - cw - 1] == CellBackground && cells[i - cw + 1] == CellBackground &&
        cells[i + cw - 1] == CellBackground && cells[i + cw + 1] == CellBackground;
}
