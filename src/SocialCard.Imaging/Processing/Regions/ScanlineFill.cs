using System.Buffers;
using System.Runtime.CompilerServices;

namespace SocialCard.Imaging.Processing.Regions;

/// <summary>Which pixels of a grid touch: the 4 sharing a side, or the 8 sharing a side or a corner.</summary>
public enum Connectivity
{
    /// <summary>Left, right, above, below.</summary>
    Four,

    /// <summary>The 4 and the diagonal ones.</summary>
    Eight,
}

/// <summary>
/// What a <see cref="ScanlineFill"/> fills, on a row-major grid (pixel <c>y * width + x</c>): which pixels it may still
/// enter, and marking a run of a row entered. A struct (a ref struct may hold spans), so the fill's calls inline.
/// </summary>
public interface IFillRegion
{
    /// <summary>Whether the pixel is in the region and not entered yet; false for every pixel once entered.</summary>
    bool CanEnter(int index);

    /// <summary>Marks <paramref name="length"/> pixels of one row from <paramref name="start"/> entered.</summary>
    void Enter(int start, int length);
}

/// <summary>
/// The one flood fill: every pixel linked to a seed (4- or 8-neighbours) through pixels of a region
/// (<see cref="IFillRegion"/>), a row's whole run at a time. A popped pixel's run is extended left and right and
/// entered at once; of the rows above and below (the run one pixel wider each side for 8-neighbours) only the first
/// pixel of each stretch still to enter is pushed. The set entered is the connected region, whatever the order; the work
/// stack is pooled and grows when a fill needs more.
/// </summary>
public static class ScanlineFill
{
    /// <summary>Enters the region's pixels linked to <paramref name="seed"/> (nothing when the seed cannot be entered).</summary>
    /// <returns>The pixels entered.</returns>
    public static int Fill<TRegion>(ref TRegion region, int width, int height, int seed, Connectivity connectivity)
        where TRegion : struct, IFillRegion, allows ref struct =>
        Run(ref region, width, height, new ReadOnlySpan<int>(in seed), connectivity, beside: false);

    /// <summary>Enters the region's pixels linked to any of the seeds.</summary>
    /// <returns>The pixels entered.</returns>
    public static int Fill<TRegion>(ref TRegion region, int width, int height, ReadOnlySpan<int> seeds, Connectivity connectivity)
        where TRegion : struct, IFillRegion, allows ref struct =>
        Run(ref region, width, height, seeds, connectivity, beside: false);

    /// <summary>Enters the region's pixels linked to any of the sources, which need not be in the region: the fill starts
    /// from the sources' neighbours it may enter.</summary>
    /// <returns>The pixels entered.</returns>
    public static int Spread<TRegion>(ref TRegion region, int width, int height, ReadOnlySpan<int> sources, Connectivity connectivity)
        where TRegion : struct, IFillRegion, allows ref struct =>
        Run(ref region, width, height, sources, connectivity, beside: true);

    /// <summary>Fills from each start in turn, or (<paramref name="beside"/>) from each of its neighbours.</summary>
    private static int Run<TRegion>(ref TRegion region, int width, int height, scoped ReadOnlySpan<int> starts, Connectivity connectivity, bool beside)
        where TRegion : struct, IFillRegion, allows ref struct
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        var stack = new WorkStack(width);
        try
        {
            int entered = 0;
            foreach (int start in starts)
            {
                if (!beside)
                {
                    if (region.CanEnter(start))
                    {
                        stack.Push(start);
                        entered += Drain(ref region, width, height, ref stack, connectivity);
                    }

                    continue;
                }

                int x = start % width, y = start / width;
                for (int ny = Math.Max(0, y - 1); ny <= Math.Min(height - 1, y + 1); ny++)
                {
                    for (int nx = Math.Max(0, x - 1); nx <= Math.Min(width - 1, x + 1); nx++)
                    {
                        int j = (ny * width) + nx;
                        bool touches = connectivity == Connectivity.Eight || nx == x || ny == y;
                        if (touches && j != start && region.CanEnter(j))
                        {
                            stack.Push(j);
                            entered += Drain(ref region, width, height, ref stack, connectivity);
                        }
                    }
                }
            }

            return entered;
        }
        finally
        {
            stack.Dispose();
        }
    }

    /// <summary>Fills from the pixels on the stack until it is empty.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int Drain<TRegion>(ref TRegion region, int width, int height, ref WorkStack stack, Connectivity connectivity)
        where TRegion : struct, IFillRegion, allows ref struct
    {
        int widen = connectivity == Connectivity.Eight ? 1 : 0, entered = 0;
        while (stack.Count > 0)
        {
            int i = stack.Pop();
            if (!region.CanEnter(i))
            {
                continue;
            }

            int y = i / width, row = y * width, left = i, right = i;
            while (left > row && region.CanEnter(left - 1))
            {
                left--;
            }

            while (right < row + width - 1 && region.CanEnter(right + 1))
            {
                right++;
            }

            region.Enter(left, right - left + 1);
            entered += right - left + 1;
            int from = Math.Max(row, left - widen) - row, to = Math.Min(row + width - 1, right + widen) - row;
            if (y > 0)
            {
                PushRuns(ref region, ref stack, row - width + from, row - width + to);
            }

            if (y < height - 1)
            {
                PushRuns(ref region, ref stack, row + width + from, row + width + to);
            }
        }

        return entered;
    }

    /// <summary>Pushes the first pixel of every stretch of enterable pixels in [<paramref name="from"/>, <paramref name="to"/>].</summary>
    private static void PushRuns<TRegion>(ref TRegion region, ref WorkStack stack, int from, int to)
        where TRegion : struct, IFillRegion, allows ref struct
    {
        bool open = false;
        for (int j = from; j <= to; j++)
        {
            if (region.CanEnter(j))
            {
                if (!open)
                {
                    stack.Push(j);
                    open = true;
                }
            }
            else
            {
                open = false;
            }
        }
    }

    /// <summary>The fill's stack of pixels to visit: a pooled array that doubles when full.</summary>
    internal struct WorkStack : IDisposable
    {
        private readonly int _first;
        private int[] _items;

        /// <summary>A stack whose array (at least a row of the grid) is rented at the first push.</summary>
        public WorkStack(int width) => (_first, _items) = (Math.Max(64, width), []);

        public int Count { get; private set; }

        public void Push(int index)
        {
            if (Count == _items.Length)
            {
                int[] larger = ArrayPool<int>.Shared.Rent(Math.Max(_first, 2 * _items.Length));
                _items.AsSpan(0, Count).CopyTo(larger);
                if (_items.Length > 0)
                {
                    ArrayPool<int>.Shared.Return(_items);
                }

                _items = larger;
            }

            _items[Count++] = index;
        }

        public int Pop() => _items[--Count];

        public void Dispose()
        {
            if (_items.Length > 0)
            {
                ArrayPool<int>.Shared.Return(_items);
                _items = [];
            }
        }
    }
}
