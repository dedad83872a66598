using System.Numerics;

namespace SocialCard.Imaging.Processing.Statistics;

/// <summary>
/// Order statistics (the k-th smallest value, medians) by selection instead of a full sort. The value returned is the
/// one a sort in <see cref="IComparable{T}.CompareTo"/> order (NaN first, as <see cref="MemoryExtensions.Sort{T}(Span{T})"/>
/// orders it) puts at that place, so a caller that read <c>sorted[k]</c> reads the same number. Selection reorders
/// the span, as a sort would. Linear time on average: every measure that read one median of a few hundred or thousand
/// values paid a whole sort, and a sort of floats goes through a comparer call per comparison in a Native AOT build.
/// </summary>
public static class OrderStatistics
{
    /// <summary>The <paramref name="k"/>-th smallest value (0-based). Afterwards no value before index k is greater
    /// and none after it is smaller.</summary>
    public static T Select<T>(Span<T> values, int k)
        where T : struct, IFloatingPoint<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(k, values.Length);
        int lo = 0, hi = values.Length - 1;
        while (hi > lo)
        {
            if (hi - lo < 16)
            {
                InsertionSort(values[lo..(hi + 1)]);
                return values[k];
            }

            // Median of three as the pivot, moved to lo; then a Hoare partition around it.
            int mid = lo + ((hi - lo) >> 1);
            if (Less(values[mid], values[lo]))
            {
                Swap(values, mid, lo);
            }

            if (Less(values[hi], values[lo]))
            {
                Swap(values, hi, lo);
            }

            if (Less(values[hi], values[mid]))
            {
                Swap(values, hi, mid);
            }

            Swap(values, lo, mid);
            T pivot = values[lo];
            int i = lo, j = hi + 1;
            while (true)
            {
                do
                {
                    i++;
                }
                while (i < hi && Less(values[i], pivot));

                do
                {
                    j--;
                }
                while (Less(pivot, values[j]));

                if (i >= j)
                {
                    break;
                }

                Swap(values, i, j);
            }

            Swap(values, lo, j);
            if (j == k)
            {
                return values[k];
            }

            if (j < k)
            {
                lo = j + 1;
            }
            else
            {
                hi = j - 1;
            }
        }

        return values[k];
    }

    /// <summary>The median: the middle value of an odd count, the mean of the two middle values of an even one, as
    /// <c>(sorted[n/2 - 1] + sorted[n/2]) / 2</c>. The span must not be empty.</summary>
    public static T Median<T>(Span<T> values)
        where T : struct, IFloatingPoint<T>
    {
        ArgumentOutOfRangeException.ThrowIfZero(values.Length);
        int m = values.Length / 2;
        T upper = Select(values, m);
        if (values.Length % 2 == 1)
        {
            return upper;
        }

        // Everything before m is no greater than the upper middle: the lower middle is their largest.
        T lower = values[0];
        for (int i = 1; i < m; i++)
        {
            if (Less(lower, values[i]))
            {
                lower = values[i];
            }
        }

        return (lower + upper) / (T.One + T.One);
    }

    /// <summary>The sort order of <see cref="IComparable{T}.CompareTo"/>: NaN before every number.</summary>
    private static bool Less<T>(T a, T b)
        where T : struct, IFloatingPoint<T> =>
        a < b || (T.IsNaN(a) && !T.IsNaN(b));

    private static void InsertionSort<T>(Span<T> values)
        where T : struct, IFloatingPoint<T>
    {
        for (int i = 1; i < values.Length; i++)
        {
            T v = values[i];
            int j = i - 1;
            while (j >= 0 && Less(v, values[j]))
            {
                values[j + 1] = values[j];
                j--;
            }

            values[j + 1] = v;
        }
    }

    private static void Swap<T>(Span<T> values, int a, int b) => (values[a], values[b]) = (values[b], values[a]);
}
