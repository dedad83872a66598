using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SocialCard.Faces;

/// <summary>
/// <see cref="PersonMask.At"/> along one image row or column, with the grid cells of the fixed coordinate found once
/// (<see cref="PersonMask.Row"/>, <see cref="PersonMask.Column"/>): the same values bit for bit, for measures that read
/// the mask pixel by pixel along a line.
/// </summary>
public readonly struct PersonMaskLine
{
    private readonly PersonMask _mask;
    private readonly int _low;
    private readonly int _high;
    private readonly double _weight;
    private readonly bool _alongRow;

    internal PersonMaskLine(PersonMask mask, int low, int high, double weight, bool alongRow)
    {
        _mask = mask;
        _low = low;
        _high = high;
        _weight = weight;
        _alongRow = alongRow;
    }

    /// <summary>Set false (tests, benchmarks) to read every value of <see cref="FirstAtLeast"/> and
    /// <see cref="CountBelow"/> through <see cref="At"/> (the reference).</summary>
    internal static bool UseGridCache { get; set; } = true;

    /// <summary>Set false (tests, benchmarks) to scan a column with the grid cache one value at a time.</summary>
    internal static bool UseVectors { get; set; } = true;

    /// <summary>
    /// The first <c>v</c> of <paramref name="from"/>, <paramref name="from"/> + <paramref name="step"/>, ... below
    /// <paramref name="end"/> where <c><see cref="At"/>(v) &gt;= threshold</c>, or -1. On a column each grid row's
    /// interpolation across the line is computed once, not once per pixel row: the same values as <see cref="At"/>.
    /// </summary>
    public int FirstAtLeast(int from, int end, float threshold, int step = 1) => Scan(from, end, step, threshold, stopAtFirst: true);

    /// <summary>How many of <c>v</c> = <paramref name="from"/>, <paramref name="from"/> + <paramref name="step"/>, ... below
    /// <paramref name="end"/> have <c><see cref="At"/>(v) &lt; threshold</c> (the values of <see cref="FirstAtLeast"/>).</summary>
    public int CountBelow(int from, int end, float threshold, int step = 1) => Scan(from, end, step, threshold, stopAtFirst: false);

    private int Scan(int from, int end, int step, float threshold, bool stopAtFirst)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(step, 1);
        int below = 0;
        if (_alongRow || !UseGridCache)
        {
            for (int v = from; v < end; v += step)
            {
                if (At(v) >= threshold)
                {
                    if (stopAtFirst)
                    {
                        return v;
                    }
                }
                else
                {
                    below++;
                }
            }

            return stopAtFirst ? -1 : below;
        }

        int lowRow = -1, highRow = -1;
        double low = 0, high = 0;
        int at = from;
        if (UseVectors && Avx2.IsSupported && from < end)
        {
            (int found, at) = ScanVector(from, end, step, threshold, stopAtFirst, ref below);
            if (found >= 0)
            {
                return found;
            }
        }

        for (; at < end; at += step)
        {
            (int y0, int y1, double fy) = _mask.Cell(at, _mask.PadTop);
            if (y0 != lowRow)
            {
                low = y0 == highRow ? high : _mask.AlongRow(y0, _low, _high, _weight);
                lowRow = y0;
            }

            if (y1 != highRow)
            {
                high = _mask.AlongRow(y1, _low, _high, _weight);
                highRow = y1;
            }

            if (PersonMask.Blend(low, high, fy) >= threshold)
            {
                if (stopAtFirst)
                {
                    return at;
                }
            }
            else
            {
                below++;
            }
        }

        return stopAtFirst ? -1 : below;
    }

    /// <summary>
    /// The column scan four values at a time, as far as whole groups of four reach (returns the first value at least
    /// <paramref name="threshold"/> when <paramref name="stopAtFirst"/>, else -1, and where the scalar loop goes on):
    /// the grid cells and weights of four pixel rows by the same double operations as <see cref="PersonMask.Cell"/>, each
    /// grid row's interpolation across the column (<see cref="PersonMask.AlongRow"/>) computed once into a table as the
    /// scan reaches it and gathered from there, the blend as <see cref="PersonMask.Blend"/> (no fused multiply-add, the
    /// same rounding to float): the same values bit for bit.
    /// </summary>
    private unsafe (int Found, int Next) ScanVector(int from, int end, int step, float threshold, bool stopAtFirst, ref int below)
    {
        int size = _mask.Size;
        double* rows = stackalloc double[size];
        int filled = _mask.Cell(from, _mask.PadTop).Low; // rows[first cell .. filled) hold their values
        Vector256<double> lanes = Vector256.Create(0.0, step, 2.0 * step, 3.0 * step);
        Vector256<double> pad = Vector256.Create((double)_mask.PadTop);
        Vector256<double> scale = Vector256.Create(_mask.Scale);
        Vector256<double> half = Vector256.Create(0.5);
        Vector256<double> last = Vector256.Create((double)(size - 1));
        Vector128<int> lastCell = Vector128.Create(size - 1);
        Vector128<float> limit = Vector128.Create(threshold);
        int v = from;
        for (; v + (3 * step) < end; v += 4 * step)
        {
            Vector256<double> g = ((Vector256.Create((double)v) + lanes + pad) * scale) - half;
            g = Avx.Min(Avx.Max(g, Vector256<double>.Zero), last); // Math.Clamp: g is never NaN or -0
            Vector128<int> lowCell = Avx.ConvertToVector128Int32WithTruncation(g);
            Vector128<int> highCell = Sse41.Min(lowCell + Vector128<int>.One, lastCell);
            Vector256<double> fy = g - Avx.ConvertToVector256Double(lowCell);
            for (int needed = highCell.GetElement(3); filled <= needed; filled++)
            {
                rows[filled] = _mask.AlongRow(filled, _low, _high, _weight);
            }

            Vector256<double> top = Avx2.GatherVector256(rows, lowCell, 8);
            Vector256<double> bot = Avx2.GatherVector256(rows, highCell, 8);
            Vector128<float> p = Avx.ConvertToVector128Single(top + ((bot - top) * fy));
            int atLeast = Sse.MoveMask(Sse.CompareGreaterThanOrEqual(p, limit));
            if (stopAtFirst)
            {
                if (atLeast != 0)
                {
                    return (v + (BitOperations.TrailingZeroCount(atLeast) * step), v);
                }
            }
            else
            {
                below += 4 - BitOperations.PopCount((uint)atLeast);
            }
        }

        return (-1, v);
    }

    /// <summary>The probability at <paramref name="v"/> along the line: x on a row, y on a column.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float At(double v)
    {
        if (_alongRow)
        {
            (int x0, int x1, double fx) = _mask.Cell(v, _mask.PadLeft);
            return _mask.Bilinear(x0, x1, fx, _low, _high, _weight);
        }

        (int y0, int y1, double fy) = _mask.Cell(v, _mask.PadTop);
        return _mask.Bilinear(_low, _high, _weight, y0, y1, fy);
    }
}
