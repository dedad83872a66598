using SocialCard.Imaging;

namespace SocialCard.Photos.Fixes.Pixels;

/// <summary>CIELAB (D65) planes of an RGB image, float, one plane per channel; sRGB decoding through a 256-entry table.</summary>
internal sealed class LabImage
{
    private static readonly float[] s_linear = BuildLinear();

    public LabImage(int width, int height)
    {
        Width = width;
        Height = height;
        L = new float[width * height];
        A = new float[width * height];
        B = new float[width * height];
    }

    public int Width { get; }

    public int Height { get; }

    public float[] L { get; }

    public float[] A { get; }

    public float[] B { get; }

    public static LabImage From(RgbImage image)
    {
        var lab = new LabImage(image.Width, image.Height);
        ReadOnlySpan<byte> p = image.Pixels;
        for (int i = 0; i < lab.L.Length; i++)
        {
            (lab.L[i], lab.A[i], lab.B[i]) = ToLab(p[i * 3], p[(i * 3) + 1], p[(i * 3) + 2]);
        }

        return lab;
    }

    public static (float L, float A, float B) ToLab(byte r, byte g, byte b)
    {
        float lr = s_linear[r], lg = s_linear[g], lb = s_linear[b];
        float x = ((0.4124564f * lr) + (0.3575761f * lg) + (0.1804375f * lb)) / 0.95047f;
        float y = (0.2126729f * lr) + (0.7151522f * lg) + (0.0721750f * lb);
        float z = ((0.0193339f * lr) + (0.1191920f * lg) + (0.9503041f * lb)) / 1.08883f;
        float fx = F(x), fy = F(y), fz = F(z);
        return ((116f * fy) - 16f, 500f * (fx - fy), 200f * (fy - fz));
    }

    public static (byte R, byte G, byte B) ToRgb(float l, float a, float b)
    {
        float fy = (l + 16f) / 116f, fx = fy + (a / 500f), fz = fy - (b / 200f);
        float x = FInv(fx) * 0.95047f, y = FInv(fy), z = FInv(fz) * 1.08883f;
        float lr = (3.2404542f * x) - (1.5371385f * y) - (0.4985314f * z);
        float lg = (-0.9692660f * x) + (1.8760108f * y) + (0.0415560f * z);
        float lb = (0.0556434f * x) - (0.2040259f * y) + (1.0572252f * z);
        return (Encode(lr), Encode(lg), Encode(lb));
    }

    private static float F(float t) => t > 0.008856f ? MathF.Cbrt(t) : (7.787f * t) + (16f / 116f);

    private static float FInv(float t) => t > 0.206893f ? t * t * t : (t - (16f / 116f)) / 7.787f;

    private static byte Encode(float v)
    {
        v = Math.Clamp(v, 0f, 1f);
        float e = v <= 0.0031308f ? 12.92f * v : (1.055f * MathF.Pow(v, 1f / 2.4f)) - 0.055f;
        return (byte)Math.Clamp((e * 255f) + 0.5f, 0f, 255f);
    }

    private static float[] BuildLinear()
    {
        var t = new float[256];
        for (int i = 0; i < 256; i++)
        {
            double c = i / 255.0;
            t[i] = (float)(c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4));
        }

        return t;
    }
}
