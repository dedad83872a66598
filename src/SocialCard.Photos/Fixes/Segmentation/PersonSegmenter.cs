using System.Drawing;
using System.Runtime.CompilerServices;
using SocialCard.Imaging;
using SocialCard.Imaging.Processing.Color;
using SocialCard.Imaging.Processing.Distance;
using SocialCard.Imaging.Processing.Regions;
using SocialCard.Photos.Fixes.Pixels;

namespace SocialCard.Photos.Fixes.Segmentation;

/// <summary>
/// Separates the person from a plain wall of any colour, at output scale (358x441, so every step is cheap).
/// Method:
/// <list type="number">
/// <item>Wall colour model: a Lab plane per channel (<see cref="BackgroundColourModel"/>) fitted robustly to the image
/// border above the chin, the area above the head top and the areas well beside the head; its residual spread sigma
/// is the wall's own texture.</item>
/// <item>Person prior from the landmarks: the face polygon (jaw + brows, shrunk 8%), a forehead ellipse up to the
/// found hair top, and a neck/shoulder trapezoid from below the chin to the lower edge. These pixels are person.</item>
/// <item>Trimap by hysteresis: the person is what is 4-connected to the prior through pixels whose wall distance
/// exceeds max(6, 2.5 sigma); everything reachable from the border or the extended canvas without crossing the
/// person is wall; enclosed leftovers (holes: glasses glints, white collar inside the jacket) are filled as person, and
/// below the chin every column is person from the first clearly non-wall pixel down (light clothing on a light wall).
/// On a coloured wall (chroma over 15) wall-coloured pixels connected to the wall, and wall-coloured patches enclosed
/// by hair strands and the neck, are wall again: the fixed torso prior otherwise lets the person flood the wall beside
/// a narrow neck, and the hole filling keeps what hair encloses (a purple/red patch left at the shoulder).</item>
/// <item>Soft alpha: guided filter of the hard mask with the normalised wall distance as guide (radius 2, eps 0.01),
/// kept only in a band of +/-3 px around the mask edge (inside deeper than 2 px = 1, outside beyond 3 px = 0), so
/// hair strands keep partial opacity and the edge is soft without a blocky cut.</item>
/// <item>Edge decontamination: in the band the wall colour is un-mixed, F = (I - (1 - alpha) W) / alpha, blended
/// towards the mean colour of nearby solid person pixels where alpha is small, so no wall-coloured halo remains
/// once the person is put on white.</item>
/// </list>
/// </summary>
internal static class PersonSegmenter
{
    private const float GuideEps = 0.01f;
    private const int GuideRadius = 2;
    private const float InsideSolid = 2f;
    private const float OutsideClear = 3f;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SegmentationResult Segment(RgbImage image, ReadOnlySpan<byte> valid, IReadOnlyList<PointF> landmarks, double hairTop)
    {
        int w = image.Width, h = image.Height, n = w * h;
        LabImage lab = LabImage.From(image);
        byte[] prior = BuildPrior(w, h, valid, landmarks, hairTop);
        BackgroundColourModel? wall = FitWall(lab, valid, prior, landmarks, hairTop);

        float[] distance = new float[n];
        double sigma = wall?.Sigma ?? 2;
        float low = (float)Math.Max(6, 2.5 * sigma), high = (float)Math.Max(12, 5 * sigma);
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                int i = (y * w) + x;
                if (valid[i] == 0)
                {
                    continue;
                }

                distance[i] = wall is null
                    ? WhiteDistance(lab.L[i], lab.A[i], lab.B[i])
                    : wall.Distance(x, y, lab.L[i], lab.A[i], lab.B[i]);
            }
        }

        byte[] mask = Watershed(lab, valid, prior, distance, low);
        bool colouredWall = wall is not null && WallChroma(wall, w) > ColouredWallChroma;
        if (colouredWall)
        {
            ReclaimWall(mask, distance, w, h, low);
        }

        int holes = FillHoles(w, h, mask, valid);
        holes += FillBelowShoulders(mask, distance, valid, w, h, landmarks, low);
        if (colouredWall)
        {
            _ = RemoveWallPatches(mask, distance, w, h, low);

            // The rims of the reclaimed wall (JPEG ringing, mixed edge pixels) are slightly farther from the model.
            ReclaimWall(mask, distance, w, h, RimFactor * low);
        }

        // Soft edge.
        float[] guide = new float[n], hard = new float[n];
        for (int i = 0; i < n; i++)
        {
            guide[i] = Math.Min(1f, distance[i] / high);
            hard[i] = mask[i];
        }

        float[] soft = GuidedFilter.Filter(guide, hard, w, h, GuideRadius, GuideEps);
        float[] inside = DistanceTransform.To(mask, 1, w, h);
        float[] outside = DistanceTransform.To(mask, 0, w, h);
        float[] alpha = new float[n];
        for (int i = 0; i < n; i++)
        {
            if (mask[i] == 1)
            {
                alpha[i] = inside[i] > InsideSolid ? 1f : Math.Clamp(soft[i], 0.5f, 1f);
            }
            else
            {
                alpha[i] = outside[i] > OutsideClear || valid[i] == 0 || distance[i] < low * 0.7f ? 0f : Math.Clamp(soft[i], 0f, 0.5f);
            }
        }

        RgbImage foreground = Decontaminate(image, alpha, wall, w, h);
        return new SegmentationResult(alpha, mask, foreground, wall, low, holes);
    }

    /// <summary>Wall chroma (Lab) above which the wall cannot be confused with skin, hair or light clothing, so every
    /// wall-coloured pixel connected to the wall is wall (<see cref="ReclaimWall"/>).</summary>
    private const float ColouredWallChroma = 15f;

    private static float WallChroma(BackgroundColourModel wall, int w)
    {
        (float _, float a, float b) = wall.At(w / 2.0, 0);
        return MathF.Sqrt((a * a) + (b * b));
    }

    /// <summary>
    /// On a coloured wall, a person pixel within the low threshold of the wall model that is 4-connected through such
    /// pixels to the wall region is wall. The torso prior is a fixed trapezoid: beside a narrow neck it covers wall, and
    /// the watershed then floods the wall from it at zero cost (a wall-coloured patch left at the shoulder).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReclaimWall(byte[] mask, float[] distance, int w, int h, float low)
    {
        // Filled from every such pixel beside the wall (a pixel the fill takes becomes wall, beside the rest of its region).
        var close = new CloseToWall(mask, distance, low);
        for (int y = 0, i = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++, i++)
            {
                if (close.CanEnter(i) && ((x > 0 && mask[i - 1] == 0) || (x < w - 1 && mask[i + 1] == 0) || (y > 0 && mask[i - w] == 0) || (y < h - 1 && mask[i + w] == 0)))
                {
                    ScanlineFill.Fill(ref close, w, h, i, Connectivity.Four);
                }
            }
        }
    }

    /// <summary>Person pixels (1) within the low threshold of the wall model; entering one makes it wall (0).</summary>
    private readonly struct CloseToWall(byte[] mask, float[] distance, float low) : IFillRegion, IPixelSet
    {
        public bool CanEnter(int index) => mask[index] == 1 && distance[index] < low;

        public bool Contains(int index) => CanEnter(index);

        public void Enter(int start, int length) => mask.AsSpan(start, length).Clear();
    }

    /// <summary>Smallest wall-coloured patch inside the person mask that <see cref="RemoveWallPatches"/> turns back into
    /// wall (smaller ones are hair-strand fringes the soft edge handles).</summary>
    private const int MinWallPatch = 12;

    /// <summary>Looser threshold (times the low threshold) for the last pass of <see cref="ReclaimWall"/> on a coloured
    /// wall: still far below skin, hair or clothing against a saturated wall.</summary>
    private const float RimFactor = 1.6f;

    /// <summary>
    /// On a coloured wall, every 4-connected patch of at least <see cref="MinWallPatch"/> person pixels within the low
    /// threshold of the wall model is wall, connected to the wall or not: wall seen between hair strands and the neck
    /// is enclosed by the person, and the hole filling would otherwise keep it. Returns the pixels turned into wall.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int RemoveWallPatches(byte[] mask, float[] distance, int w, int h, float low)
    {
        using RegionLabels patches = RegionLabeller.Label(new CloseToWall(mask, distance, low), w, h, Connectivity.Four);
        int removed = 0;
        for (int id = 1; id <= patches.Count; id++)
        {
            if (patches.Size(id) >= MinWallPatch)
            {
                foreach (int i in patches.Pixels(id))
                {
                    mask[i] = 0;
                }

                removed += patches.Size(id);
            }
        }

        return removed;
    }

    private static float WhiteDistance(float l, float a, float b)
    {
        float dl = (l - 100f) * BackgroundColourModel.LightnessWeight;
        return MathF.Sqrt((dl * dl) + (a * a) + (b * b));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static byte[] BuildPrior(int w, int h, ReadOnlySpan<byte> valid, IReadOnlyList<PointF> p, double hairTop)
    {
        var prior = new byte[w * h];
        // Face polygon: jaw 0..16 then brows 26..17, shrunk towards its centroid.
        var poly = new PointF[27];
        float cx = 0, cy = 0;
        for (int i = 0; i <= 16; i++)
        {
            poly[i] = p[i];
        }

        for (int i = 0; i < 10; i++)
        {
            poly[17 + i] = p[26 - i];
        }

        foreach (PointF q in poly)
        {
            cx += q.X;
            cy += q.Y;
        }

        cx /= poly.Length;
        cy /= poly.Length;
        for (int i = 0; i < poly.Length; i++)
        {
            poly[i] = new PointF(cx + ((poly[i].X - cx) * 0.92f), cy + ((poly[i].Y - cy) * 0.92f));
        }

        float faceWidth = (float)Math.Sqrt(((p[16].X - p[0].X) * (p[16].X - p[0].X)) + ((p[16].Y - p[0].Y) * (p[16].Y - p[0].Y)));
        float browY = float.MaxValue;
        for (int i = 17; i <= 26; i++)
        {
            browY = Math.Min(browY, p[i].Y);
        }

        float eyeX = (p[36].X + p[45].X) / 2f;
        float foreheadA = 0.36f * faceWidth, foreheadB = Math.Max(3f, 0.8f * (browY - (float)hairTop));
        PointF chin = p[8];
        float torsoTop = chin.Y + (0.12f * faceWidth);
        for (int y = 0; y < h; y++)
        {
            float t = (y - torsoTop) / Math.Max(1f, h - torsoTop);
            float torsoHalf = (0.18f + (0.47f * Math.Clamp(t, 0, 1))) * faceWidth;
            for (int x = 0; x < w; x++)
            {
                int i = (y * w) + x;
                if (valid[i] == 0)
                {
                    continue;
                }

                bool inPrior;
                if (y >= torsoTop)
                {
                    inPrior = Math.Abs(x - chin.X) <= torsoHalf;
                }
                else if (y <= browY)
                {
                    float dx = (x - eyeX) / foreheadA, dy = (y - browY) / foreheadB;
                    inPrior = (dx * dx) + (dy * dy) <= 1;
                }
                else
                {
                    inPrior = Inside(poly, x + 0.5f, y + 0.5f);
                }

                if (inPrior)
                {
                    prior[i] = 1;
                }
            }
        }

        return prior;
    }

    private static bool Inside(PointF[] poly, float x, float y)
    {
        bool inside = false;
        for (int i = 0, j = poly.Length - 1; i < poly.Length; j = i++)
        {
            if (((poly[i].Y > y) != (poly[j].Y > y)) &&
                (x < ((poly[j].X - poly[i].X) * (y - poly[i].Y) / (poly[j].Y - poly[i].Y)) + poly[i].X))
            {
                inside = !inside;
            }
        }

        return inside;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static BackgroundColourModel? FitWall(LabImage lab, ReadOnlySpan<byte> valid, byte[] prior, IReadOnlyList<PointF> p, double hairTop)
    {
        int w = lab.Width, h = lab.Height;
        var samples = new List<(float X, float Y, float L, float A, float B)>();
        float chinY = p[8].Y;
        float faceWidth = Math.Abs(p[16].X - p[0].X);
        float eyeX = (p[36].X + p[45].X) / 2f;
        const int Band = 4;
        for (int y = 0; y < h; y += 2)
        {
            for (int x = 0; x < w; x += 2)
            {
                int i = (y * w) + x;
                if (valid[i] == 0 || prior[i] != 0)
                {
                    continue;
                }

                bool border = y < Band || ((x < Band || x >= w - Band) && y < chinY);
                bool aboveHead = y < hairTop - 4;
                bool besideHead = Math.Abs(x - eyeX) > 0.85f * faceWidth && y < chinY - (0.1f * faceWidth);
                if (border || aboveHead || besideHead)
                {
                    samples.Add((x, y, lab.L[i], lab.A[i], lab.B[i]));
                }
            }
        }

        return BackgroundColourModel.Fit(samples);
    }

    /// <summary>
    /// Seeded watershed on the Lab colour difference between neighbours: person seeds are the prior, wall seeds the
    /// border, the extended canvas and every pixel close to the wall model (distance under half the low threshold)
    /// farther than 12% of the width from the prior. Both grow in order of the edge they must cross (bucket queue over the
    /// quantised difference), so each pixel joins the side it reaches across the weakest edges: a person/wall contour is
    /// the strongest edge around, even on a textured backdrop or next to a flag, where a single colour threshold fails.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static byte[] Watershed(LabImage lab, ReadOnlySpan<byte> valid, byte[] prior, float[] distance, float low)
    {
        int w = lab.Width, h = lab.Height, n = w * h;
        const byte Person = 1, Wall = 2;
        var label = new byte[n];
        float[] nearPrior = DistanceTransform.To(prior, 0, w, h);
        float farFromPrior = 0.12f * w;
        var buckets = new Stack<int>[256];
        for (int i = 0; i < 256; i++)
        {
            buckets[i] = new Stack<int>();
        }

        for (int i = 0; i < n; i++)
        {
            int x = i % w, y = i / w;
            if (prior[i] != 0)
            {
                label[i] = Person;
            }
            else if (valid[i] == 0 || x == 0 || y == 0 || x == w - 1 || (distance[i] < Math.Min(low * 0.5f, 5f) && nearPrior[i] > farFromPrior))
            {
                label[i] = Wall;
            }
        }

        int current = 0;
        for (int i = 0; i < n; i++)
        {
            if (label[i] != 0)
            {
                PushNeighbours(i);
            }
        }

        for (int level = 0; level < 256; level++)
        {
            Stack<int> bucket = buckets[level];
            while (bucket.Count > 0)
            {
                int packed = bucket.Pop();
                int j = packed >> 1;
                if (label[j] != 0)
                {
                    continue;
                }

                label[j] = (packed & 1) == 0 ? Person : Wall;
                current = level;
                PushNeighbours(j);
            }
        }

        var mask = new byte[n];
        for (int i = 0; i < n; i++)
        {
            mask[i] = label[i] == Person ? (byte)1 : (byte)0;
        }

        return mask;

        void PushNeighbours(int i)
        {
            int x = i % w, y = i / w;
            int side = label[i] == Person ? 0 : 1;
            if (x > 0) Push(i, i - 1, side);
            if (x < w - 1) Push(i, i + 1, side);
            if (y > 0) Push(i, i - w, side);
            if (y < h - 1) Push(i, i + w, side);
        }

        void Push(int from, int to, int side)
        {
            if (label[to] != 0)
            {
                return;
            }

            float dl = lab.L[from] - lab.L[to], da = lab.A[from] - lab.A[to], db = lab.B[from] - lab.B[to];
            int cost = Math.Max(current, Math.Min(255, (int)(MathF.Sqrt((dl * dl) + (da * da) + (db * db)) * 4f)));
            buckets[cost].Push((to << 1) | side);
        }
    }

    /// <summary>
    /// Below the chin a column that meets the person (three consecutive pixels farther than the threshold from the
    /// wall) is person from there down to the lower edge, provided its bottom pixel is not wall-coloured: the torso
    /// fills the frame below the shoulder line. Light clothing against a light wall otherwise comes out in ragged,
    /// partly whitened patches whose upper edge reads as a tilted shoulder line.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int FillBelowShoulders(byte[] mask, float[] distance, ReadOnlySpan<byte> valid, int w, int h, IReadOnlyList<PointF> p, float low)
    {
        float faceWidth = MathF.Sqrt(((p[16].X - p[0].X) * (p[16].X - p[0].X)) + ((p[16].Y - p[0].Y) * (p[16].Y - p[0].Y)));
        int start = Math.Clamp((int)(p[8].Y + (0.1f * faceWidth)), 0, h - 1);
        int filled = 0;
        for (int x = 0; x < w; x++)
        {
            int bottom = ((h - 1) * w) + x;
            if (valid[bottom] == 0 || distance[bottom] <= low)
            {
                continue;
            }

            int run = 0, edge = -1;
            for (int y = start; y < h; y++)
            {
                run = distance[(y * w) + x] > low ? run + 1 : 0;
                if (run == 3)
                {
                    edge = y - 2;
                    break;
                }
            }

            for (int y = Math.Max(edge, 0); edge >= 0 && y < h; y++)
            {
                int i = (y * w) + x;
                if (mask[i] == 0 && valid[i] != 0)
                {
                    mask[i] = 1;
                    filled++;
                }
            }
        }

        return filled;
    }

    /// <summary>Marks as person every non-person pixel not reachable from the border or the extended canvas.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int FillHoles(int w, int h, byte[] mask, ReadOnlySpan<byte> valid)
    {
        var wall = new byte[w * h];
        var outside = new NotReached(mask, wall);
        for (int i = 0; i < mask.Length; i++)
        {
            int x = i % w, y = i / w;
            bool seed = valid[i] == 0 || x == 0 || y == 0 || x == w - 1 || y == h - 1;
            if (seed && outside.CanEnter(i))
            {
                ScanlineFill.Fill(ref outside, w, h, i, Connectivity.Four);
            }
        }

        int filled = 0;
        for (int i = 0; i < mask.Length; i++)
        {
            if (mask[i] == 0 && wall[i] == 0)
            {
                mask[i] = 1;
                filled++;
            }
        }

        return filled;
    }

    /// <summary>Non-person pixels (0) not yet reached from the border; entering one marks it reached (wall 1).</summary>
    private readonly struct NotReached(byte[] mask, byte[] wall) : IFillRegion
    {
        public bool CanEnter(int index) => mask[index] == 0 && wall[index] == 0;

        public void Enter(int start, int length) => wall.AsSpan(start, length).Fill(1);
    }

    /// <summary>The wall model's colour behind every pixel (white without a model), for <see cref="ForegroundEstimator"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static RgbImage Decontaminate(RgbImage image, float[] alpha, BackgroundColourModel? wall, int w, int h)
    {
        float[] behind = new float[w * h * 3];
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                int i = (y * w) + x, p = i * 3;
                if (alpha[i] <= 0f || alpha[i] >= 1f)
                {
                    continue; // only the soft edge is un-mixed
                }

                (byte wr, byte wg, byte wb) = wall is null ? ((byte)255, (byte)255, (byte)255) : ToRgb(wall.At(x, y));
                (behind[p], behind[p + 1], behind[p + 2]) = (wr, wg, wb);
            }
        }

        return ForegroundEstimator.Estimate(image, alpha, behind);
    }

    private static (byte R, byte G, byte B) ToRgb((float L, float A, float B) lab)
    {
        RgbColor c = ColorSpace.ToRgb(lab.L, lab.A, lab.B);
        return (c.R, c.G, c.B);
    }
}
