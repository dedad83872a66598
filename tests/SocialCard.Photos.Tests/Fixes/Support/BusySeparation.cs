using SocialCard.Faces;
using SocialCard.Imaging;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Fixes;

namespace SocialCard.Photos.Tests.Fixes.Support;

/// <summary>
/// The person/background separation alone on the busy-dev portraits: the fix's own steps up to and including the
/// background step, with the expression ignored (most of these people smile with their teeth, which the product
/// rightly refuses before any pixel), plus the derivation of reference masks and the errors measured against them.
/// A test path, not a way around the product's refusals.
/// </summary>
internal static class BusySeparation
{
    private const string BackgroundStep = "fix.background";

    /// <summary>Distance (px, 8-neighbour) beyond which a pixel counts as clearly wall or clearly person: the
    /// reference boundary itself is uncertain by about this much.</summary>
    public const int EdgeBand = 3;

    private static readonly Lazy<PhotoFixer> s_fixer = new(() => FixTestData.Fixer(new FixOptions { Recheck = false }));

    public static string OriginalsDir => Path.Combine(FixTestData.DevsetRoot, "..", "busy-dev", "originals");

    public static string MaskDir => Path.Combine(FixTestData.DataDir, "busy-dev-masks");

    /// <summary>The crop at output scale before the background step and the cut-out after it, or null with the code
    /// of the step that refused earlier (two people, a double image, a face too small, ...).</summary>
    /// <param name="background">Replaces the fix's own background step (to measure a variant of the separation).</param>
    public static (RgbImage Crop, RgbImage CutOut)? Separate(byte[] data, out string? refusal, IFixStep? background = null)
    {
        refusal = null;
        using var ctx = new FixContext(data, "photo.jpg", FixTestData.SuzhouAnyExpression, FixOptions.Default, null);
        foreach (IFixStep fixStep in s_fixer.Value.Steps)
        {
            IFixStep step = fixStep.Id == BackgroundStep && background is not null ? background : fixStep;
            RgbImage? crop = step.Id == BackgroundStep ? ctx.Output!.Clone() : null;
            FixStepResult r = step.Apply(ctx);
            if (r.Outcome == FixStepOutcome.Failed)
            {
                crop?.Dispose();
                refusal = ctx.Refusal?.Code ?? step.Id;
                return null;
            }

            if (crop is not null)
            {
                return (crop, ctx.Output!.Clone());
            }
        }

        throw new InvalidOperationException("no background step");
    }

    /// <summary>The darkest channel of pixel <paramref name="i"/> (interleaved R, G, B).</summary>
    public static int Darkest(ReadOnlySpan<byte> px, int i) => Math.Min(px[i * 3], Math.Min(px[(i * 3) + 1], px[(i * 3) + 2]));

    /// <summary>Whether the person at (x, y) was faded towards white: the cut-out's darkest channel more than 40 above
    /// the crop's (dark hair or a jacket the separation took for wall).</summary>
    public static bool Faded(RgbImage crop, RgbImage cutOut, int x, int y) => Darkest(cutOut.Row(y), x) - Darkest(crop.Row(y), x) > 40;

    /// <summary>The crop and the cut-out of a busy-dev original by name (see <see cref="Separate"/>); throws when an
    /// earlier step refused it.</summary>
    public static (RgbImage Crop, RgbImage CutOut) SeparateOriginal(string name) =>
        Separate(File.ReadAllBytes(Path.Combine(OriginalsDir, name + ".jpg")), out string? refusal)
            ?? throw new InvalidOperationException($"{name}: refused before the background step ({refusal})");

