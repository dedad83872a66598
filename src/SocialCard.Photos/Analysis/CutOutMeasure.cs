using System.Buffers;
using System.Numerics;
using SocialCard.Faces;
using SocialCard.Imaging;
using SocialCard.Imaging.Processing.BitRows;
using SocialCard.Imaging.Processing.BlockGrid;
using SocialCard.Imaging.Processing.Distance;
using SocialCard.Photos.Faces;

namespace SocialCard.Photos.Analysis;

/// <summary>
/// What a cut-out onto white left behind, measured with the person-segmentation network's mask (person = probability
/// at least 0.5) on a photo whose background is white. Sizes scale with the face width (fw). "Not white": the darkest
/// channel more than <see cref="NotWhite"/> below 255.
/// <list type="bullet">
/// <item><see cref="RemnantShare"/>: background pixels beside and above the head (rows above the chin) farther than
/// the halo ring from the person that are not white (stripes of a flag, a backdrop's colour, a dark wall), as a share
/// of the background there; not counted: strands (not-white pixels joined to the person whose colour is a blend of the
/// nearby person colour with white) and clothing the network left out (a not-white region joined to the person that
/// reaches the photo's lower edge and lies wholly below the mouth).</item>
/// <item><see cref="HaloShare"/>: background pixels of the ring within 0.02 fw outside the person above the eye line
/// (the hair's edge) whose colour is not a blend of the nearby hair or skin with white (the old background's colour
/// kept in the hair's edge), as a share of the ring.</item>
/// <item><see cref="SkullCut"/>: across the head (0.8 fw wide), the larger of the share of columns where the person
/// reaches the upper edge and the longest run of columns whose top lies within 2 px (a flat cut; a skull is round).</item>
/// <item><see cref="Jaggedness"/>: how much of the boundary between white and the rest above the chin lies on a block
/// grid: the staircase of a mask made at block resolution and scaled up without smoothing (0 none .. 1 all).</item>
/// </list>
/// </summary>
public sealed class CutOutMeasure
{
    /// <summary>Darkest-channel distance from 255 above which a pixel is not white.</summary>
    public const int NotWhite = 40;

    /// <summary>Median darkest-channel distance from 255 of the sure background at or below which the background is white.</summary>
    public const int WhiteBackground = 15;

    /// <summary>Distance of a ring pixel's colour from the blend line of its person colour with white (opponent
    /// chroma units, 0-255) above which it counts as halo.</summary>
    public const double HaloDeviation = 14;

    public double RemnantShare { get; private init; }

    public double HaloShare { get; private init; }

    public double SkullCut { get; private init; }

    public double Jaggedness { get; private init; }

    /// <summary>The measures, or null when the background is not white (background.color reports that) or the network
    /// does not see a person at the face.</summary>
    /// <remarks>Every measure reads only the rows above the chin (the head centre lies above them too), so the planes
    /// cover those rows plus the halo ring's reach below them (the distance to the person is only compared with the
    /// ring, and a person pixel farther down cannot be nearer than the ring); the skull's column scan reads the mask
    /// and the pixels directly below that band. The planes are rented, not allocated per photo.</remarks>
    public static CutOutMeasure? Measure(RgbImage image, PersonMask mask, ObservedFace face) => Read(image, mask, face).Measure;

    /// <summary>The measures with the two readings that decide whether they are taken (<see cref="CutOutReading"/>);
    /// <see cref="CutOutReading.Unread"/> for a face without its 68 landmarks or a photo or face too small to read.</summary>
    /// <remarks>Computed only where a reading can change: one pass over the band classifies each pixel (its darkness,
    /// person or not, not white or not: bit rows) and counts the sure background's histogram; the halo ring is the
    /// person's bits dilated by the ring's chamfer ball (<see cref="ChamferDilation"/>: the same pixels as a distance
    /// transform compared with the ring); the remnant counts the background by bits and looks at a pixel only where it
    /// is not white beyond the ring, and fills the not-white region of such a pixel only (is it joined to the person?);
    /// the halo looks at ring pixels only. The same values as measuring every pixel, to the last digit.</remarks>
    public static CutOutReading Read(RgbImage image, PersonMask mask, ObservedFace face)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(mask);
        ArgumentNullException.ThrowIfNull(face);
        int w = image.Width, h = image.Height;
        if (mask.ImageWidth != w || mask.ImageHeight != h)
        {
            throw new ArgumentException($"The mask was made for a {mask.ImageWidth}x{mask.ImageHeight} photo, not this {w}x{h} one.", nameof(mask));
        }

