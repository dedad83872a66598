using System.Buffers;
using SocialCard.Faces;
using SocialCard.Imaging;
using SocialCard.Imaging.Processing.BitRows;
using SocialCard.Imaging.Processing.BlockGrid;
using SocialCard.Imaging.Processing.Distance;
using SocialCard.Photos.Analysis;
using SocialCard.Photos.Faces;

namespace SocialCard.Photos.Tests.Rules.Background;

/// <summary>
/// The reference of <see cref="CutOutMeasure.Read"/>: the same readings computed the plain way, on whole planes of the
/// band above the chin (the mask sampled at every pixel, a chamfer distance transform to the person over the band, the
/// strand fill from every person pixel, each measure a scan over every pixel). The product's measure computes only
/// where a reading can change and must give the same values to the last digit. The colour test of the blend line and
/// the block-grid reading, which read the same values either way, are the product's own.
/// </summary>
internal static class CutOutMeasureReference
{
    public sealed record Reading(bool Measured, int BackgroundLevel, double PersonAtFace, double RemnantShare, double HaloShare, double SkullCut, double Jaggedness);

    private sealed class Planes(int length)
    {
        public float[] Probability { get; } = new float[length];

        public byte[] Person { get; } = new byte[length];

        public byte[] DistanceFromWhite { get; } = new byte[length];

        public int[] Distance { get; } = new int[length];

        public byte[] Attached { get; } = new byte[length];

        public int[] Stack { get; } = new int[length];
    }

    /// <summary>The measures with the two readings that decide whether they are taken (<see cref="CutOutReading"/>).</summary>
    public static Reading Read(RgbImage image, PersonMask mask, ObservedFace face)
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
        if (w < 32 || h < 32 || fw < 16)
        {
            return new Reading(false, 256, 0, 0, 0, 0, 0);
        }

        System.Drawing.PointF eyes = face.EyeMidpoint;
        int chinRow = Math.Clamp((int)face.Chin.Y, 1, h);
        int eyeRow = Math.Clamp((int)eyes.Y, 1, h);
        double ring = Math.Max(2, 0.02 * fw);
        double cx = eyes.X, cy = eyes.Y - (0.25 * fw);
        int rows = (int)Math.Min(h, Math.Max(Math.Max(chinRow, eyeRow), Math.Ceiling(cy) + 1) + Math.Ceiling(ring) + 2);
        var planes = new Planes(w * rows);
        float[] p = planes.Probability;
        byte[] person = planes.Person, dw = planes.DistanceFromWhite;
        mask.Sample(p.AsSpan(0, w * rows));
        ReadOnlySpan<byte> px = image.Pixels;
        for (int y = 0; y < rows; y++)
        {
            for (int x = 0; x < w; x++)
            {
                int i = (y * w) + x;
                person[i] = p[i] >= 0.5f ? (byte)1 : (byte)0;
                dw[i] = DarkestBelowWhite(px, (y * image.Stride) + (x * 3));
            }
        }

        int background = BackgroundLevel(p, dw, w, chinRow);
        double personAtFace = PersonAtFace(mask, face);
        if (background > CutOutMeasure.WhiteBackground || personAtFace < 0.5)
        {
            return new Reading(false, background, personAtFace, 0, 0, 0, 0);
        }

