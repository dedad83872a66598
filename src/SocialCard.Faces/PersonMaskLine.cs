using System.Runtime.CompilerServices;

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
        for (int v = from; v < end; v += step)
        {
            (int y0, int y1, double fy) = _mask.Cell(v, _mask.PadTop);
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
