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
        if (set.Overlaps(into))
        {
            throw new ArgumentException("The dilation is written apart from the set it reads.", nameof(into));
        }

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

        // The half-widths shrink with the row offset, and spreading by a then by b spreads by a + b; so, from the row
        // itself outwards, each pair of rows dy above and below joins after the rows nearer have been spread by the
        // half-width's drop from dy - 1 to dy, and the whole is spread by the last half-width at the end: each row ends
        // spread by its own half-width, one pixel each way per step.
        var occupied = new bool[height];
        for (int y = 0; y < height; y++)
        {
            occupied[y] = set.Slice(y * words, words).ContainsAnyExcept(0UL);
        }

        ulong last = BitRowKernel.LastWordMask(width);
        int near = 0; // occupied rows within reach of row y
        for (int r = 0; r < Math.Min(height, reach); r++)
        {
            near += occupied[r] ? 1 : 0;
        }

        for (int y = 0; y < height; y++)
        {
            near += y + reach < height && occupied[y + reach] ? 1 : 0;
            near -= y - reach - 1 >= 0 && occupied[y - reach - 1] ? 1 : 0;
            Span<ulong> target = into.Slice(y * words, words);
            if (near == 0)
            {
                target.Clear();
                continue;
            }

            set.Slice(y * words, words).CopyTo(target);
            for (int dy = 1; dy <= reach; dy++)
            {
                for (int k = halfWidth[dy - 1] - halfWidth[dy]; k > 0; k--)
                {
                    SpreadOne(target);
                }

                if (y - dy >= 0 && occupied[y - dy])
                {
                    Or(target, set.Slice((y - dy) * words, words));
                }

                if (y + dy < height && occupied[y + dy])
                {
                    Or(target, set.Slice((y + dy) * words, words));
                }
            }

            for (int k = halfWidth[reach]; k > 0; k--)
            {
                SpreadOne(target);
            }

            target[words - 1] &= last;
        }
    }

    /// <summary><c>bits |= row</c>.</summary>
    private static void Or(Span<ulong> bits, ReadOnlySpan<ulong> row)
    {
        for (int i = 0; i < bits.Length; i++)
        {
            bits[i] |= row[i];
        }
    }

    /// <summary>Each set bit spreads one pixel each way, in place (bits past the last word are dropped: a pixel beyond the
    /// row spread back is one its own bit already reaches).</summary>
    private static void SpreadOne(Span<ulong> bits)
    {
        ulong previous = 0;
        for (int i = 0; i < bits.Length; i++)
        {
            ulong current = bits[i], next = i + 1 < bits.Length ? bits[i + 1] : 0;
            bits[i] = current | (current << 1) | (previous >> 63) | (current >> 1) | (next << 63);
            previous = current;
        }
    }

    private static int Chamfer(int dx, int dy) => (4 * Math.Min(dx, dy)) + (3 * (Math.Max(dx, dy) - Math.Min(dx, dy)));
}
