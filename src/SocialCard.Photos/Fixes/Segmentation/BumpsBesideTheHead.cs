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
        for (int label = 1; label <= pieces.Count; label++)
        {
            ReadOnlySpan<int> piece = pieces.Pixels(label);
            if (piece.Length >= MinPixels && IsWall(image, valid, person, bump, interior, piece, pieces.Bounds(label)))
            {
                foreach (int i in piece)
                {
                    alpha[i] = 0;
                }
            }
        }
    }

    private static bool IsWall(RgbImage image, ReadOnlySpan<byte> valid, byte[] person, bool[] bump, byte[] interior, ReadOnlySpan<int> members, RegionBounds box)
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
        int touched = (sides[0] ? 1 : 0) + (sides[1] ? 1 : 0) + (sides[2] ? 1 : 0) + (sides[3] ? 1 : 0);
        if (touched < 3 || clear < MinClear * border || Bt601.LumaQ8(r, g, b) < MinLuminance)
        {
            return false;
        }

        bool anyInterior = false;
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
                if ((dr * dr) + (dg * dg) + (db * db) < Unlike * Unlike)
                {
                    return false;
                }
            }
        }

        return anyInterior;
    }
}
