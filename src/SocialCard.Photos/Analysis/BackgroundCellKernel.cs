using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using SocialCard.Imaging;
using SocialCard.Imaging.Processing;
using SocialCard.Imaging.Processing.Color;
using SocialCard.Imaging.Processing.Luminance;

namespace SocialCard.Photos.Analysis;

/// <summary>
/// The 2 x 2 cells of <see cref="BackgroundModel"/>: background or not, their luma, and the count of clearly coloured
/// cells. <see cref="ClassifyScalar"/> is the reference; <see cref="ClassifyVector256"/> gives exactly its results; <see cref="Classify"/> picks one.
/// </summary>
internal static class BackgroundCellKernel
{
    /// <summary>
    /// Marks every 2x2 cell within <see cref="BackgroundModel.Tolerance"/> of the background colour and stores its luma; on the first
    /// <paramref name="colourRows"/> cell rows it also counts the clearly coloured, non-skin/hair cells (from the same
    /// 2x2 sums) and returns that count. Dispatches to <see cref="ClassifyVector256"/> where accelerated; both give
    /// exactly the results of <see cref="ClassifyScalar"/>.
    /// </summary>
    internal static long Classify(RgbImage image, byte r, byte g, byte b, byte[] cells, byte[] cellLuma, int cw, int ch, int colourRows) =>
        Vector256.IsHardwareAccelerated
            ? ClassifyVector256(image, r, g, b, cells, cellLuma, cw, ch, colourRows)
            : ClassifyScalar(image, r, g, b, cells, cellLuma, cw, ch, colourRows, 0);

    /// <summary>The reference, one cell at a time, from cell column <paramref name="fromCell"/> on (earlier columns are left alone).</summary>
    internal static long ClassifyScalar(RgbImage image, byte r, byte g, byte b, byte[] cells, byte[] cellLuma, int cw, int ch, int colourRows, int fromCell)
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
    /// (32-bit lanes; on AVX2 from 16-bit pairs by <c>vpmaddwd</c>, <see cref="CellLumaAvx2"/>) and the grey pre-test of the coloured count are vectorised, the coloured table is read per
    /// non-grey cell. Cells not fully inside the image (the last one of an odd width) and the tail go to the scalar code.
    /// </summary>
    internal static long ClassifyVector256(RgbImage image, byte r, byte g, byte b, byte[] cells, byte[] cellLuma, int cw, int ch, int colourRows)
    {
        byte[] colouredTable = s_colouredTable.Value;
        var r4 = Vector256.Create((short)(r * 4));
        var g4 = Vector256.Create((short)(g * 4));
        var b4 = Vector256.Create((short)(b * 4));
        var tolerance = Vector256.Create((short)(BackgroundModel.Tolerance * 4));
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

                if (Avx2.IsSupported)
                {
                    CellLumaAvx2(sr, sg, sb).StoreUnsafe(ref lumaRow, (nuint)x);
                }
                else
                {
                    (Vector256<uint> rl, Vector256<uint> rh) = Vector256.Widen(sr);
                    (Vector256<uint> gl, Vector256<uint> gh) = Vector256.Widen(sg);
                    (Vector256<uint> bl, Vector256<uint> bh) = Vector256.Widen(sb);
                    Vector256<uint> lumaLo = ((rl * Bt601.RedQ8) + (gl * Bt601.GreenQ8) + (bl * Bt601.BlueQ8) + Vector256.Create(512u)) >>> 10;
                    Vector256<uint> lumaHi = ((rh * Bt601.RedQ8) + (gh * Bt601.GreenQ8) + (bh * Bt601.BlueQ8) + Vector256.Create(512u)) >>> 10;
                    Vector256.Narrow(Vector256.Narrow(lumaLo, lumaHi), Vector256<ushort>.Zero).GetLower().StoreUnsafe(ref lumaRow, (nuint)x);
                }

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

    /// <summary>
    /// The luma of 16 cells from their channel sums (each at most 1,020), <c>(R r + G g + B b + 512) &gt;&gt; 10</c> in
    /// integers as <see cref="Bt601.LumaQ8"/> with shift 2: r and g interleaved and multiplied-and-added against
    /// (R, G) in one <c>vpmaddwd</c>, b and 1 against (B, 512) in another (every product and sum below 2^18, so exact).
    /// The unpacks work within 128-bit lanes and the saturating pack does too, which puts the cells back in order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> CellLumaAvx2(Vector256<ushort> sr, Vector256<ushort> sg, Vector256<ushort> sb)
    {
        Vector256<short> rg = Vector256.Create((int)((Bt601.GreenQ8 << 16) | Bt601.RedQ8)).AsInt16();
        Vector256<short> b1 = Vector256.Create((int)((512 << 16) | Bt601.BlueQ8)).AsInt16();
        Vector256<short> one = Vector256.Create((ushort)1).AsInt16();
        Vector256<int> lo = Avx2.MultiplyAddAdjacent(Avx2.UnpackLow(sr, sg).AsInt16(), rg) + Avx2.MultiplyAddAdjacent(Avx2.UnpackLow(sb.AsInt16(), one), b1);
        Vector256<int> hi = Avx2.MultiplyAddAdjacent(Avx2.UnpackHigh(sr, sg).AsInt16(), rg) + Avx2.MultiplyAddAdjacent(Avx2.UnpackHigh(sb.AsInt16(), one), b1);
        Vector256<ushort> luma = Avx2.PackUnsignedSaturate(Avx2.ShiftRightLogical(lo, 10), Avx2.ShiftRightLogical(hi, 10));
        return Vector256.Narrow(luma, Vector256<ushort>.Zero).GetLower();
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
        int lo = -BackgroundModel.Tolerance * 4;
        int hi = BackgroundModel.Tolerance * 4;
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
            cells[outRow + x] = background ? BackgroundModel.CellBackground : (byte)0;
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
                    Lab lab = ColorSpace.ToLab((byte)((r << 2) + 2), (byte)((g << 2) + 2), (byte)((b << 2) + 2));
                    double chroma = lab.Chroma;
                    bool coloured = chroma > BackgroundModel.PatchChroma && (chroma > BackgroundModel.StrongChroma || (lab.Hue > 100 && lab.Hue < 335));
                    table[(r << 12) | (g << 6) | b] = coloured ? (byte)1 : (byte)0;
                }
            }
        }

        return table;
    }
}
