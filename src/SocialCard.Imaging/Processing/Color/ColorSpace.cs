namespace SocialCard.Imaging.Processing.Color;

/// <summary>
/// sRGB (IEC 61966-2-1) &lt;-&gt; CIE L*a*b* under D65. The per-pixel conversions take the exact sRGB transfer
/// curve; the bulk <see cref="ToLab(RgbImage, Span{Lab})"/> path reads linear values from a 256-entry table.
/// </summary>
public static class ColorSpace
{
    // D65 reference white, Y = 1.
    private const float WhiteX = 0.95047f;
    private const float WhiteY = 1.00000f;
    private const float WhiteZ = 1.08883f;
    private const float Epsilon = 216f / 24389f;   // (6/29)^3
    private const float Kappa = 24389f / 27f;       // (29/3)^3

    private static readonly float[] LinearTable = BuildLinearTable();

    /// <summary>sRGB byte to linear light 0-1, exact formula.</summary>
    public static float SrgbToLinear(byte value)
    {
        float c = value / 255f;
        return c <= 0.04045f ? c / 12.92f : MathF.Pow((c + 0.055f) / 1.055f, 2.4f);
    }

    /// <summary>sRGB byte to linear light 0-1 from the lookup table.</summary>
    public static float SrgbToLinearFast(byte value) => LinearTable[value];

    public static byte LinearToSrgb(float linear)
    {
        float c = linear <= 0.0031308f ? 12.92f * linear : (1.055f * MathF.Pow(linear, 1f / 2.4f)) - 0.055f;
        return (byte)Math.Clamp((c * 255f) + 0.5f, 0f, 255f);
    }

    /// <summary>Reference conversion of one pixel (exact transfer curve).</summary>
    public static Lab ToLab(RgbColor color) =>
        LinearToLab(SrgbToLinear(color.R), SrgbToLinear(color.G), SrgbToLinear(color.B));

    public static RgbColor ToRgb(Lab lab)
    {
        float fy = (lab.L + 16f) / 116f;
        float fx = fy + (lab.A / 500f);
        float fz = fy - (lab.B / 200f);
        float x = WhiteX * FInverse(fx);
        float y = WhiteY * (lab.L > Kappa * Epsilon ? fy * fy * fy : lab.L / Kappa);
        float z = WhiteZ * FInverse(fz);
        float r = (3.2404542f * x) - (1.5371385f * y) - (0.4985314f * z);
        float g = (-0.9692660f * x) + (1.8760108f * y) + (0.0415560f * z);
        float b = (0.0556434f * x) - (0.2040259f * y) + (1.0572252f * z);
        return new RgbColor(LinearToSrgb(Math.Max(0, r)), LinearToSrgb(Math.Max(0, g)), LinearToSrgb(Math.Max(0, b)));
    }

    /// <summary>Converts every pixel (row-major) with the table-driven transfer curve.</summary>
    public static void ToLab(RgbImage image, Span<Lab> destination)
    {
        ArgumentNullException.ThrowIfNull(image);
        ToLab(image.Pixels, destination);
    }

    /// <summary>Converts packed RGB24 to Lab, one output per pixel.</summary>
    public static void ToLab(ReadOnlySpan<byte> rgb, Span<Lab> destination)
    {
        int count = rgb.Length / 3;
        if (destination.Length < count)
        {
            throw new ArgumentException($"Destination holds {destination.Length} values, {count} needed.", nameof(destination));
        }

        float[] table = LinearTable;
        for (int i = 0; i < count; i++)
        {
            destination[i] = LinearToLab(table[rgb[i * 3]], table[rgb[(i * 3) + 1]], table[rgb[(i * 3) + 2]]);
        }
    }

    private static Lab LinearToLab(float r, float g, float b)
    {
        float x = ((0.4124564f * r) + (0.3575761f * g) + (0.1804375f * b)) / WhiteX;
        float y = ((0.2126729f * r) + (0.7151522f * g) + (0.0721750f * b)) / WhiteY;
        float z = ((0.0193339f * r) + (0.1191920f * g) + (0.9503041f * b)) / WhiteZ;
        float fx = F(x);
        float fy = F(y);
        float fz = F(z);
        return new Lab((116f * fy) - 16f, 500f * (fx - fy), 200f * (fy - fz));
    }

    private static float F(float t) => t > Epsilon ? MathF.Cbrt(t) : ((Kappa * t) + 16f) / 116f;

    private static float FInverse(float f)
    {
        float f3 = f * f * f;
        return f3 > Epsilon ? f3 : ((116f * f) - 16f) / Kappa;
    }

    private static float[] BuildLinearTable()
    {
        var table = new float[256];
        for (int i = 0; i < 256; i++)
        {
            table[i] = SrgbToLinear((byte)i);
        }

        return table;
    }
}
