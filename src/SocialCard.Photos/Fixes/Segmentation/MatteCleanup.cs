using System.Drawing;

namespace SocialCard.Photos.Fixes.Segmentation;

/// <summary>
/// Takes out of the coarse matte what both network passes call person but is the old background, before the edge
/// refinement: only the person region holding the eyes is kept; regions apart from it (a flag's stripe beside the
/// shoulder that a stripe of another colour separates from the body) are wall.
/// </summary>
internal static class MatteCleanup
{
    /// <summary>Probability from which neighbouring pixels link into one region. Below one half, so a shoulder the close
    /// pass is unsure of along a band (about one half, with the network's grid in it) stays joined to the body; a
    /// stripe apart from the person joins it only through the pixels of another stripe both passes doubt (0.25-0.3 on
    /// voteview_029317).</summary>
    private const float Link = 0.35f;

    /// <summary>Sets to 0 the probability of every pixel at or above <see cref="Link"/> that is not linked to the pixel at
    /// <paramref name="eyes"/> through such pixels (8-neighbours); fainter pixels keep theirs (the edge refinement's
    /// ramp makes them wall).</summary>
    public static void KeepFaceRegion(float[] prob, int width, int height, PointF eyes)
    {
        int n = width * height;
        int seed = (Math.Clamp((int)eyes.Y, 0, height - 1) * width) + Math.Clamp((int)eyes.X, 0, width - 1);
        if (prob[seed] < Link)
        {
            return;
        }

        var kept = new bool[n];
        var stack = new Stack<int>();
        kept[seed] = true;
        stack.Push(seed);
        while (stack.TryPop(out int i))
        {
            int x = i % width, y = i / width;
            for (int ny = Math.Max(0, y - 1); ny <= Math.Min(height - 1, y + 1); ny++)
            {
                for (int nx = Math.Max(0, x - 1); nx <= Math.Min(width - 1, x + 1); nx++)
                {
                    int j = (ny * width) + nx;
                    if (!kept[j] && prob[j] >= Link)
                    {
                        kept[j] = true;
                        stack.Push(j);
                    }
                }
            }
        }

        for (int i = 0; i < n; i++)
        {
            if (prob[i] >= Link && !kept[i])
            {
                prob[i] = 0;
            }
        }
    }
}
