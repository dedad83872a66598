using System.Drawing;
using System.Runtime.CompilerServices;
using SocialCard.Imaging;
using SocialCard.Imaging.Processing.Distance;
using SocialCard.Imaging.Processing.Luminance;
using SocialCard.Imaging.Processing.Regions;
using SocialCard.Photos.Fixes.Geometry;

namespace SocialCard.Photos.Fixes.Segmentation;

/// <summary>
/// Outline, not colour alone: beside the head, a piece of a flag's stripe both passes are sure of (its white in the
/// head's shadow) can stay joined to the head where the cut took the rest of the stripe, a bump out of the head's smooth
/// side. After the edge refinement, between the eye line and the chin and outside the jaw's outer landmarks, the
/// visible region (opacity at least one half) is opened with a disc of radius <see cref="Radius"/> px: what the opening
/// removes there, in pieces (8-neighbours) of at least <see cref="MinPixels"/> pixels, is a bump. A bump is wall where
/// clear wall lies on three or four of its sides and is most of what borders it (at least <see cref="MinClear"/> of
/// its 4-neighbours outside it), it is light (mean luminance at least <see cref="MinLuminance"/>: dark hair and jackets
/// stick out too) and no colour of the person's solid interior within <see cref="Reach"/> px of it lies within
/// <see cref="Unlike"/> of its mean colour in RGB (hair tufts and curls, ears: their colour is the interior's).
/// A taken bump's colour that stays along the person's side goes with it (<see cref="TakeRim"/>), and the person's
/// opacity fades over <see cref="SoftWidth"/> px where it went (<see cref="Soften"/>), as along the matte's own edges.
/// </summary>
internal static class BumpsBesideTheHead
{
    /// <summary>Radius (px at output scale) of the disc the visible region is opened with: parts narrower than twice it go.</summary>
    private const float Radius = 10f;

    /// <summary>Fewest pixels of a bump: smaller ones are the outline's own roughness.</summary>
    private const int MinPixels = 20;

    /// <summary>Least share of a bump's outside 4-neighbours that are clear wall.</summary>
    private const float MinClear = 0.55f;

    /// <summary>Least mean luminance (levels of 255) of a bump.</summary>
    private const int MinLuminance = 100;

    /// <summary>Least RGB distance from a bump's mean colour to every interior colour near it.</summary>
    private const int Unlike = 25;

    /// <summary>Margin (px) around a bump's bounding box in which the interior's colours are read.</summary>
    private const int Reach = 40;

    /// <summary>Steps (px, 4-neighbours) from a taken bump over which pixels of its colour go with it.</summary>
    private const int RimWidth = 2;

    /// <summary>Width (px) over which the person's opacity fades to nothing where a bump was taken.</summary>
    private const float SoftWidth = 2f;

    /// <param name="alpha">Opacity after the edge refinement, changed in place.</param>
    /// <param name="interior">The person's solid interior (<see cref="PersonColours.Interior"/>).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Drop(RgbImage image, ReadOnlySpan<byte> valid, float[] alpha, IReadOnlyList<PointF> landmarks, byte[] interior)
    {
        int w = image.Width, h = image.Height, n = w * h;
        byte[] person = new byte[n];
        for (int i = 0; i < n; i++)
        {
            person[i] = alpha[i] >= 0.5f ? (byte)1 : (byte)0;
        }

        float[] inside = DistanceTransform.To(person, 1, w, h);
        byte[] eroded = new byte[n];
        for (int i = 0; i < n; i++)
        {
            eroded[i] = inside[i] > Radius ? (byte)1 : (byte)0;
        }

        float[] toEroded = DistanceTransform.To(eroded, 0, w, h);
        float eyes = LandmarkGeometry.EyeMid(landmarks).Y, chin = landmarks[8].Y;
        float left = float.MaxValue, right = float.MinValue;
        for (int k = 0; k < 17; k++)
        {
            (left, right) = (Math.Min(left, landmarks[k].X), Math.Max(right, landmarks[k].X));
        }

        bool[] bump = new bool[n];
        for (int y = Math.Max(0, (int)eyes); y < Math.Min(h, (int)chin); y++)
        {
            for (int x = 0; x < w; x++)
            {
                int i = (y * w) + x;
                bump[i] = person[i] != 0 && valid[i] != 0 && toEroded[i] > Radius && (x < left || x > right);
            }
        }

        using RegionLabels pieces = RegionLabeller.Label(new BoolMask(bump), w, h, Connectivity.Eight);
        int[]? owner = null;
        List<(int R, int G, int B, int Gap, RegionBounds Box)> bumps = [];
        for (int label = 1; label <= pieces.Count; label++)
        {
            ReadOnlySpan<int> piece = pieces.Pixels(label);
            if (piece.Length >= MinPixels && IsWall(image, valid, person, bump, interior, piece, pieces.Bounds(label), out (int R, int G, int B, int Gap) colour))
            {
                owner ??= new int[n];
                bumps.Add((colour.R, colour.G, colour.B, colour.Gap, pieces.Bounds(label)));
                foreach (int i in piece)
                {
                    alpha[i] = 0;
                    owner[i] = bumps.Count;
                }
            }
        }

        if (owner is not null)
        {
            TakeRim(image, valid, alpha, owner, bumps);
            Soften(alpha, owner, w, h);
        }
    }

