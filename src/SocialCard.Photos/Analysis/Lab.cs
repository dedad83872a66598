using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SocialCard.Photos.Analysis;

/// <summary>CIELAB (D65) colour: lightness 0-100, a* green-red, b* blue-yellow.</summary>
public readonly record struct Lab(double L, double A, double B)
{
    private static readonly float[] s_linear = BuildLinearTable();

    public double Chroma => Math.Sqrt((A * A) + (B * B));

    /// <summary>Hue angle in degrees 0-360 (0 = +a* red, 90 = +b* yellow, 270 = -b* blue).</summary>
    public double Hue
    {
        get
        {
            double h = Math.Atan2(B, A) * 180.0 / Math.PI;
            return h < 0 ? h + 360.0 : h;
        }
    }

    /// <summary>sRGB (8-bit) to CIELAB D65.</summary>
    public static Lab FromRgb(byte r, byte g, byte b)
    {
        float[] lin = s_linear;
        return FromLinear(lin[r], lin[g], lin[b]);
    }

    /// <summary>sRGB given as floating 0-255 values (e.g. a mean colour) to CIELAB D65.</summary>
    public static Lab FromRgb(double r, double g, double b) =>
        FromLinear(ToLinear(r / 255.0), ToLinear(g / 255.0), ToLinear(b / 255.0));

    /// <summary>sRGB 8-bit to linear light 0-1 (table).</summary>
    internal static ReadOnlySpan<float> LinearTable => s_linear;

    internal static Lab FromLinear(double r, double g, double b)
    {
        double x = ((0.4124564 * r) + (0.3575761 * g) + (0.1804375 * b)) / 0.95047;
        double z = ((0.0193339 * r) + (0.1191920 * g) + (0.9503041 * b)) / 1.08883;
        double fx = F(x);
        double fy = Fy(r, g, b);
        double fz = F(z);
        return new Lab((116.0 * fy) - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz));
    }

    /// <summary>L* alone of <see cref="FromLinear(double, double, double)"/>, bit-identical to its L (the same operations).</summary>
    internal static double LightnessFromLinear(double r, double g, double b) => (116.0 * Fy(r, g, b)) - 16.0;

    /// <summary>f(Y) of linear sRGB (D65 luminance, white Y = 1).</summary>
    private static double Fy(double r, double g, double b) => F((0.2126729 * r) + (0.7151522 * g) + (0.0721750 * b));

    /// <summary>
    /// CIELAB companding f(t), single precision: the cube root from a table with linear interpolation on (0.0089, 1]
    /// (absolute error below 5e-6, i.e. under 1e-3 L*; a cube root per channel per pixel was the image rules' largest
    /// cost), the exact root above 1, the linear segment below the knee.
    /// </summary>
    internal static float F(float t)
    {
        if (t <= 0.008856452f)
        {
            return (7.787037f * t) + (16f / 116f);
        }

        if (t >= 1f)
        {
            return MathF.Cbrt(t);
        }

        float x = t * CubeRootSteps;
        int i = (int)x;
        float[] table = s_cubeRoot;
        return table[i] + ((table[i + 1] - table[i]) * (x - i));
    }

    /// <summary>
    /// <see cref="F(float)"/> on eight values (AVX2): the same float operations per lane, the table read by gathers,
    /// lanes at or above 1 recomputed with <see cref="MathF.Cbrt(float)"/>; bit-identical to the scalar form.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static unsafe Vector256<float> F(Vector256<float> t)
    {
        if (!Avx2.IsSupported)
        {
            throw new NotSupportedException("AVX2 is required.");
        }

        Vector256<float> linear = (Vector256.Create(7.787037f) * t) + Vector256.Create(16f / 116f);
        Vector256<float> x = t * Vector256.Create((float)CubeRootSteps);
        Vector256<int> i = Vector256.Min(Vector256.Max(Vector256.ConvertToInt32(x), Vector256<int>.Zero), Vector256.Create(CubeRootSteps));
        Vector256<float> t0 = Avx2.GatherVector256(s_cubeRootPointer, i, 4);
        Vector256<float> t1 = Avx2.GatherVector256(s_cubeRootPointer + 1, i, 4);
        Vector256<float> interpolated = t0 + ((t1 - t0) * (x - Vector256.ConvertToSingle(i)));
        Vector256<float> result = Vector256.ConditionalSelect(Vector256.LessThanOrEqual(t, Vector256.Create(0.008856452f)), linear, interpolated);
        uint large = Vector256.GreaterThanOrEqual(t, Vector256.Create(1f)).ExtractMostSignificantBits();
        return large == 0 ? result : CubeRootLanes(result, t, large);
    }

    /// <summary>Replaces the lanes of <paramref name="result"/> flagged in <paramref name="lanes"/> by the exact cube root of <paramref name="t"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector256<float> CubeRootLanes(Vector256<float> result, Vector256<float> t, uint lanes)
    {
        while (lanes != 0)
        {
            int k = System.Numerics.BitOperations.TrailingZeroCount(lanes);
            lanes &= lanes - 1;
            result = result.WithElement(k, MathF.Cbrt(t.GetElement(k)));
        }

        return result;
    }

    private const int CubeRootSteps = 4096;

    /// <summary>The cube-root table, allocated pinned (it lives as long as the process) so the gathers can address it.</summary>
    private static readonly float[] s_cubeRoot = BuildCubeRootTable();

    private static readonly unsafe float* s_cubeRootPointer = (float*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(s_cubeRoot));

    private static float[] BuildCubeRootTable()
    {
        float[] table = GC.AllocateArray<float>(CubeRootSteps + 2, pinned: true);
        for (int i = 0; i < table.Length; i++)
        {
            table[i] = (float)Math.Cbrt(i / (double)CubeRootSteps);
        }

        return table;
    }

    private static double F(double t) => t > 0.008856451679035631 && t < 1.0
        ? F((float)t)
        : t > 0.008856451679035631 ? Math.Cbrt(t) : (7.787037037037037 * t) + (16.0 / 116.0);

    private static double ToLinear(double c)
    {
        c = Math.Clamp(c, 0.0, 1.0);
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }

    private static float[] BuildLinearTable()
    {
        var table = new float[256];
        for (int i = 0; i < table.Length; i++)
        {
            table[i] = (float)ToLinear(i / 255.0);
        }

        return table;
    }
}
