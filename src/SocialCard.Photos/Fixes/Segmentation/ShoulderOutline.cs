using System.Drawing;
using System.Runtime.CompilerServices;

namespace SocialCard.Photos.Fixes.Segmentation;

/// <summary>
/// Shape, not colour: a shoulder beside a flag of the jacket's own colour (a navy suit against the flag's navy canton)
/// is one the close network pass doubts (0.25-0.45, the flag above it 0) and no colour rule can give back (the whole
/// photo's sure wall shows the jacket's colour), so it came out whitened beside the collar. The whole-photo pass draws
/// such a shoulder's outline: sure (at least <see cref="Sure"/>) from the photo's lower edge up to the jacket's top edge,
/// a slope from the collar to the frame. In each column where that sure run from the lower edge ends below the chin (a
/// shoulder, not the neck, hair beside the head or a dark wall beside dark hair, where the run goes on above the chin),
/// the run's pixels take the whole-photo pass's probability where it is the larger: the smaller of the two passes is the
/// person only above the shoulder's outline. So do the runs of a shoulder raised above the chin that meets the photo's
/// side (<see cref="HighShoulder"/>). Runs for the cleanup before the edge refinement, so the colour rules still
/// judge the shoulder and the edge follows the photo's own edges.
/// </summary>
internal static class ShoulderOutline
{
    /// <summary>Least probability of the whole-photo pass at a pixel of the shoulder it is sure of.</summary>
    private const float Sure = 0.9f;

    /// <param name="prob">The coarse person probability (the smaller of the two passes'), raised in place.</param>
    /// <param name="whole">The whole-photo pass's probability at every output pixel.</param>
    /// <param name="landmarks">The 68 landmarks in the output (the chin is landmark 8).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Restore(float[] prob, float[] whole, ReadOnlySpan<byte> valid, int w, int h, IReadOnlyList<PointF> landmarks)
    {
        float chin = landmarks[8].Y;
        int[] top = new int[w];
        for (int x = 0; x < w; x++)
        {
            int t = h;
            while (t > 0 && valid[((t - 1) * w) + x] != 0 && whole[((t - 1) * w) + x] >= Sure)
            {
                t--;
            }

            top[x] = t;
        }

        int[] raised = HighShoulder.FromTheSides(top, h, landmarks);
        for (int x = 0; x < w; x++)
        {
            int start = top[x] > chin ? top[x] : raised[x];
            for (int i = (start * w) + x; i < w * h; i += w)
            {
                prob[i] = Math.Max(prob[i], whole[i]);
            }
        }
    }
}
