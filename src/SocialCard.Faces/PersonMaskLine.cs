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