        double fw = face.FaceWidth;
        if (!face.HasLandmarks || w < 32 || h < 32 || fw < 16)
        {
            return CutOutReading.Unread;
        }

        System.Drawing.PointF eyes = face.EyeMidpoint;
        int chinRow = Math.Clamp((int)face.Chin.Y, 1, h);
        int eyeRow = Math.Clamp((int)eyes.Y, 1, h);
        double ring = Math.Max(2, 0.02 * fw);
        double cx = eyes.X, cy = eyes.Y - (0.25 * fw);
        int rows = (int)Math.Min(h, Math.Max(Math.Max(chinRow, eyeRow), Math.Ceiling(cy) + 1) + Math.Ceiling(ring) + 2);
        using var planes = new CutOutPlanes(w, rows, h);
        mask.Sample(planes.Probability.AsSpan(0, w * rows));
        int background = Classify(image, planes, chinRow);
        double personAtFace = PersonAtFace(mask, face);
        if (background > WhiteBackground || personAtFace < 0.5)
        {
            return new CutOutReading(null, background, personAtFace);
        }

        ulong[] person = planes.Person, halo = planes.Ring;
        ChamferDilation.Dilate(person, w, rows, DistanceTransform.ChamferLimit(ring), halo);
        for (int i = 0; i < planes.Words * rows; i++)
        {
            halo[i] &= ~person[i];
        }