        DistanceTransform.Chamfer(person.AsSpan(0, w * rows), 0, w, rows, planes.Distance);
        int near = DistanceTransform.ChamferLimit(ring);
        return new Reading(
            true,
            background,
            personAtFace,
            Remnant(image, mask, face, planes, w, rows, chinRow, near, cx, cy),
            Halo(image, planes, w, rows, eyeRow, near, cx, cy),
            Skull(image, mask, planes, w, rows, cx, fw),
            CutOutMeasure.Grid(dw, w, chinRow));
    }

    private static byte DarkestBelowWhite(ReadOnlySpan<byte> px, int o) => BitRowKernel.Darkness(px[o], px[o + 1], px[o + 2]);

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

    /// <summary>The median darkest-channel distance from 255 of the sure background (probability under 0.1) above the
    /// chin (white at most <see cref="WhiteBackground"/>), 256 when there is none.</summary>
    private static int BackgroundLevel(float[] p, byte[] dw, int w, int rows)
    {
        Span<int> histogram = stackalloc int[256];
        int n = 0;
        for (int i = 0; i < rows * w; i++)
        {
            if (p[i] < 0.1f)
            {
                histogram[dw[i]]++;
                n++;
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

    /// <summary>Not-white background pixels beyond the ring, except strands: pixels connected to the person through
    /// not-white pixels whose colour is a blend of the nearby person colour with white (a lock of hair the network
    /// left out).</summary>
    private static double Remnant(RgbImage image, PersonMask mask, ObservedFace face, Planes planes, int w, int h, int rows, int near, double cx, double cy)
    {
        bool[] clothing = ClothingRegions(image, mask, (int)Math.Max(face.Landmarks[48].Y, face.Landmarks[54].Y));
        byte[] person = planes.Person, dw = planes.DistanceFromWhite;
        int[] distance = planes.Distance;
        byte[] attached = Attached(planes, w, rows);
        ReadOnlySpan<byte> px = image.Pixels;
        int background = 0, remnant = 0;
        for (int y = 0; y < rows; y++)
        {
            for (int x = 0; x < w; x++)
            {
                int i = (y * w) + x;
                if (person[i] != 0 || distance[i] <= near)
                {
                    continue;
                }

                background++;
                if (dw[i] <= CutOutMeasure.NotWhite)
                {
                    continue;
                }

                if ((attached[i] != 0 && !OffBlend(px, image.Stride, person, w, h, x, y, cx, cy)) || clothing[i])
                {
                    continue;
                }

                remnant++;
            }
        }

        return background == 0 ? 0 : remnant / (double)background;
    }

    /// <summary>Per photo pixel: in a region of not-white, not-person pixels (4-connected over the whole photo) that
    /// touches the person, reaches the lower edge and lies wholly below the mouth row (every region labelled).</summary>
    private static bool[] ClothingRegions(RgbImage image, PersonMask mask, int mouthRow)
    {
        int w = image.Width, h = image.Height;
        var person = new bool[w * h];
        var notWhite = new bool[w * h];
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                person[(y * w) + x] = mask.At(x, y) >= 0.5f;
                notWhite[(y * w) + x] = DarkestBelowWhite(image.Pixels, (y * image.Stride) + (x * 3)) > CutOutMeasure.NotWhite;
            }
        }

        var label = new int[w * h];
        var clothing = new bool[w * h];
        int next = 0;
        for (int s = 0; s < w * h; s++)
        {
            if (person[s] || !notWhite[s] || label[s] != 0)
            {
                continue;
            }

            var members = new List<int> { s };
            label[s] = ++next;
            int top = h;
            bool joined = false, bottom = false;
            for (int k = 0; k < members.Count; k++)
            {
                int i = members[k], x = i % w, y = i / w;
                top = Math.Min(top, y);
                bottom |= y == h - 1;
                foreach ((int dx, int dy) in new[] { (-1, 0), (1, 0), (0, -1), (0, 1) })
                {
                    int nx = x + dx, ny = y + dy;
                    if (nx < 0 || ny < 0 || nx >= w || ny >= h)
                    {
                        continue;
                    }

                    int j = (ny * w) + nx;
                    joined |= person[j];
                    if (!person[j] && notWhite[j] && label[j] == 0)
                    {
                        label[j] = next;
                        members.Add(j);
                    }
                }
            }

            foreach (int i in members)
            {
                clothing[i] = joined && bottom && top > mouthRow;
            }
        }

        return clothing;
    }

    /// <summary>Not-white pixels above <paramref name="rows"/> connected to the person through not-white pixels.</summary>
    private static byte[] Attached(Planes planes, int w, int rows)
    {
        byte[] person = planes.Person, dw = planes.DistanceFromWhite, seen = planes.Attached;
        int[] stack = planes.Stack;
        int top = 0;
        person.AsSpan(0, rows * w).CopyTo(seen);

        // Only person pixels beside a not-white pixel outside the person can spread: the fill starts from those.
        for (int y = 0; y < rows; y++)
        {
            for (int x = 0; x < w; x++)
            {
                int i = (y * w) + x;
                if (person[i] != 0 && ((x > 0 && Spreads(person, dw, i - 1)) || (x + 1 < w && Spreads(person, dw, i + 1))
                    || (y > 0 && Spreads(person, dw, i - w)) || (y + 1 < rows && Spreads(person, dw, i + w))))
                {
                    stack[top++] = i;
                }
            }
        }

        while (top > 0)
        {
            int i = stack[--top];
            int x = i % w, y = i / w;
            for (int k = 0; k < 4; k++)
            {
                int nx = x + (k == 0 ? -1 : k == 1 ? 1 : 0), ny = y + (k == 2 ? -1 : k == 3 ? 1 : 0);
                if (nx < 0 || ny < 0 || nx >= w || ny >= rows)
                {
                    continue;
                }

                int j = (ny * w) + nx;
                if (seen[j] == 0 && dw[j] > CutOutMeasure.NotWhite)
                {
                    seen[j] = 1;
                    stack[top++] = j;
                }
            }
        }

        return seen;
    }

    private static bool Spreads(byte[] person, byte[] dw, int j) => person[j] == 0 && dw[j] > CutOutMeasure.NotWhite;

    /// <summary>True when the pixel's colour is off the blend line of white with the person colour on the way to the head centre.</summary>
    private static bool OffBlend(ReadOnlySpan<byte> px, int stride, byte[] person, int w, int h, int x, int y, double cx, double cy) =>
        InsideColour(person, w, h, x, y, cx, cy) is not { } inside || CutOutMeasure.OffBlend(px, stride, x, y, inside);

    private static double Halo(RgbImage image, Planes planes, int w, int h, int rows, int near, double cx, double cy)
    {
        byte[] person = planes.Person, dw = planes.DistanceFromWhite;
        int[] distance = planes.Distance;
        ReadOnlySpan<byte> px = image.Pixels;
        int n = 0, halo = 0;
        for (int y = 0; y < rows; y++)
        {
            for (int x = 0; x < w; x++)
            {
                int i = (y * w) + x;
                if (person[i] != 0 || distance[i] > near)
                {
                    continue;
                }

                n++;
                halo += dw[i] > 20 && InsideColour(person, w, h, x, y, cx, cy) is { } inside && CutOutMeasure.OffBlend(px, image.Stride, x, y, inside) ? 1 : 0;
            }
        }

        return n == 0 ? 0 : halo / (double)n;
    }

    /// <summary>The person pixel two steps past the edge on the way from (x, y) to the head centre.</summary>
    private static (int X, int Y)? InsideColour(byte[] person, int w, int h, int x, int y, double cx, double cy)
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
            if (qx < 0 || qy < 0 || qx >= w || qy >= h)
            {
                return null;
            }

            if (person[(qy * w) + qx] != 0)
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

    /// <summary>First row of each column (from the top) that is not white and at least probably person, -1 for none
    /// (below the planes' band from the mask and the pixels themselves).</summary>
    private static int Top(RgbImage image, PersonMask mask, Planes planes, int w, int rows, int x)
    {
        float[] p = planes.Probability;
        byte[] dw = planes.DistanceFromWhite;
        for (int y = 0; y < rows; y++)
        {
            int i = (y * w) + x;
            if (dw[i] > CutOutMeasure.NotWhite && p[i] >= 0.3f)
            {
                return y;
            }
        }

        ReadOnlySpan<byte> px = image.Pixels;
        for (int y = rows; y < image.Height; y++)
        {
            if (DarkestBelowWhite(px, (y * image.Stride) + (x * 3)) > CutOutMeasure.NotWhite && mask.At(x, y) >= 0.3f)
            {
                return y;
            }
        }

        return -1;
    }

    private static double Skull(RgbImage image, PersonMask mask, Planes planes, int w, int rows, double cx, double fw)
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
