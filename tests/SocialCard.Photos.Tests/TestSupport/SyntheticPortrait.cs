using SocialCard.Imaging;

namespace SocialCard.Photos.Tests.TestSupport;

/// <summary>
/// A deterministic, compliant-looking ID photo drawn in code: white background, dark hair, a skin-coloured face ellipse
/// with brows, eyes, nose shadow and lips, a neck and a dark jacket, plus fine seeded texture so focus measures have
/// detail to find. Geometry follows the national profile (358 x 441, eye line about 250 px above the lower edge).
/// </summary>
internal sealed class SyntheticPortrait
{
    public int Width { get; init; } = 358;

    public int Height { get; init; } = 441;

    public (byte R, byte G, byte B) Background { get; init; } = (255, 255, 255);

    public (byte R, byte G, byte B) Skin { get; init; } = (222, 172, 142);

    public (byte R, byte G, byte B) Clothing { get; init; } = (40, 44, 56);

    public (byte R, byte G, byte B) Hair { get; init; } = (38, 30, 26);

    public int Seed { get; init; } = 7;

    public RgbImage Render()
    {
        var image = new RgbImage(Width, Height);
        var random = new Random(Seed);
        double sx = Width / 358.0, sy = Height / 441.0;
        for (int y = 0; y < Height; y++)
        {
            Span<byte> row = image.Row(y);
            for (int x = 0; x < Width; x++)
            {
                double u = x / sx, v = y / sy;
                (double r, double g, double b) = Shade(u, v);
                double noise = Inside(u, v, 179, 190, 112, 140) || v > 300 ? (random.NextDouble() - 0.5) * 14 : 0;
                row[3 * x] = Clamp(r + noise);
                row[(3 * x) + 1] = Clamp(g + noise);
                row[(3 * x) + 2] = Clamp(b + noise);
            }
        }

        return image;
    }

    private (double R, double G, double B) Shade(double u, double v)
    {
        // Jacket with shoulders, then neck, then face over hair, over background.
        double shoulder = 360 + (Math.Abs(u - 179) > 60 ? (Math.Abs(u - 179) - 60) * -0.25 : 0);
        if (v > shoulder && Math.Abs(u - 179) < 175)
        {
            return Math.Abs(u - 179) < 14 && v < 400 ? (235, 235, 240) : Tuple(Clothing);
        }

        bool face = Inside(u, v, 179, 215, 98, 122);
        bool neck = Math.Abs(u - 179) < 48 && v > 300 && v <= shoulder + 5;
        if (face || neck)
        {
            (double r, double g, double b) = Tuple(Skin);
            double f = neck && !face ? 0.86 : 1.0;

            // Brows, eyes (sclera + iris), nose shadow, lips.
            foreach (double ex in new[] { 139.0, 219.0 })
            {
                if (Inside(u, v, ex, 174, 22, 4))
                {
                    return (60, 45, 38);
                }

                if (Inside(u, v, ex, 191, 17, 7))
                {
                    return Inside(u, v, ex, 191, 6, 6) ? (45, 35, 30) : (238, 238, 236);
                }
            }

            if (Math.Abs(u - 179) < 6 && v > 205 && v < 240)
            {
                f *= 0.85;
            }

            if (Inside(u, v, 179, 262, 28, 7))
            {
                return (178, 92, 92);
            }

            return (r * f, g * f, b * f);
        }

        if (Inside(u, v, 179, 190, 112, 140))
        {
            return Tuple(Hair);
        }

        return Tuple(Background);
    }

    private static bool Inside(double u, double v, double cx, double cy, double rx, double ry)
    {
        double dx = (u - cx) / rx, dy = (v - cy) / ry;
        return (dx * dx) + (dy * dy) <= 1;
    }

    private static (double, double, double) Tuple((byte R, byte G, byte B) c) => (c.R, c.G, c.B);

    private static byte Clamp(double value) => (byte)Math.Clamp((int)Math.Round(value), 0, 255);
}