        return new CutOutReading(
            new CutOutMeasure
            {
                RemnantShare = Remnant(image, mask, planes, chinRow, MouthRow(face), cx, cy),
                HaloShare = Halo(image, planes, eyeRow, cx, cy),
                SkullCut = Skull(image, mask, planes, w, rows, cx, fw),
                Jaggedness = Grid(planes.DistanceFromWhite, w, chinRow),
            },
            background,
            personAtFace);
    }

    /// <summary>Every row of the band: each pixel's darkness (<see cref="CutOutPlanes.DistanceFromWhite"/>), its person
    /// and not-white bits; and the background level (<see cref="CutOutReading.BackgroundLevel"/>) from the pixels above
    /// <paramref name="chinRow"/>.</summary>
    private static int Classify(RgbImage image, CutOutPlanes planes, int chinRow)
    {
        int w = planes.Width, words = planes.Words;
        Span<int> histogram = stackalloc int[256];
        int n = 0;
        for (int y = 0; y < planes.Rows; y++)
        {
            ReadOnlySpan<float> p = planes.Probability.AsSpan(y * w, w);
            Span<byte> dw = planes.DistanceFromWhite.AsSpan(y * w, w);
            BitRowKernel.Darkness(image.Pixels.Slice(y * image.Stride, 3 * w), dw);
            BitRowKernel.AtLeast(p, 0.5f, planes.Person.AsSpan(y * words, words));
            BitRowKernel.Above(dw, (byte)NotWhite, planes.NotWhite.AsSpan(y * words, words));
            if (y < chinRow)
            {
                n += BitRowKernel.AddBelow(p, 0.1f, dw, histogram);
            }
        }

        if (n == 0)
        {
            return 256;
        }

        int seen = 0;
        for (int v = 0; v < 256; v++)
        {
            seen += histogram[v];
            if (seen * 2 >= n)
            {
                return v;
            }
        }

        return 256;
    }

    /// <summary>Whether the network sees a person where the face is (the 68 landmarks' mean probability, at least 0.5
    /// for a person): on a drawing or a synthetic face it may not, and then its mask says nothing about the cut-out.</summary>
    private static double PersonAtFace(PersonMask mask, ObservedFace face)
    {
        double sum = 0;
        foreach (System.Drawing.PointF q in face.Landmarks)
        {
            sum += mask.At(q.X, q.Y);
        }

        return sum / face.Landmarks.Count;
    }

    /// <summary>Not-white background pixels beyond the ring above <paramref name="rows"/>, except strands: pixels
    /// connected to the person through not-white pixels whose colour is a blend of the nearby person colour with white
    /// (a lock of hair the network left out); as a share of the background beyond the ring.</summary>
    private static double Remnant(RgbImage image, PersonMask mask, CutOutPlanes planes, int rows, int mouthRow, double cx, double cy)
    {
        int words = planes.Words;
        ulong last = BitRowKernel.LastWordMask(planes.Width);
        ReadOnlySpan<byte> px = image.Pixels;
        int background = 0, remnant = 0;
        for (int y = 0; y < rows; y++)
        {
            for (int i = 0; i < words; i++)
            {
                int k = (y * words) + i;
                ulong beyond = ~(planes.Person[k] | planes.Ring[k]) & (i == words - 1 ? last : ulong.MaxValue);
                background += BitOperations.PopCount(beyond);
                for (ulong look = beyond & planes.NotWhite[k]; look != 0; look &= look - 1)
                {
                    int x = (i << 6) + BitOperations.TrailingZeroCount(look);
                    if ((Joined(planes, x, y, rows) && !OffBlend(px, image.Stride, planes, x, y, cx, cy)) || Clothing(image, mask, planes, x, y, mouthRow))
                    {
                        continue;
                    }

                    remnant++;
                }
            }
        }

        return background == 0 ? 0 : remnant / (double)background;
    }

    private static byte Darkness(ReadOnlySpan<byte> px, int o) => BitRowKernel.Darkness(px[o], px[o + 1], px[o + 2]);

    /// <summary>Whether the not-white pixel (x, y) (not person) lies in a region of not-white pixels (4-connected,
    /// above <paramref name="rows"/>) that touches the person: filled once per region.</summary>
    private static bool Joined(CutOutPlanes planes, int x, int y, int rows)
    {
        int w = planes.Width;
        byte[] component = planes.Component;
        int start = (y * w) + x;
        if (component[start] == 0)
        {
            int[] list = planes.Stack;
            int count = 0;
            bool joined = false;
            component[start] = 3;
            list[count++] = start;
            for (int k = 0; k < count; k++)
            {
                int i = list[k], qx = i % w, qy = i / w;
                for (int d = 0; d < 4; d++)
                {
                    int nx = qx + (d == 0 ? -1 : d == 1 ? 1 : 0), ny = qy + (d == 2 ? -1 : d == 3 ? 1 : 0);
                    if (nx < 0 || ny < 0 || nx >= w || ny >= rows)
                    {
                        continue;
                    }

                    int j = (ny * w) + nx;
                    if (planes.IsPerson(nx, ny))
                    {
                        joined = true;
                    }
                    else if (component[j] == 0 && planes.IsNotWhite(nx, ny))
                    {
                        component[j] = 3;
                        list[count++] = j;
                    }
                }
            }

            for (int k = 0; k < count; k++)
            {
                component[list[k]] = joined ? (byte)1 : (byte)2;
            }
        }

        return component[start] == 1;
    }

    /// <summary>The row of the lower mouth corner: clothing lies below it.</summary>
    private static int MouthRow(ObservedFace face) => (int)Math.Max(face.Landmarks[48].Y, face.Landmarks[54].Y);

    /// <summary>Whether the not-white pixel (x, y) (not person) is clothing the network left out: its region of
    /// not-white, not-person pixels (4-connected, over the whole photo) touches the person, reaches the photo's lower
    /// edge and lies wholly below <paramref name="mouthRow"/> (a jacket or collar at the shoulders; a remnant of the old
    /// background beside the head reaches above the mouth, one at the neck ends on the shoulder). Filled once per
    /// region, stopped at the first pixel above the mouth.</summary>
    private static bool Clothing(RgbImage image, PersonMask mask, CutOutPlanes planes, int x, int y, int mouthRow)
    {
        if (y <= mouthRow)
        {
            return false;
        }

        int w = planes.Width, h = planes.Height;
        byte[] component = planes.PhotoComponent;
        int start = (y * w) + x;
        if (component[start] == 0)
        {
            int[] list = planes.PhotoStack;
            int count = 0;
            bool joined = false, bottom = false, high = false;
            component[start] = 3;
            list[count++] = start;
            for (int k = 0; k < count && !high; k++)
            {
                int i = list[k], qx = i % w, qy = i / w;
                high = qy <= mouthRow;
                bottom |= qy == h - 1;
                for (int d = 0; d < 4 && !high; d++)
                {
                    int nx = qx + (d == 0 ? -1 : d == 1 ? 1 : 0), ny = qy + (d == 2 ? -1 : d == 3 ? 1 : 0);
                    if (nx < 0 || ny < 0 || nx >= w || ny >= h)
                    {
                        continue;
                    }

                    int j = (ny * w) + nx;
                    if (ny < planes.Rows ? planes.IsPerson(nx, ny) : mask.At(nx, ny) >= 0.5f)
                    {
                        joined = true;
                    }
                    else if (component[j] == 2)
                    {
                        high = true; // part of a region already found to reach above the mouth
                    }
                    else if (component[j] == 0 && (ny < planes.Rows ? planes.IsNotWhite(nx, ny) : Darkness(image.Pixels, (ny * image.Stride) + (nx * 3)) > NotWhite))
                    {
                        component[j] = 3;
                        list[count++] = j;
                    }
                }
            }

            byte result = !high && joined && bottom ? (byte)1 : (byte)2;
            for (int k = 0; k < count; k++)
            {
                component[list[k]] = result;
            }
        }

        return component[start] == 1;
    }

    /// <summary>True when the pixel's colour is off the blend line of white with the person colour on the way to the head centre.</summary>
    private static bool OffBlend(ReadOnlySpan<byte> px, int stride, CutOutPlanes planes, int x, int y, double cx, double cy) =>
        InsideColour(planes, x, y, cx, cy) is not { } inside || OffBlend(px, stride, x, y, inside);

    /// <summary>True when the pixel's colour is off the blend line of white with the colour at <paramref name="inside"/>.</summary>
    internal static bool OffBlend(ReadOnlySpan<byte> px, int stride, int x, int y, (int X, int Y) inside)
    {
        int o = (y * stride) + (x * 3), k = (inside.Y * stride) + (inside.X * 3);
        (double u, double v) = Opponent(px[o], px[o + 1], px[o + 2]);
        (double hu, double hv) = Opponent(px[k], px[k + 1], px[k + 2]);
        return DistanceToSegment(u, v, hu, hv) > HaloDeviation;
    }

    /// <summary>Ring pixels above <paramref name="rows"/> whose colour is not a blend of the person colour with white,
    /// as a share of the ring there.</summary>
    private static double Halo(RgbImage image, CutOutPlanes planes, int rows, double cx, double cy)
    {
        int w = planes.Width, words = planes.Words;
        byte[] dw = planes.DistanceFromWhite;
        ReadOnlySpan<byte> px = image.Pixels;
        int n = 0, halo = 0;
        for (int y = 0; y < rows; y++)
        {
            for (int i = 0; i < words; i++)
            {
                ulong ring = planes.Ring[(y * words) + i];
                n += BitOperations.PopCount(ring);
                for (; ring != 0; ring &= ring - 1)
                {
                    int x = (i << 6) + BitOperations.TrailingZeroCount(ring);
                    halo += dw[(y * w) + x] > 20 && InsideColour(planes, x, y, cx, cy) is { } inside && OffBlend(px, image.Stride, x, y, inside) ? 1 : 0;
                }
            }
        }

        return n == 0 ? 0 : halo / (double)n;
    }

    /// <summary>The person pixel two steps past the edge on the way from (x, y) to the head centre.</summary>
    private static (int X, int Y)? InsideColour(CutOutPlanes planes, int x, int y, double cx, double cy)
    {
        double dx = cx - x, dy = cy - y, len = Math.Sqrt((dx * dx) + (dy * dy));
        if (len < 1)
        {
            return null;
        }

        dx /= len;
        dy /= len;
        int past = -1;
        for (int s = 1; s < len; s++)
        {
            int qx = (int)Math.Round(x + (dx * s)), qy = (int)Math.Round(y + (dy * s));
            if (qx < 0 || qy < 0 || qx >= planes.Width || qy >= planes.Rows)
            {
                return null;
            }

            if (planes.IsPerson(qx, qy))
            {
                past = past < 0 ? s + 2 : past;
            }

            if (past >= 0 && s >= past)
            {
                return (qx, qy);
            }
        }

        return null;
    }

    private static (double U, double V) Opponent(byte r, byte g, byte b) => (r - g, ((r + g) / 2.0) - b);

    /// <summary>Distance of (u, v) from the segment between white's chroma (0, 0) and (hu, hv).</summary>
    private static double DistanceToSegment(double u, double v, double hu, double hv)
    {
        double len2 = (hu * hu) + (hv * hv);
        double t = len2 < 1e-9 ? 0 : Math.Clamp(((u * hu) + (v * hv)) / len2, 0, 1);
        double du = u - (t * hu), dv = v - (t * hv);
        return Math.Sqrt((du * du) + (dv * dv));
    }

    /// <summary>First row of each column (from the top) that is not white and at least probably person, -1 for none
    /// (below the planes' band from the mask and the pixels themselves).</summary>
    private static int Top(RgbImage image, PersonMask mask, CutOutPlanes planes, int w, int rows, int x)
    {
        float[] p = planes.Probability;
        byte[] dw = planes.DistanceFromWhite;
        for (int y = 0; y < rows; y++)
        {
            int i = (y * w) + x;
            if (dw[i] > NotWhite && p[i] >= 0.3f)
            {
                return y;
            }
        }

        ReadOnlySpan<byte> px = image.Pixels;
        for (int y = rows; y < image.Height; y++)
        {
            if (Darkness(px, (y * image.Stride) + (x * 3)) > NotWhite && mask.At(x, y) >= 0.3f)
            {
                return y;
            }
        }

        return -1;
    }

    /// <summary>How much of the white/not-white boundary above the chin lies on a block grid (a mask made at block
    /// resolution and scaled up without smoothing): for block sizes 4-16 px, the share of the vertical boundary
    /// crossings on the best column phase above the share 1/B a grid-free edge has, scaled to 0-1, and the same for the
    /// horizontal ones on the best row phase; the smaller of the two (one straight line, as a flat cut, is no grid).</summary>
    internal static double Grid(byte[] dw, int w, int rows)
    {
        var cols = new int[w];
        var lines = new int[rows];
        byte[] rented = ArrayPool<byte>.Shared.Rent(2 * w);
        Span<byte> current = rented.AsSpan(0, w), next = rented.AsSpan(w, w);
        GridKernel.Classify(dw.AsSpan(0, w), current);
        for (int y = 0; y < rows; y++)
        {
            GridKernel.AddHorizontal(current, cols);
            if (y + 1 < rows)
            {
                GridKernel.Classify(dw.AsSpan((y + 1) * w, w), next);
                lines[y] = GridKernel.CountVertical(current, next);
                Span<byte> swap = current;
                current = next;
                next = swap;
            }
        }

        ArrayPool<byte>.Shared.Return(rented);
        int colTotal = cols.Sum(), lineTotal = lines.Sum();
        if (colTotal < 50 || lineTotal < 50)
        {
            return 0;
        }

        double best = 0;
        for (int b = 4; b <= 16; b++)
        {
            double chance = 1.0 / b;
            double colShare = (BestPhase(cols, b) / (double)colTotal - chance) / (1 - chance);
            double lineShare = (BestPhase(lines, b) / (double)lineTotal - chance) / (1 - chance);
            best = Math.Max(best, Math.Min(colShare, lineShare));
        }

        return best;
    }

    private static int BestPhase(int[] counts, int period)
    {
        int best = 0;
        for (int phase = 0; phase < period; phase++)
        {
            int sum = 0;
            for (int k = phase; k < counts.Length; k += period)
            {
                sum += counts[k];
            }

            best = Math.Max(best, sum);
        }

        return best;
    }

    private static double Skull(RgbImage image, PersonMask mask, CutOutPlanes planes, int w, int rows, double cx, double fw)
    {
        int x0 = Math.Max(0, (int)(cx - (0.4 * fw))), x1 = Math.Min(w - 1, (int)(cx + (0.4 * fw)));
        int columns = x1 - x0 + 1;
        if (columns < 8)
        {
            return 0;
        }

        var top = new int[columns];
        int touching = 0;
        for (int x = x0; x <= x1; x++)
        {
            top[x - x0] = Top(image, mask, planes, w, rows, x);
            touching += top[x - x0] == 0 ? 1 : 0;
        }

        int longest = 0;
        for (int s = 0; s < columns; s++)
        {
            if (top[s] < 0)
            {
                continue;
            }

            int lo = top[s], hi = top[s], e = s;
            while (e + 1 < columns && top[e + 1] >= 0 && Math.Max(hi, top[e + 1]) - Math.Min(lo, top[e + 1]) <= 2)
            {
                e++;
                lo = Math.Min(lo, top[e]);
                hi = Math.Max(hi, top[e]);
            }

            longest = Math.Max(longest, e - s + 1);
        }

        return Math.Max(touching, longest) / (double)columns;
    }
}
