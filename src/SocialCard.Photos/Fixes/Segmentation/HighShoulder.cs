using System.Drawing;

namespace SocialCard.Photos.Fixes.Segmentation;

/// <summary>
/// A shoulder raised above the chin (a body turned or leaning, the far shoulder at the height of the mouth): on
/// voteview_029375 the black jacket's right shoulder rises beside the jaw against a blue wall, the whole-photo pass is
/// sure of it from the photo's lower edge up to a flat top about 90 px above the chin, and the close pass reads it as
/// wall; <see cref="ShoulderOutline"/> alone, which trusts only runs ending below the chin, left the shoulder white. Such
/// a shoulder meets the photo's side: the columns from a side inward whose sure run from the lower edge ends below the
/// eyes, each run's top within <see cref="Step"/> px of its neighbour's (a shoulder's outline is a smooth slope; the
/// head's or the hair's edge is a jump to a run far higher). A dark wall beside dark hair that the whole-photo pass
/// reads as more hair lies beside the head, not at the frame, so its columns do not start such a slope, and hair flaring
/// out to the frame below the ear makes one narrower than <see cref="MinWidth"/>. A little further in (<see cref="Beyond"/>),
/// where the jacket meets the jaw and the sure run goes on up the head, the rows below the slope's last top count too.
/// </summary>
internal static class HighShoulder
{
    /// <summary>Most rows the sure run's top may move from one column to the next along a shoulder's outline.</summary>
    private const int Step = 3;

    /// <summary>Least width of such a slope, in face widths: a shoulder's; hair that flares out to the frame below the
    /// ear, or a dark wall beside it, is narrower.</summary>
    private const double MinWidth = 0.25;

    /// <summary>Beyond the slope's inner end, this many face widths of columns (the jacket between the slope and the jaw,
    /// where the sure run goes on up the head) keep the run below the slope's last top.</summary>
    private const double Beyond = 0.1;

    /// <param name="top">Per column, the first row of the whole-photo pass's sure run from the lower edge (the height when none).</param>
    /// <param name="h">The output's height.</param>
    /// <param name="landmarks">The 68 landmarks in the output (the eyes are 36-47).</param>
    /// <returns>Per column, the first row of the run that belongs to a shoulder's outline from the photo's side (the
    /// height when none).</returns>
    public static int[] FromTheSides(ReadOnlySpan<int> top, int h, IReadOnlyList<PointF> landmarks)
    {
        float eyes = float.MinValue;
        for (int k = 36; k <= 47; k++)
        {
            eyes = Math.Max(eyes, landmarks[k].Y);
        }

        int w = top.Length;
        PointF left = landmarks[0], right = landmarks[16];
        double face = Math.Sqrt(((right.X - left.X) * (right.X - left.X)) + ((right.Y - left.Y) * (right.Y - left.Y)));
        int[] from = new int[w];
        Array.Fill(from, h);
        Mark(from, top, 0, Slope(top, h, eyes, 0, 1), 1, face);
        Mark(from, top, w - 1, Slope(top, h, eyes, w - 1, -1), -1, face);
        return from;
    }

    /// <summary>How many columns from <paramref name="start"/> (walking by <paramref name="dir"/>) make one slope.</summary>
    private static int Slope(ReadOnlySpan<int> top, int h, float eyes, int start, int dir)
    {
        int count = 0;
        for (int x = start, previous = -1; x >= 0 && x < top.Length; x += dir, count++)
        {
            if (top[x] >= h || top[x] <= eyes || (previous >= 0 && Math.Abs(top[x] - previous) > Step))
            {
                break;
            }

            previous = top[x];
        }

        return count;
    }

    private static void Mark(int[] from, ReadOnlySpan<int> top, int start, int count, int dir, double face)
    {
        if (count == 0 || count < MinWidth * face)
        {
            return;
        }

        int x = start;
        for (int k = 0; k < count; k++, x += dir)
        {
            from[x] = top[x];
        }

        int last = top[x - dir];
        for (int k = 0; k < Beyond * face && x >= 0 && x < top.Length; k++, x += dir)
        {
            from[x] = Math.Min(from[x], Math.Max(top[x], last));
        }
    }
}
