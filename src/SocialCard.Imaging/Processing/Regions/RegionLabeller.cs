using System.Buffers;

namespace SocialCard.Imaging.Processing.Regions;

/// <summary>Which pixels of a row-major grid are set (a struct, so the labeller's calls inline; a ref struct may hold spans).</summary>
public interface IPixelSet
{
    /// <summary>Whether the pixel is set.</summary>
    bool Contains(int index);
}

/// <summary>The set pixels of a mask (non-zero bytes).</summary>
public readonly struct ByteMask(byte[] mask) : IPixelSet
{
    /// <inheritdoc/>
    public bool Contains(int index) => mask[index] != 0;
}

/// <summary>The set pixels of a mask (true).</summary>
public readonly struct BoolMask(bool[] mask) : IPixelSet
{
    /// <inheritdoc/>
    public bool Contains(int index) => mask[index];
}

/// <summary>
/// The one connected-region labelling: the set pixels of a grid split into regions of pixels linked through set pixels
/// (4- or 8-neighbours), each filled by <see cref="ScanlineFill"/>. Regions are numbered from 1 in the row-major order
/// of their first pixel; each comes with its size, bounding box and pixels.
/// </summary>
public static class RegionLabeller
{
    /// <summary>Labels the set pixels of the <paramref name="width"/> x <paramref name="height"/> grid.</summary>
    /// <returns>The labels (pooled arrays: dispose it).</returns>
    public static RegionLabels Label<TSet>(TSet set, int width, int height, Connectivity connectivity)
        where TSet : struct, IPixelSet, allows ref struct
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        int n = width * height;
        var labels = new RegionLabels(width, height);
        var region = new Labelling<TSet> { Set = set, Labels = labels.LabelArray, Members = labels.MemberArray, Width = width };
        var stack = new ScanlineFill.WorkStack(width);
        try
        {
            for (int s = 0; s < n; s++)
            {
                if (!region.CanEnter(s))
                {
                    continue;
                }

                int start = region.Filled;
                region.Id = labels.Count + 1;
                region.Top = s / width;
                (region.Left, region.Right, region.Bottom) = (s - (region.Top * width), s - (region.Top * width), region.Top);
                stack.Push(s);
                int size = ScanlineFill.Drain(ref region, width, height, ref stack, connectivity);
                labels.Add(start, size, new RegionBounds(region.Left, region.Top, region.Right, region.Bottom));
            }
        }
        catch
        {
            labels.Dispose();
            throw;
        }
        finally
        {
            stack.Dispose();
        }

        return labels;
    }

    /// <summary>The fill of one region: unlabelled set pixels take its number and join its pixel list and box.</summary>
    private ref struct Labelling<TSet> : IFillRegion
        where TSet : struct, IPixelSet, allows ref struct
    {
        public TSet Set;
        public int[] Labels;
        public int[] Members;
        public int Width, Filled, Id, Left, Top, Right, Bottom;

        public readonly bool CanEnter(int index) => Labels[index] == 0 && Set.Contains(index);

        public void Enter(int start, int length)
        {
            Labels.AsSpan(start, length).Fill(Id);
            for (int k = 0; k < length; k++)
            {
                Members[Filled + k] = start + k;
            }

            Filled += length;
            int y = start / Width, x = start - (y * Width);
            (Left, Right) = (Math.Min(Left, x), Math.Max(Right, x + length - 1));
            (Top, Bottom) = (Math.Min(Top, y), Math.Max(Bottom, y));
        }
    }
}

/// <summary>A region's bounding box: its leftmost and rightmost columns and top and bottom rows (inclusive).</summary>
public readonly record struct RegionBounds(int Left, int Top, int Right, int Bottom)
{
    /// <summary>Columns the box spans.</summary>
    public int Width => Right - Left + 1;

    /// <summary>Rows the box spans.</summary>
    public int Height => Bottom - Top + 1;
}

/// <summary>The result of <see cref="RegionLabeller.Label"/>: a label per pixel (0 where not set, else 1 to
/// <see cref="Count"/>) and each region's size, bounding box and pixels. Its arrays are pooled: dispose it.</summary>
public sealed class RegionLabels : IDisposable
{
    private readonly List<(int Start, int Size, RegionBounds Bounds)> _regions = [];
    private int[] _labels;
    private int[] _members;

    internal RegionLabels(int width, int height)
    {
        (Width, Height) = (width, height);
        int n = width * height;
        _labels = ArrayPool<int>.Shared.Rent(Math.Max(1, n));
        Array.Clear(_labels, 0, n);
        _members = ArrayPool<int>.Shared.Rent(Math.Max(1, n));
    }

    /// <summary>Columns of the grid.</summary>
    public int Width { get; }

    /// <summary>Rows of the grid.</summary>
    public int Height { get; }

    /// <summary>The number of regions.</summary>
    public int Count => _regions.Count;

    /// <summary>The label of every pixel, row-major: 0 where not set, else its region's number.</summary>
    public ReadOnlySpan<int> Labels => _labels.AsSpan(0, Width * Height);

    internal int[] LabelArray => _labels;

    internal int[] MemberArray => _members;

    /// <summary>The pixels of region <paramref name="label"/> (1 to <see cref="Count"/>).</summary>
    public int Size(int label) => _regions[label - 1].Size;

    /// <summary>The bounding box of region <paramref name="label"/>.</summary>
    public RegionBounds Bounds(int label) => _regions[label - 1].Bounds;

    /// <summary>The pixel indices of region <paramref name="label"/>, a row's run at a time (in no set order).</summary>
    public ReadOnlySpan<int> Pixels(int label)
    {
        (int start, int size, _) = _regions[label - 1];
        return _members.AsSpan(start, size);
    }

    /// <summary>Returns the pooled arrays.</summary>
    public void Dispose()
    {
        if (_labels.Length > 0)
        {
            ArrayPool<int>.Shared.Return(_labels);
            ArrayPool<int>.Shared.Return(_members);
            (_labels, _members) = ([], []);
        }
    }

    internal void Add(int start, int size, RegionBounds bounds) => _regions.Add((start, size, bounds));
}
