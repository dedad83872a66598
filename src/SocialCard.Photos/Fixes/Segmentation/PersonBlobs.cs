using SocialCard.Faces;
using SocialCard.Imaging.Processing.Regions;

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
        using RegionLabels regions = RegionLabeller.Label(new AtLeastHalf(mask.Probability), n, rows, Connectivity.Four);
        int gx = Math.Clamp((int)((faceX + mask.PadLeft) * scale), 0, n - 1), gy = Math.Clamp((int)((faceY + mask.PadTop) * scale), 0, n - 1);
        int own = gy < rows ? regions.Labels[(gy * n) + gx] : 0;
        if (own == 0)
        {
            return 0;
        }

        int people = 1;
        for (int id = 1; id <= regions.Count; id++)
        {
            people += id != own && regions.Size(id) >= regions.Size(own) * MinShare ? 1 : 0;
        }

        return people;
    }

    /// <summary>The grid cells of person probability at least one half.</summary>
    private readonly ref struct AtLeastHalf(ReadOnlySpan<float> probability) : IPixelSet
    {
        private readonly ReadOnlySpan<float> _probability = probability;

        public bool Contains(int index) => _probability[index] >= 0.5f;
    }
}
