using SocialCard.Imaging;

namespace SocialCard.Photos.Analysis;

/// <summary>The person of <see cref="BackgroundModel"/>: the non-background cells connected to the lower edge or to the face.</summary>
internal static class PersonFill
{
    /// <summary>
    /// Marks as <see cref="BackgroundModel.CellPerson"/> every unclassified (0) cell 4-connected to the lower edge or to the face skin
    /// zone: a scanline fill (whole runs of a row at a time, no division per cell); the set it marks is the connected
    /// region, whatever the visiting order.
    /// </summary>
    internal static void Mark(byte[] cells, int cw, int ch, PixelRect skin)
    {
        // Each marked run pushes at most one seed per run start in the rows above and below, so pushes stay under
        // twice the cells plus one; the pooled stack grows if a seed round ever needs more.
        int[] stack = System.Buffers.ArrayPool<int>.Shared.Rent(Math.Max(16, cw * ch));
        int lastRow = (ch - 1) * cw;
        for (int x = 0; x < cw; x++)
        {
            Fill(cells, cw, ch, ref stack, lastRow + x);
        }

        for (int y = skin.Y / 2; y < Math.Min(ch, skin.Bottom / 2); y++)
        {
            for (int x = skin.X / 2; x < Math.Min(cw, skin.Right / 2); x++)
            {
                Fill(cells, cw, ch, ref stack, (y * cw) + x);
            }
        }

        System.Buffers.ArrayPool<int>.Shared.Return(stack);
    }

    private static void Fill(byte[] cells, int cw, int ch, ref int[] stack, int seed)
    {
        if (cells[seed] != 0)
        {
            return;
        }

        int top = 0;
        stack[top++] = seed;
        while (top > 0)
        {
            int i = stack[--top];
            if (cells[i] != 0)
            {
                continue;
            }

            int y = i / cw;
            int rowStart = y * cw;
            int left = i, right = i;
            while (left > rowStart && cells[left - 1] == 0)
            {
                left--;
            }

            while (right < rowStart + cw - 1 && cells[right + 1] == 0)
            {
                right++;
            }

            cells.AsSpan(left, right - left + 1).Fill(BackgroundModel.CellPerson);
            if (y > 0)
            {
                PushRuns(cells, ref stack, ref top, left - cw, right - cw);
            }

            if (y < ch - 1)
            {
                PushRuns(cells, ref stack, ref top, left + cw, right + cw);
            }
        }
    }

    /// <summary>Pushes the first cell of every run of unclassified cells in [<paramref name="from"/>, <paramref name="to"/>].</summary>
    private static void PushRuns(byte[] cells, ref int[] stack, ref int top, int from, int to)
    {
        bool inRun = false;
        for (int j = from; j <= to; j++)
        {
            if (cells[j] != 0)
            {
                inRun = false;
                continue;
            }

            if (!inRun)
            {
                if (top == stack.Length)
                {
                    int[] larger = System.Buffers.ArrayPool<int>.Shared.Rent(stack.Length * 2);
                    stack.AsSpan().CopyTo(larger);
                    System.Buffers.ArrayPool<int>.Shared.Return(stack);
                    stack = larger;
                }

                stack[top++] = j;
                inRun = true;
            }
        }
    }
}