    /// <summary>Shares of the box [x0, x1) x [y0, y1) whose pixel (R, G, B) <paramref name="counts"/> in the crop and in
    /// the cut-out of a busy-dev original by name (see <see cref="SeparateOriginal"/>).</summary>
    public static (double Crop, double CutOut) CropAndCutOutShares(string name, int x0, int y0, int x1, int y1, Func<int, int, int, bool> counts)
    {
        (RgbImage crop, RgbImage cutOut) = SeparateOriginal(name);
        using (crop)
        using (cutOut)
        {
            return (PixelShare(crop), PixelShare(cutOut));
        }

        double PixelShare(RgbImage image) => BoxShare(image, x0, y0, x1, y1, (x, y) =>
        {
            ReadOnlySpan<byte> row = image.Row(y);
            return counts(row[x * 3], row[(x * 3) + 1], row[(x * 3) + 2]);
        });
    }

    /// <summary>Share of the pixels of the box [x0, x1) x [y0, y1) (clipped to the image) for which
    /// <paramref name="counts"/> (given the pixel's row and column) holds.</summary>
    public static double BoxShare(RgbImage image, int x0, int y0, int x1, int y1, Func<int, int, bool> counts)
    {
        int hits = 0, all = 0;
        for (int y = y0; y < Math.Min(y1, image.Height); y++)
        {
            for (int x = x0; x < Math.Min(x1, image.Width); x++)
            {
                all++;
                hits += counts(x, y) ? 1 : 0;
            }
        }

        return all == 0 ? 0 : hits / (double)all;
    }

