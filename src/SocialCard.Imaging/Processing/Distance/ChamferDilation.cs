using System.Buffers;
using SocialCard.Imaging.Processing.BitRows;

namespace SocialCard.Imaging.Processing.Distance;

/// <summary>
/// The pixels whose 3-4 chamfer distance (<see cref="DistanceTransform.Chamfer"/>) to a set pixel is at most a limit,
/// on bit rows (pixel x of a row is bit <c>x % 64</c> of word <c>x / 64</c>; a row is <c>(width + 63) / 64</c> words,
/// the bits past the width clear). The chamfer distance between two pixels is <c>4 min(|dx|, |dy|) + 3 (max - min)</c>
/// (the two passes find it exactly: the shortest path between two pixels stays in their bounding box), so the pixels
/// within the limit are the set pixels dilated by that ball: for each row offset dy, the rows dy above and below spread
/// sideways by the ball's half-width at dy. The same pixels as <c>Chamfer(...) &lt;= limit</c>, without the distance
/// of every pixel.
/// </summary>
public static class ChamferDilation
{
    /// <summary>Into <paramref name="into"/> (<paramref name="height"/> bit rows): the pixels within chamfer distance
    /// <paramref name="limit"/> (chamfer units, 3 per straight step) of a set pixel of <paramref name="set"/>.</summary>
    public static void Dilate(ReadOnlySpan<ulong> set, int width, int height, int limit, Span<ulong> into)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        int words = BitRowKernel.Words(width);
        ArgumentOutOfRangeException.ThrowIfLessThan(set.Length, words * height, nameof(set));
        ArgumentOutOfRangeException.ThrowIfLessThan(into.Length, words * height, nameof(into));
        int reach = limit / 3;
        var halfWidth = new int[reach + 1];
        for (int dy = 0; dy <= reach; dy++)
        {
            int dx = 0;
            while (Chamfer(dx + 1, dy) <= limit)
            {
                dx++;
            }

            halfWidth[dy] = dx;
        }

        // Each source row is spread once per distinct half-width and kept while output rows within reach read it.
        int[] widths = [.. halfWidth.Distinct()];
        int[] kind = [.. halfWidth.Select(k => Array.IndexOf(widths, k))];
        int window = (2 * reach) + 1;
        ulong[] spread = ArrayPool<ulong>.Shared.Rent((window * widths.Length * words) + words);
        Span<ulong> step = spread.AsSpan(window * widths.Length * words, words);
        var empty = new bool[window];
        ulong last = BitRowKernel.LastWordMask(width);
        int ready = 0;
        for (int y = 0; y < height; y++)
        {
            for (int need = Math.Min(height, y + reach + 1); ready < need; ready++)
            {
                int slot = ready % window;
                ReadOnlySpan<ulong> row = set.Slice(ready * words, words);
                empty[slot] = !row.ContainsAnyExcept(0UL);
                for (int k = 0; k < widths.Length && !empty[slot]; k++)
                {
                    Spread(row, widths[k], spread.AsSpan(((slot * widths.Length) + k) * words, words), step);
                }
            }

            Span<ulong> target = into.Slice(y * words, words);
            target.Clear();
            for (int r = Math.Max(0, y - reach); r <= Math.Min(height - 1, y + reach); r++)
            {
                int slot = r % window;
                if (empty[slot])
                {
                    continue;
                }

                ReadOnlySpan<ulong> source = spread.AsSpan(((slot * widths.Length) + kind[Math.Abs(r - y)]) * words, words);
                for (int i = 0; i < words; i++)
                {
                    target[i] |= source[i];
                }
            }

            target[words - 1] &= last;
        }

        ArrayPool<ulong>.Shared.Return(spread);
    }

    private static int Chamfer(int dx, int dy) => (4 * Math.Min(dx, dy)) + (3 * (Math.Max(dx, dy) - Math.Min(dx, dy)));

    /// <summary><paramref name="into"/> = the bits of <paramref name="row"/> spread by up to <paramref name="k"/>
    /// pixels each way (doubling steps: after each, the spread covers twice the shifts).</summary>
    private static void Spread(ReadOnlySpan<ulong> row, int k, Span<ulong> into, Span<ulong> step)
    {
        row.CopyTo(into);
        for (int direction = -1; direction <= 1; direction += 2)
        {
            row.CopyTo(step);
            int covered = 1; // step holds the shifts 0 .. covered - 1
            while (covered * 2 <= k + 1)
            {
                OrShifted(step, covered * direction);
                covered *= 2;
            }

            if (k + 1 > covered)
            {
                OrShifted(step, (k + 1 - covered) * direction);
            }

            for (int i = 0; i < into.Length; i++)
            {
                into[i] |= step[i];
            }
        }
    }

    /// <summary><c>bits |= bits shifted by s pixels</c> (towards higher x for s &gt; 0), in place.</summary>
    private static void OrShifted(Span<ulong> bits, int s)
    {
        int n = bits.Length, ws = Math.Abs(s) >> 6, bs = Math.Abs(s) & 63;
        if (s > 0)
        {
            for (int i = n - 1; i >= 0; i--)
            {
                int j = i - ws;
                ulong v = j >= 0 ? bits[j] << bs : 0;
                if (bs != 0 && j - 1 >= 0)
                {
                    v |= bits[j - 1] >> (64 - bs);
                }

                bits[i] |= v;
            }
        }
        else
        {
            for (int i = 0; i < n; i++)
            {
                int j = i + ws;
                ulong v = j < n ? bits[j] >> bs : 0;
                if (bs != 0 && j + 1 < n)
                {
                    v |= bits[j + 1] << (64 - bs);
                }

                bits[i] |= v;
            }
        }
    }
}
