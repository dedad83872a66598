namespace SocialCard.Imaging.Processing.Color;

/// <summary>
/// The one sRGB (IEC 61966-2-1) &lt;-&gt; CIELAB (D65) conversion. 8-bit channels become linear light through a
/// 256-entry table (the exact curve, computed in double, stored as float); the companding f(t) is
/// <see cref="LabKernel.Companding(float)"/> (a cube-root table). Two precisions of the same formula: double
/// (<see cref="ToLab(byte, byte, byte)"/>, for one colour or a mean) and single (<see cref="ToLabSingle"/>,
/// <see cref="ToLabPlanes"/>, <see cref="LabKernel.AddSamples"/>: per-pixel work).
/// </summary>
public static class ColorSpace
{
    /// <summary>D65 reference white X (Y = 1).</summary>
    internal const float WhiteX = 0.95047f;

    /// <summary>D65 reference white Z (Y = 1).</summary>
    internal const float WhiteZ = 1.08883f;

    /// <summary>f⁻¹ switches from the cube to the linear segment at 6/29.</summary>
    private const float InverseKnee = 6f / 29f;

    private static readonly float[] s_linear = BuildLinearTable();

    /// <summary>sRGB 8-bit to linear light 0-1, indexed by the channel value.</summary>
    public static ReadOnlySpan<float> LinearTable => s_linear;

    /// <summary>sRGB 0-1 (clamped) to linear light 0-1, the exact curve.</summary>
    public static double SrgbToLinear(double c)
    {
        c = Math.Clamp(c, 0.0, 1.0);
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }

    /// <summary>Linear light (clamped to 0-1) to an sRGB byte, rounded.</summary>
    public static byte LinearToSrgb(float linear)
    {
        float v = Math.Clamp(linear, 0f, 1f);
        float e = v <= 0.0031308f ? 12.92f * v : (1.055f * MathF.Pow(v, 1f / 2.4f)) - 0.055f;
        return (byte)Math.Clamp((e * 255f) + 0.5f, 0f, 255f);
    }

    /// <summary>One 8-bit colour to CIELAB, double precision.</summary>
    public static Lab ToLab(byte r, byte g, byte b)
    {
        float[] lin = s_linear;
        return LinearToLab(lin[r], lin[g], lin[b]);
    }

    /// <summary>One 8-bit colour to CIELAB, double precision.</summary>
    public static Lab ToLab(RgbColor colour) => ToLab(colour.R, colour.G, colour.B);

    /// <summary>sRGB given as floating 0-255 values (e.g. a mean colour) to CIELAB, the exact transfer curve.</summary>
    public static Lab ToLab(double r, double g, double b) =>
        LinearToLab(SrgbToLinear(r / 255.0), SrgbToLinear(g / 255.0), SrgbToLinear(b / 255.0));

    /// <summary>Linear light 0-1 to CIELAB, double precision.</summary>
    public static Lab LinearToLab(double r, double g, double b)
    {
        double x = ((0.4124564 * r) + (0.3575761 * g) + (0.1804375 * b)) / 0.95047;
        double z = ((0.0193339 * r) + (0.1191920 * g) + (0.9503041 * b)) / 1.08883;
        double fx = F(x);
        double fy = Fy(r, g, b);
        double fz = F(z);
        return new Lab((116.0 * fy) - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz));
    }

    /// <summary>L* alone of <see cref="LinearToLab"/>, bit-identical to its L (the same operations).</summary>
    public static double LightnessFromLinear(double r, double g, double b) => (116.0 * Fy(r, g, b)) - 16.0;

    /// <summary>Relative luminance Y (white 1) of a CIELAB lightness: the inverse of L* = 116 f(Y) - 16.</summary>
    public static double LuminanceFromLightness(double lightness) =>
        FInverse((float)((lightness + 16.0) / 116.0));

    /// <summary>One 8-bit colour to CIELAB, single precision (the per-pixel form, <see cref="LabKernel.LinearToLab"/>).</summary>
    public static (float L, float A, float B) ToLabSingle(byte r, byte g, byte b)
    {
        float[] lin = s_linear;
        return LabKernel.LinearToLab(lin[r], lin[g], lin[b]);
    }

    /// <summary>Packed RGB24 to three CIELAB planes (single precision), one value per pixel.</summary>
    public static void ToLabPlanes(ReadOnlySpan<byte> rgb, Span<float> l, Span<float> a, Span<float> b)
    {
        int count = rgb.Length / 3;
        if (l.Length < count || a.Length < count || b.Length < count)
        {
            throw new ArgumentException($"Lab planes shorter than the {count} pixels.", nameof(l));
        }

        float[] lin = s_linear;
        for (int i = 0; i < count; i++)
        {
            (l[i], a[i], b[i]) = LabKernel.LinearToLab(lin[rgb[i * 3]], lin[rgb[(i * 3) + 1]], lin[rgb[(i * 3) + 2]]);
        }
    }

    /// <summary>CIELAB back to an 8-bit sRGB colour (out-of-gamut channels clamped).</summary>
    public static RgbColor ToRgb(float l, float a, float b)
    {
        float fy = (l + 16f) / 116f, fx = fy + (a / 500f), fz = fy - (b / 200f);
        float x = FInverse(fx) * WhiteX, y = FInverse(fy), z = FInverse(fz) * WhiteZ;
        float lr = (3.2404542f * x) - (1.5371385f * y) - (0.4985314f * z);
        float lg = (-0.9692660f * x) + (1.8760108f * y) + (0.0415560f * z);
        float lb = (0.0556434f * x) - (0.2040259f * y) + (1.0572252f * z);
        return new RgbColor(LinearToSrgb(lr), LinearToSrgb(lg), LinearToSrgb(lb));
    }

    /// <summary>CIELAB back to an 8-bit sRGB colour (out-of-gamut channels clamped).</summary>
    public static RgbColor ToRgb(Lab lab) => ToRgb((float)lab.L, (float)lab.A, (float)lab.B);

    /// <summary>f(Y) of linear sRGB (D65 luminance, white Y = 1).</summary>
    private static double Fy(double r, double g, double b) => F((0.2126729 * r) + (0.7151522 * g) + (0.0721750 * b));

    /// <summary>f(t) in double: the single-precision table between the knee and 1, the exact root above, the linear segment below.</summary>
    private static double F(double t) => t > LabKernel.KneeDouble && t < 1.0
        ? LabKernel.Companding((float)t)
        : t > LabKernel.KneeDouble ? Math.Cbrt(t) : (LabKernel.LinearSlopeDouble * t) + (16.0 / 116.0);

    private static float FInverse(float t) => t > InverseKnee ? t * t * t : (t - (16f / 116f)) / LabKernel.LinearSlope;

    private static float[] BuildLinearTable()
    {
        var table = new float[256];
        for (int i = 0; i < table.Length; i++)
        {
            table[i] = (float)SrgbToLinear(i / 255.0);
        }

        return table;
    }
}