    /// <summary>
    /// A reference person mask for a crop: the segmentation network run on the crop (widened to a square by repeating
    /// its edge columns, so shoulders cut by the frame go on instead of meeting black padding) and on its mirror image,
    /// and again on the top square of both (head and shoulders at about 1.2 times the input resolution), probabilities
    /// averaged and cut at one half, then the largest 8-connected person region kept. Reviewed by eye on overlays
    /// before use.
    /// </summary>
    public static byte[] DeriveReference(RgbImage crop)
    {
        SelfieSegmenter net = InstalledSegmenter.Value ?? throw new InvalidOperationException("models/selfie is not installed");
        int w = crop.Width, h = crop.Height, side = Math.Min(w, h);
        int pad = (h - w) / 2;
        using RgbImage wide = Widen(crop, pad);
        using RgbImage mirror = Mirror(wide);
        using RgbImage top = Top(crop, side);
        using RgbImage topMirror = Mirror(top);
        PersonMask a = net.Segment(wide), b = net.Segment(mirror), c = net.Segment(top), d = net.Segment(topMirror);
        int ww = wide.Width;
        var mask = new byte[w * h];
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                double sum = a.At(x + pad + 0.5, y + 0.5) + b.At(ww - (x + pad) - 0.5, y + 0.5);
                int n = 2;
                if (y < side)
                {
                    sum += c.At(x + 0.5, y + 0.5) + d.At(w - x - 0.5, y + 0.5);
                    n = 4;
                }

                mask[(y * w) + x] = (byte)(sum / n >= 0.5 ? 1 : 0);
            }
        }

        KeepLargest(mask, w, h);
        return mask;
    }

    /// <summary>Reads a reference mask PNG (white = person) as 0/1 per pixel.</summary>
    public static byte[] ReadMask(string path, out int width, out int height)
    {
        using RgbImage image = ImageDecoder.Decode(File.ReadAllBytes(path));
        width = image.Width;
        height = image.Height;
        var mask = new byte[image.PixelCount];
        ReadOnlySpan<byte> px = image.Pixels;
        for (int i = 0; i < mask.Length; i++)
        {
            mask[i] = (byte)(px[i * 3] >= 128 ? 1 : 0);
        }

        return mask;
    }

    /// <summary>
    /// Errors of a cut-out against a reference mask. Remnant: share of the clearly-wall pixels (more than
    /// <see cref="EdgeBand"/> px from the person) left not white. Halo: share of the wall pixels in the ring 1 to
    /// <see cref="EdgeBand"/> px outside the person left not white (old background mixed into the edge). Lost: share
    /// of the clearly-person pixels whitened (those not already white in the crop, such as a white collar).
    /// </summary>
    public static (double Remnant, double Halo, double Lost) Measure(RgbImage crop, RgbImage cutOut, byte[] reference)
    {
        ReadOnlySpan<byte> before = crop.Pixels;
        int w = cutOut.Width, h = cutOut.Height;
        byte[] toPerson = Distance(reference, w, h, 1);
        byte[] toWall = Distance(reference, w, h, 0);
        ReadOnlySpan<byte> px = cutOut.Pixels;
        int wall = 0, left = 0, ring = 0, halo = 0, person = 0, lost = 0;
        for (int i = 0; i < reference.Length; i++)
        {
            int r = px[i * 3], g = px[(i * 3) + 1], b = px[(i * 3) + 2];
            bool notWhite = Math.Min(r, Math.Min(g, b)) < 240;
            if (reference[i] == 0)
            {
                if (toPerson[i] > EdgeBand)
                {
                    wall++;
                    left += notWhite ? 1 : 0;
                }
                else
                {
                    ring++;
                    halo += notWhite ? 1 : 0;
                }
            }
            else if (toWall[i] > EdgeBand && Darkest(before, i) < 250)
            {
                person++;
                lost += r >= 250 && g >= 250 && b >= 250 ? 1 : 0;
            }
        }

        return (Share(left, wall), Share(halo, ring), Share(lost, person));
    }

    /// <summary>The crop with the reference boundary drawn in magenta, beside the cut-out with the same boundary (for review).</summary>
    public static RgbImage Overlay(RgbImage crop, RgbImage cutOut, byte[] reference)
    {
        int w = crop.Width, h = crop.Height;
        var sheet = new RgbImage(w * 2, h);
        byte[] toPerson = Distance(reference, w, h, 1);
        for (int y = 0; y < h; y++)
        {
            crop.Row(y).CopyTo(sheet.Row(y));
            cutOut.Row(y).CopyTo(sheet.Row(y)[(w * 3)..]);
            for (int x = 0; x < w; x++)
            {
                if (reference[(y * w) + x] == 0 && toPerson[(y * w) + x] == 1)
                {
                    foreach (int at in (ReadOnlySpan<int>)[x, x + w])
                    {
                        Span<byte> p = sheet.Row(y).Slice(at * 3, 3);
                        p[0] = 255;
                        p[1] = 0;
                        p[2] = 255;
                    }
                }
            }
        }

        return sheet;
    }

    /// <summary>The image at half size (2x2 mean), for review sheets.</summary>
    public static RgbImage Half(RgbImage image)
    {
        var half = new RgbImage(image.Width / 2, image.Height / 2);
        for (int y = 0; y < half.Height; y++)
        {
            ReadOnlySpan<byte> a = image.Row(2 * y), b = image.Row((2 * y) + 1);
            Span<byte> d = half.Row(y);
            for (int i = 0; i < half.Width * 3; i++)
            {
                int x = ((i / 3) * 6) + (i % 3);
                d[i] = (byte)((a[x] + a[x + 3] + b[x] + b[x + 3] + 2) / 4);
            }
        }

        return half;
    }

    /// <summary>Images of one size in a grid of <paramref name="columns"/> columns, row by row, on white.</summary>
    public static RgbImage Grid(IReadOnlyList<RgbImage> images, int columns)
    {
        int w = images[0].Width, h = images[0].Height, rows = (images.Count + columns - 1) / columns;
        var grid = new RgbImage(w * columns, h * rows);
        grid.Pixels.Fill(255);
        for (int k = 0; k < images.Count; k++)
        {
            int ox = (k % columns) * w, oy = (k / columns) * h;
            for (int y = 0; y < h; y++)
            {
                images[k].Row(y).CopyTo(grid.Row(oy + y)[(ox * 3)..]);
            }
        }

        return grid;
    }

    private static double Share(int part, int whole) => whole == 0 ? 0 : part / (double)whole;

    /// <summary>8-neighbour distance (capped at 255) from each pixel to the nearest pixel whose mask value is <paramref name="target"/>.</summary>
    private static byte[] Distance(byte[] mask, int w, int h, byte target)
    {
        var dist = new byte[mask.Length];
        var queue = new Queue<int>();
        for (int i = 0; i < mask.Length; i++)
        {
            if (mask[i] == target)
            {
                queue.Enqueue(i);
            }
            else
            {
                dist[i] = 255;
            }
        }

        while (queue.Count > 0)
        {
            int i = queue.Dequeue(), x = i % w, y = i / w;
            for (int dy = -1; dy <= 1; dy++)
            {
                for (int dx = -1; dx <= 1; dx++)
                {
                    int nx = x + dx, ny = y + dy;
                    if (nx < 0 || ny < 0 || nx >= w || ny >= h)
                    {
                        continue;
                    }

                    int j = (ny * w) + nx;
                    if (dist[j] > dist[i] + 1)
                    {
                        dist[j] = (byte)Math.Min(254, dist[i] + 1);
                        queue.Enqueue(j);
                    }
                }
            }
        }

        return dist;
    }

    private static void KeepLargest(byte[] mask, int w, int h)
    {
        var label = new int[mask.Length];
        int best = 0, bestSize = 0, next = 0;
        var stack = new Stack<int>();
        for (int s = 0; s < mask.Length; s++)
        {
            if (mask[s] == 0 || label[s] != 0)
            {
                continue;
            }

            int size = 0;
            label[s] = ++next;
            stack.Push(s);
            while (stack.Count > 0)
            {
                int i = stack.Pop(), x = i % w, y = i / w;
                size++;
                for (int dy = -1; dy <= 1; dy++)
                {
                    for (int dx = -1; dx <= 1; dx++)
                    {
                        int nx = x + dx, ny = y + dy;
                        if (nx >= 0 && ny >= 0 && nx < w && ny < h && mask[(ny * w) + nx] != 0 && label[(ny * w) + nx] == 0)
                        {
                            label[(ny * w) + nx] = next;
                            stack.Push((ny * w) + nx);
                        }
                    }
                }
            }

            if (size > bestSize)
            {
                (best, bestSize) = (next, size);
            }
        }

        for (int i = 0; i < mask.Length; i++)
        {
            mask[i] = (byte)(label[i] == best && best != 0 ? 1 : 0);
        }
    }

    private static RgbImage Mirror(RgbImage image)
    {
        var m = new RgbImage(image.Width, image.Height);
        for (int y = 0; y < image.Height; y++)
        {
            ReadOnlySpan<byte> src = image.Row(y);
            Span<byte> dst = m.Row(y);
            for (int x = 0; x < image.Width; x++)
            {
                src.Slice(x * 3, 3).CopyTo(dst.Slice((image.Width - 1 - x) * 3, 3));
            }
        }

        return m;
    }

    /// <summary>The image with <paramref name="pad"/> columns added on each side, copies of its edge columns.</summary>
    private static RgbImage Widen(RgbImage image, int pad)
    {
        var wide = new RgbImage(image.Width + (2 * pad), image.Height);
        for (int y = 0; y < image.Height; y++)
        {
            ReadOnlySpan<byte> src = image.Row(y);
            Span<byte> dst = wide.Row(y);
            for (int x = 0; x < wide.Width; x++)
            {
                src.Slice(Math.Clamp(x - pad, 0, image.Width - 1) * 3, 3).CopyTo(dst.Slice(x * 3, 3));
            }
        }

        return wide;
    }

    private static RgbImage Top(RgbImage image, int side)
    {
        var t = new RgbImage(image.Width, side);
        for (int y = 0; y < side; y++)
        {
            image.Row(y).CopyTo(t.Row(y));
        }

        return t;
    }
}
