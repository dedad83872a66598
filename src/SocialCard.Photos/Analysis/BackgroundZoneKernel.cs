using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SocialCard.Photos.Analysis;

/// <summary>
/// The uniformity sums of <see cref="BackgroundModel"/> over the cells above the shoulders (background count, foreign
/// cells, luma sums, Sobel gradient). <see cref="MeasureScalar"/> is the reference; <see cref="MeasureVector256"/> gives exactly its sums.
/// </summary>
internal static class BackgroundZoneKernel
{
    /// <summary>
    /// The zone above the shoulders (cell rows 0 to <paramref name="zoneRows"/>): marks unclassified cells foreign and
    /// counts them; counts the background cells, sums their luma and its square, and the Sobel |gx| + |gy| of those
    /// whose eight neighbours are background too. The reference, one cell at a time.
    /// </summary>
    internal static (long BgCount, long Foreign, long Sum, long SumSq, long GradientSum, long GradientCount) MeasureScalar(
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
    /// As <see cref="MeasureScalar"/>, 16 cells per step on the inner rows (cells as bytes, lumas and gradients on
    /// 16-bit lanes, squares on 32-bit lanes; all integer, so the totals are exact); the first and last column, the
    /// image's first and last cell row and the tail go to the scalar code.
    /// </summary>
    internal static (long BgCount, long Foreign, long Sum, long SumSq, long GradientSum, long GradientCount) MeasureVector256(
        byte[] cells, byte[] cellLuma, int cw, int ch, int zoneRows)
    {
        const int Lanes = 16;
        long bgCount = 0, foreign = 0, sum = 0, sumSq = 0, gradientSum = 0, gradientCount = 0;
        var background = Vector128.Create(BackgroundModel.CellBackground);
        var foreignCell = Vector128.Create(BackgroundModel.CellForeign);
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
                cells[i] = BackgroundModel.CellForeign;
                foreign++;
                continue;
            }

            if (c != BackgroundModel.CellBackground)
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

    private static bool IsInterior(byte[] cells, int i, int cw) =>
        cells[i - 1] == BackgroundModel.CellBackground && cells[i + 1] == BackgroundModel.CellBackground &&
        cells[i - cw] == BackgroundModel.CellBackground && cells[i + cw] == BackgroundModel.CellBackground &&
        cells[i - cw - 1] == BackgroundModel.CellBackground && cells[i - cw + 1] == BackgroundModel.CellBackground &&
        cells[i + cw - 1] == BackgroundModel.CellBackground && cells[i + cw + 1] == BackgroundModel.CellBackground;
}