    /// <summary>The opening stops at the disc's outline, and the matte's own edge below or above a bump can run along
    /// the stripe too, so the bump's colour stays along the person's side as a rim 1-2 px wide (the grey of the stripe
    /// along the ear lobe of voteview_021751, opaque). Within <see cref="Radius"/> px of a taken bump's box, visible
    /// pixels of its colour 4-joined to the bump, or to clear pixels of its colour, go with it, up to
    /// <see cref="RimWidth"/> steps in. Of its colour: within half the RGB distance from the bump's mean to the nearest
    /// colour of the interior near it (at least <see cref="Unlike"/>), so nearer the bump's colour than any of the
    /// person's there.</summary>
    private static void TakeRim(RgbImage image, ReadOnlySpan<byte> valid, float[] alpha, int[] owner, List<(int R, int G, int B, int Gap, RegionBounds Box)> bumps)
    {
        int w = image.Width, h = image.Height, margin = (int)Radius;
        ReadOnlySpan<byte> px = image.Pixels;
        List<int> taken = [];

        for (int k = 1; k <= bumps.Count; k++)
        {
            (int r, int g, int b, int gap, RegionBounds box) = bumps[k - 1];
            int x0 = Math.Max(0, box.Left - margin), x1 = Math.Min(w - 1, box.Right + margin);
            int y0 = Math.Max(0, box.Top - margin), y1 = Math.Min(h - 1, box.Bottom + margin);
            for (int step = 0; step < RimWidth; step++)
            {
                taken.Clear();
                for (int y = y0; y <= y1; y++)
                {
                    for (int x = x0; x <= x1; x++)
                    {
                        int i = (y * w) + x;
                        if (owner[i] == 0 && alpha[i] > 0f && valid[i] != 0 && Near(px, i, r, g, b, gap)
                            && ((x > x0 && Seed(px, valid, alpha, owner, i - 1, k, (r, g, b, gap)))
                                || (x < x1 && Seed(px, valid, alpha, owner, i + 1, k, (r, g, b, gap)))
                                || (y > y0 && Seed(px, valid, alpha, owner, i - w, k, (r, g, b, gap)))
                                || (y < y1 && Seed(px, valid, alpha, owner, i + w, k, (r, g, b, gap)))))
                        {
                            taken.Add(i);
                        }
                    }
                }

                foreach (int i in taken)
                {
                    alpha[i] = 0;
                    owner[i] = k;
                }
            }
        }
    }

    /// <summary>A pixel the rim grows from: taken with bump <paramref name="k"/>, or clear and of its colour.</summary>
    private static bool Seed(ReadOnlySpan<byte> px, ReadOnlySpan<byte> valid, float[] alpha, int[] owner, int j, int k, (int R, int G, int B, int Gap) bump) =>
        owner[j] == k || (alpha[j] <= 0f && valid[j] != 0 && Near(px, j, bump.R, bump.G, bump.B, bump.Gap));

