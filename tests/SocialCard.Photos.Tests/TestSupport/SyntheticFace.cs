using System.Drawing;
using SocialCard.Photos.Faces;

namespace SocialCard.Photos.Tests.TestSupport;

/// <summary>
/// 68 iBUG landmarks laid on <see cref="SyntheticPortrait"/>'s face (eyes at (139, 191) and (219, 191), mouth at
/// (179, 262), chin at (179, 337), jaw 196 px wide), then scaled, rotated about the eye midpoint and moved, as a face
/// engine would report them. Eye-to-chin distance 146 px at scale 1.
/// </summary>
internal sealed record SyntheticFace
{
    public const double EyeY = 191;
    public const double CentreX = 179;
    public const double ChinY = 337;

    /// <summary>Lid-to-lid opening of each eye, pixels (9 px: openness about 0.06, like the devset's compliant faces).</summary>
    public double EyeOpening { get; init; } = 9;

    /// <summary>Inner-lip gap, pixels (0: closed).</summary>
    public double MouthGap { get; init; }

    public double Scale { get; init; } = 1;

    /// <summary>In-plane rotation about the eye midpoint, degrees, clockwise as seen (the image-right eye goes down).</summary>
    public double RollDegrees { get; init; }

    public double Dx { get; init; }

    public double Dy { get; init; }

    public float Score { get; init; } = 0.95f;

    public double? Yaw { get; init; } = 1;

    public double? Pitch { get; init; } = -2;

    /// <summary>Set the engine's roll estimate; null leaves it to the eye line (the rules fall back to it).</summary>
    public double? EngineRoll { get; init; }

    public IReadOnlyDictionary<string, double> Expressions { get; init; } = new Dictionary<string, double>
    {
        ["neutral"] = 0.95, ["happy"] = 0.01, ["sad"] = 0.01, ["angry"] = 0.01, ["fearful"] = 0.01, ["disgusted"] = 0.005, ["surprised"] = 0.005,
    };

    public ObservedFace Build()
    {
        var p = new PointF[68];
        double ry = ChinY - EyeY;
        for (int i = 0; i <= 16; i++)
        {
            double t = Math.PI * i / 16;
            p[i] = Pt(CentreX - (98 * Math.Cos(t)), EyeY + (ry * Math.Sin(t)));
        }

        for (int i = 0; i < 5; i++)
        {
            p[17 + i] = Pt(117 + (11 * i), 174 - (i is 1 or 2 or 3 ? 2 : 0));
            p[22 + i] = Pt(197 + (11 * i), 174 - (i is 1 or 2 or 3 ? 2 : 0));
        }

        for (int i = 0; i < 4; i++)
        {
            p[27 + i] = Pt(CentreX, 195 + (13 * i));
        }

        for (int i = 0; i < 5; i++)
        {
            p[31 + i] = Pt(165 + (7 * i), 240 + (i == 2 ? 2 : 0));
        }

        Eye(p, 36, 139);
        Eye(p, 42, 219);
        double[] outerX = [151, 158, 168, 179, 190, 200, 207, 200, 190, 179, 168, 158];
        double[] outerY = [262, 257, 255, 256, 255, 257, 262, 267, 269, 270, 269, 267];
        for (int i = 0; i < 12; i++)
        {
            p[48 + i] = Pt(outerX[i], outerY[i]);
        }

        double g = MouthGap / 2;
        double[] innerX = [156, 170, 179, 188, 202, 188, 179, 170];
        double[] innerY = [262, 262 - g, 262 - g, 262 - g, 262, 262 + g, 262 + g, 262 + g];
        for (int i = 0; i < 8; i++)
        {
            p[60 + i] = Pt(innerX[i], innerY[i]);
        }

        for (int i = 0; i < p.Length; i++)
        {
            p[i] = Transform(p[i]);
        }

        float x0 = p.Min(q => q.X), x1 = p.Max(q => q.X), y0 = p.Min(q => q.Y), y1 = p.Max(q => q.Y);
        return new ObservedFace
        {
            Box = new RectangleF(x0, y0 - 30, x1 - x0, y1 - y0 + 30),
            Score = Score,
            Landmarks = p,
            YawDegrees = Yaw,
            PitchDegrees = Pitch,
            RollDegrees = EngineRoll,
            Expressions = Expressions,
        };
    }

    private void Eye(PointF[] p, int first, double cx)
    {
        double h = EyeOpening / 2;
        p[first] = Pt(cx - 17, EyeY);
        p[first + 1] = Pt(cx - 6, EyeY - h);
        p[first + 2] = Pt(cx + 6, EyeY - h);
        p[first + 3] = Pt(cx + 17, EyeY);
        p[first + 4] = Pt(cx + 6, EyeY + h);
        p[first + 5] = Pt(cx - 6, EyeY + h);
    }

    private PointF Transform(PointF q)
    {
        double a = RollDegrees * Math.PI / 180;
        double x = (q.X - CentreX) * Scale, y = (q.Y - EyeY) * Scale;
        double rx = (x * Math.Cos(a)) - (y * Math.Sin(a));
        double ry = (x * Math.Sin(a)) + (y * Math.Cos(a));
        return Pt(CentreX + rx + Dx, EyeY + ry + Dy);
    }

    private static PointF Pt(double x, double y) => new((float)x, (float)y);
}
