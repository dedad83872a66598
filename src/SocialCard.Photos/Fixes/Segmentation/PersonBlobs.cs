using SocialCard.Faces;

namespace SocialCard.Photos.Fixes.Segmentation;

/// <summary>
/// Separate people in the segmentation network's mask: the connected regions of person probability at least 0.5 on
/// its grid (4-neighbours) above the chin (people side by side touch at the shoulders, not at the heads). The region
/// holding the face is the person; every other region at least <see cref="MinShare"/> of that one's area is another
/// person (a second person beside the first, whose face the detector may have missed).
/// </summary>
internal static class PersonBlobs
{
    /// <summary>Area of another region, as a share of the face's region, from which it counts as a person.</summary>
    public const double MinShare = 0.25;

    /// <summary>The number of people: 1 + the regions above the chin row apart from the face's that are large enough;
    /// 0 when the face is not on a person region.</summary>
    public static int Count(PersonMask mask, double faceX, double faceY, double chinY)
    {
        ArgumentNullException.ThrowIfNull(mask);
        int n = mask.Size;
        double scale = (double)n / mask.Side;
        int rows = Math.Clamp((int)((chinY + mask.PadTop) * scale) + 1, 1, n);
        var label = new int[n * n];
        var areas = new List<int> { 0 };
        var stack = new Stack<int>();
        for (int start = 0; start < rows * n; start++)
        {
            if (label[start] != 0 || mask.Probability[start] < 0.5f)
            {
                continue;
            }

            int id = areas.Count, area = 0;
            label[start] = id;
            stack.Push(start);
            while (stack.TryPop(out int i))
            {
                area++;
                int x = i % n, y = i / n;
                Visit(x > 0 ? i - 1 : -1);
                Visit(x + 1 < n ? i + 1 : -1);
                Visit(y > 0 ? i - n : -1);
                Visit(y + 1 < rows ? i + n : -1);
            }

            areas.Add(area);

            void Visit(int j)
            {
                if (j >= 0 && label[j] == 0 && mask.Probability[j] >= 0.5f)
                {
                    label[j] = id;
                    stack.Push(j);
                }
            }
        }

        int gx = Math.Clamp((int)((faceX + mask.PadLeft) * scale), 0, n - 1), gy = Math.Clamp((int)((faceY + mask.PadTop) * scale), 0, n - 1);
        int own = label[(gy * n) + gx];
        if (own == 0)
        {
            return 0;
        }

        int people = 1;
        for (int id = 1; id < areas.Count; id++)
        {
            people += id != own && areas[id] >= areas[own] * MinShare ? 1 : 0;
        }

        return people;
    }
}