    /// <summary>Whether the pixel's RGB distance from the bump's mean colour is at most half the distance from that mean
    /// to the nearest interior colour near it (<paramref name="gap"/> is that distance squared): nearer the mean than
    /// any of those colours.</summary>
    private static bool Near(ReadOnlySpan<byte> px, int i, int r, int g, int b, int gap)
    {
        int dr = px[i * 3] - r, dg = px[(i * 3) + 1] - g, db = px[(i * 3) + 2] - b;
        return 4 * ((dr * dr) + (dg * dg) + (db * db)) <= gap;
    }

    /// <summary>A taken bump left a hard step from the opaque person to nothing; the matte's own edges fade over about
    /// two pixels. Person pixels within <see cref="SoftWidth"/> px of a taken pixel keep at most their distance to it
    /// over <see cref="SoftWidth"/> as opacity.</summary>
    private static void Soften(float[] alpha, int[] owner, int w, int h)
    {
        byte[] kept = new byte[owner.Length];
        for (int i = 0; i < kept.Length; i++)
        {
            kept[i] = owner[i] == 0 ? (byte)1 : (byte)0;
        }

        float[] toTaken = DistanceTransform.To(kept, 1, w, h);
        for (int i = 0; i < kept.Length; i++)
        {
            if (kept[i] != 0 && toTaken[i] < SoftWidth)
            {
                alpha[i] = Math.Min(alpha[i], toTaken[i] / SoftWidth);
            }
        }
    }

    private static bool IsWall(RgbImage image, ReadOnlySpan<byte> valid, byte[] person, bool[] bump, byte[] interior, ReadOnlySpan<int> members, RegionBounds box, out (int R, int G, int B, int Gap) colour)
    {
        int w = image.Width, h = image.Height;
        ReadOnlySpan<byte> px = image.Pixels;
        int border = 0, clear = 0;
        long sr = 0, sg = 0, sb = 0;
        Span<bool> sides = stackalloc bool[4];
        ReadOnlySpan<(int Dx, int Dy)> steps = [(-1, 0), (1, 0), (0, -1), (0, 1)];
        foreach (int i in members)
        {
            int x0 = i % w, y0 = i / w;
            (sr, sg, sb) = (sr + px[i * 3], sg + px[(i * 3) + 1], sb + px[(i * 3) + 2]);
            for (int k = 0; k < 4; k++)
            {
                int x = x0 + steps[k].Dx, y = y0 + steps[k].Dy;
                if (x < 0 || y < 0 || x >= w || y >= h || bump[(y * w) + x])
                {
                    continue;
                }

                int j = (y * w) + x;
                border++;
                if (person[j] == 0 && valid[j] != 0)
                {
                    clear++;
                    sides[k] = true;
                }
            }
        }

        int c = members.Length, r = (int)(sr / c), g = (int)(sg / c), b = (int)(sb / c);
        colour = (r, g, b, 0);
        int touched = (sides[0] ? 1 : 0) + (sides[1] ? 1 : 0) + (sides[2] ? 1 : 0) + (sides[3] ? 1 : 0);
        if (touched < 3 || clear < MinClear * border || Bt601.LumaQ8(r, g, b) < MinLuminance)
        {
            return false;
        }

        bool anyInterior = false;
        int gap = int.MaxValue;
        for (int y = Math.Max(0, box.Top - Reach); y <= Math.Min(h - 1, box.Bottom + Reach); y++)
        {
            for (int x = Math.Max(0, box.Left - Reach); x <= Math.Min(w - 1, box.Right + Reach); x++)
            {
                int j = (y * w) + x;
                if (interior[j] == 0)
                {
                    continue;
                }

                anyInterior = true;
                int dr = px[j * 3] - r, dg = px[(j * 3) + 1] - g, db = px[(j * 3) + 2] - b;
                int d2 = (dr * dr) + (dg * dg) + (db * db);
                if (d2 < Unlike * Unlike)
                {
                    return false;
                }

                gap = Math.Min(gap, d2);
            }
        }

        colour = (r, g, b, gap);
        return anyInterior;
    }
}
