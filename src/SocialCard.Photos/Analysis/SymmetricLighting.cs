using System.Drawing;
using SocialCard.Imaging;
using SocialCard.Imaging.Processing.Color;
using SocialCard.Imaging.Processing.Statistics;
using SocialCard.Photos.Faces;

namespace SocialCard.Photos.Analysis;

/// <summary>
/// Side-to-side lighting of a face from mirrored skin patches placed on its own landmarks: forehead above each brow,
/// upper cheek under each eye, cheek beside each nostril, jaw beside each mouth corner. Each patch sits at the same
/// fraction of the way from the face's midline (nose bridge to chin) to its own side's jaw contour, so a turned head
/// (yaw) moves the patches with the skin instead of sampling more of one side. A patch's reading is its median CIELAB
/// L* taken back to relative luminance (the light the skin sends back), divided by the share of frontal light a matte
/// surface at that place receives when the head is taken as an upright cylinder through the cheeks (Lambert: cos of
/// the surface's turn from the camera), so the side a turned head shows nearer its silhouette is not read as shade.
/// The reading of a pair is the darker patch's over the brighter one's; the balance is the median over the pairs that
/// lie inside the photo. Because each side is compared with the same person's other side, skin tone and overall
/// exposure cancel: 1 is an evenly lit face, 0.5 a face whose one side gets half the light of the other (a side light
/// or a lamp's shadow); the median ignores one pair spoilt by a fringe, a beard or a mole.
/// </summary>
public sealed record SymmetricLighting(double Balance, bool LeftDarker, int Pairs)
{
    /// <summary>Patch half-size as a share of the jaw width (landmarks 0-16).</summary>
    private const double PatchHalf = 0.05;

    /// <summary>Largest |sin| of a patch's turn from the camera (60 degrees): the Lambert correction stays under 2.</summary>
    private const double MaxSine = 0.866;

    /// <summary>The balance of <paramref name="face"/>, or null without landmarks or with fewer than two pairs inside.</summary>
    public static SymmetricLighting? Measure(RgbImage image, ObservedFace face)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(face);
        if (!face.HasLandmarks)
        {
            return null;
        }

        IReadOnlyList<PointF> p = face.Landmarks;
        double jaw = Distance(p[0], p[16]);
        if (jaw < 20)
        {
            return null;
        }

        int half = Math.Max(2, (int)Math.Round(PatchHalf * jaw));
        PointF nose = p[30];
        PointF chin = p[8];
        (PointF Left, PointF Right)[] pairs =
        [
            (Up(p[19], p[37], 0.9), Up(p[24], p[44], 0.9)),
            (Toward(Mid(p[40], p[41]), p[1], 0.35), Toward(Mid(p[46], p[47]), p[15], 0.35)),
            (Toward(nose, p[3], 0.55), Toward(nose, p[13], 0.55)),
            (Toward(Mid(p[48], chin), p[5], 0.45), Toward(Mid(p[54], chin), p[11], 0.45)),
        ];

        // The head as an upright cylinder through the cheek-to-cheek line (jaw points 0 and 16): a patch at s of the
        // half-width from its axis faces the camera at asin(s), and under light from the camera's direction a matte
        // surface there gets cos(asin(s)) of the light a surface facing the camera gets (Lambert). Dividing that out
        // corrects for yaw: the side turned away is seen nearer its silhouette and is darker by geometry, not light.
        PointF a = p[0], b = p[16];
        double ux = (b.X - a.X) / jaw, uy = (b.Y - a.Y) / jaw;
        double cx = (a.X + b.X) / 2, cy = (a.Y + b.Y) / 2, radius = jaw / 2;
        Span<double> ratios = stackalloc double[pairs.Length];
        int n = 0;
        int leftDarker = 0;
        foreach ((PointF left, PointF right) in pairs)
        {
            if (MedianLightness(image, left, half) is not { } l || MedianLightness(image, right, half) is not { } r)
            {
                continue;
            }

            double yl = ColorSpace.LuminanceFromLightness(l) / Facing(left), yr = ColorSpace.LuminanceFromLightness(r) / Facing(right);
            if (Math.Max(yl, yr) <= 0)
            {
                continue;
            }

            ratios[n++] = Math.Min(yl, yr) / Math.Max(yl, yr);
            leftDarker += yl < yr ? 1 : -1;
        }

        if (n < 2)
        {
            return null;
        }

        double Facing(PointF q)
        {
            double sin = Math.Clamp((((q.X - cx) * ux) + ((q.Y - cy) * uy)) / radius, -MaxSine, MaxSine);
            return Math.Sqrt(1 - (sin * sin));
        }

        double median = OrderStatistics.Median(ratios[..n]);
        return new SymmetricLighting(median, leftDarker > 0, n);
    }

    /// <summary>Median L* of the square patch of half-size <paramref name="half"/> around <paramref name="centre"/>, null
    /// when the patch leaves the image.</summary>
    private static double? MedianLightness(RgbImage image, PointF centre, int half)
    {
        int cx = (int)Math.Round(centre.X), cy = (int)Math.Round(centre.Y);
        if (cx - half < 0 || cy - half < 0 || cx + half >= image.Width || cy + half >= image.Height)
        {
            return null;
        }

        int side = (2 * half) + 1;
        ReadOnlySpan<float> linear = ColorSpace.LinearTable;
        Span<float> values = side * side <= 1024 ? stackalloc float[side * side] : new float[side * side];
        int k = 0;
        for (int y = cy - half; y <= cy + half; y++)
        {
            ReadOnlySpan<byte> row = image.Row(y);
            for (int x = cx - half; x <= cx + half; x++)
            {
                int o = 3 * x;
                values[k++] = (float)ColorSpace.LightnessFromLinear(linear[row[o]], linear[row[o + 1]], linear[row[o + 2]]);
            }
        }

        return OrderStatistics.Select(values, values.Length / 2);
    }

    /// <summary>The point <paramref name="t"/> of the way from <paramref name="from"/> to <paramref name="to"/>.</summary>
    private static PointF Toward(PointF from, PointF to, double t) =>
        new((float)(from.X + (t * (to.X - from.X))), (float)(from.Y + (t * (to.Y - from.Y))));

    /// <summary>From the eye point <paramref name="eye"/> through the brow point <paramref name="brow"/> and on by
    /// <paramref name="beyond"/> of their distance: the forehead above the brow.</summary>
    private static PointF Up(PointF brow, PointF eye, double beyond) => Toward(brow, eye, -beyond);

    private static PointF Mid(PointF a, PointF b) => new((a.X + b.X) / 2, (a.Y + b.Y) / 2);

    private static double Distance(PointF a, PointF b) => Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));
}
