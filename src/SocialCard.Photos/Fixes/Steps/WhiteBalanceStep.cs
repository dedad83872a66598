using System.Globalization;
using SocialCard.Imaging;
using SocialCard.Imaging.Processing.Color;
using SocialCard.Photos.Fixes.Geometry;
using SocialCard.Photos.Rules;

namespace SocialCard.Photos.Fixes.Steps;

/// <summary>
/// Removes a colour cast with per-channel gains (von Kries) on the person layer. Two witnesses: the skin, whose mean
/// a*, b* should lie in the natural box (OFIQ natural colour: a* 5-25, b* 5-35), and the wall when it is nearly
/// neutral (a light grey/white wall with a slight tint shows the camera's cast; a clearly coloured wall is a coloured
/// wall and says nothing). Gains are limited to [0.7, 1.4].
/// </summary>
public sealed class WhiteBalanceStep : IFixStep
{
    private const float MinA = 5, MaxA = 25, MinB = 5, MaxB = 32;
    private const float TargetMinA = 9, TargetMaxA = 20, TargetMinB = 11, TargetMaxB = 26;
    private const float WallNeutralChroma = 8, WallMinChroma = 2.5f, WallMinL = 60;

    public string Id => "fix.white-balance";

    public FixStepResult Apply(FixContext ctx)
    {
        if (ctx.Foreground is null || ctx.OutputLandmarks is null)
        {
            return FixStepResult.Skipped(Id, new LocalizedText("无人像层", "No person layer"));
        }

        RgbImage fg = ctx.Foreground;
        FaceZone skin = FaceZone.Skin(ctx.OutputLandmarks, fg.Width, fg.Height);
        (float r, float g, float b) = MeanRgb(fg, skin);
        (float l, float a, float bb) = ColorSpace.ToLabSingle((byte)r, (byte)g, (byte)b);
        double chroma = Math.Sqrt((a * a) + (bb * bb));
        bool skinOff = a < MinA || a > MaxA || bb < MinB || bb > MaxB;
        (double gr, double gg, double gb) = (1, 1, 1);
        string witness = string.Empty;
        if (skinOff)
        {
            (byte tr, byte tg, byte tb) = ColorSpace.ToRgb(l, Math.Clamp(a, TargetMinA, TargetMaxA), Math.Clamp(bb, TargetMinB, TargetMaxB));
            gr = tr / Math.Max(1f, r);
            gg = tg / Math.Max(1f, g);
            gb = tb / Math.Max(1f, b);
            witness = "skin";
        }

        if (ctx.WallLab is { } wall)
        {
            double wallChroma = Math.Sqrt((wall.A * wall.A) + (wall.B * wall.B));
            if (wall.L > WallMinL && wallChroma is > WallMinChroma and < WallNeutralChroma)
            {
                (byte wr, byte wg, byte wb) = ColorSpace.ToRgb(wall.L, wall.A, wall.B);
                double mean = (wr + wg + wb) / 3.0;
                // Half strength: the wall may really be tinted.
                gr *= 1 + (0.5 * ((mean / Math.Max(1, (int)wr)) - 1));
                gg *= 1 + (0.5 * ((mean / Math.Max(1, (int)wg)) - 1));
                gb *= 1 + (0.5 * ((mean / Math.Max(1, (int)wb)) - 1));
                witness = witness.Length == 0 ? "wall" : "skin+wall";
            }
        }

        if (witness.Length == 0 || (Math.Abs(gr - 1) < 0.02 && Math.Abs(gg - 1) < 0.02 && Math.Abs(gb - 1) < 0.02))
        {
            return FixStepResult.Skipped(Id, new LocalizedText(
                $"无色偏（肤色 a*={F(a)} b*={F(bb)}）", $"No colour cast (skin a*={F(a)} b*={F(bb)})"), "skin chroma", chroma);
        }

        gr = Math.Clamp(gr, 0.7, 1.4);
        gg = Math.Clamp(gg, 0.7, 1.4);
        gb = Math.Clamp(gb, 0.7, 1.4);
        Span<byte> lr = stackalloc byte[256], lg = stackalloc byte[256], lb = stackalloc byte[256];
        for (int v = 0; v < 256; v++)
        {
            lr[v] = (byte)Math.Clamp(Math.Round(v * gr), 0, 255);
            lg[v] = (byte)Math.Clamp(Math.Round(v * gg), 0, 255);
            lb[v] = (byte)Math.Clamp(Math.Round(v * gb), 0, 255);
        }

        Span<byte> px = fg.Pixels;
        for (int i = 0; i < px.Length; i += 3)
        {
            px[i] = lr[px[i]];
            px[i + 1] = lg[px[i + 1]];
            px[i + 2] = lb[px[i + 2]];
        }

        ctx.Compose();
        (float r2, float g2, float b2) = MeanRgb(fg, skin);
        (_, float a2, float b2Lab) = ColorSpace.ToLabSingle((byte)r2, (byte)g2, (byte)b2);
        return FixStepResult.Applied(Id, new LocalizedText(
            $"已校正色偏（依据：{witness}）：肤色 a*/b* {F(a)}/{F(bb)} → {F(a2)}/{F(b2Lab)}",
            $"Colour cast removed (from {witness}): skin a*/b* {F(a)}/{F(bb)} -> {F(a2)}/{F(b2Lab)}"), "skin chroma", chroma, Math.Sqrt((a2 * a2) + (b2Lab * b2Lab)));
    }

    private static (float R, float G, float B) MeanRgb(RgbImage image, FaceZone zone)
    {
        ReadOnlySpan<byte> px = image.Pixels;
        double r = 0, g = 0, b = 0;
        int n = 0;
        for (int y = zone.Y0; y < zone.Y1; y++)
        {
            for (int x = zone.X0; x < zone.X1; x++)
            {
                int i = ((y * image.Width) + x) * 3;
                r += px[i];
                g += px[i + 1];
                b += px[i + 2];
                n++;
            }
        }

        return n == 0 ? (0, 0, 0) : ((float)(r / n), (float)(g / n), (float)(b / n));
    }

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
