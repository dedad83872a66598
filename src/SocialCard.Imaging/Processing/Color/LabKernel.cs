using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SocialCard.Imaging.Processing.Color;

/// <summary>
/// The single-precision CIELAB kernel: the companding f(t) (<see cref="Companding(float)"/>, a cube-root table) and the
/// strided colour-sample sums (<see cref="AddSamples"/>). <see cref="AddSamplesScalar"/> is the reference,
/// <see cref="AddSamplesAvx2"/> gives exactly its sums; <see cref="AddSamples"/> picks AVX2 when the CPU has it.
/// </summary>
public static class LabKernel
{
    /// <summary>Samples per AVX2 step.</summary>
    private const int Lanes = 8;

    private const int CubeRootSteps = 4096;

    /// <summary>f(t) switches from the linear segment to the cube root at (6/29)³.</summary>
    internal const float Knee = 0.008856452f;

    /// <summary><see cref="Knee"/> in double.</summary>
    internal const double KneeDouble = 0.008856451679035631;

    /// <summary>Slope of the linear segment, 1 / (3 (6/29)²).</summary>
    internal const float LinearSlope = 7.787037f;

    /// <summary><see cref="LinearSlope"/> in double.</summary>
    internal const double LinearSlopeDouble = 7.787037037037037;

    /// <summary>The cube-root table, allocated pinned (it lives as long as the process) so the gathers can address it.</summary>
    private static readonly float[] s_cubeRoot = BuildCubeRootTable();

    private static readonly unsafe float* s_cubeRootPointer = (float*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(s_cubeRoot));

    /// <summary>
    /// CIELAB companding f(t), single precision: the cube root from a table with linear interpolation on (knee, 1)
    /// (absolute error below 5e-6, i.e. under 1e-3 L*; a cube root per channel per pixel was the image rules' largest
    /// cost), the exact root from 1, the linear segment up to the knee.
    /// </summary>
    public static float Companding(float t)
    {
        if (t <= Knee)
        {
            return (LinearSlope * t) + (16f / 116f);
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
    /// <see cref="Companding(float)"/> on eight values (AVX2): the same float operations per lane, the table read by
    /// gathers, lanes at or above 1 recomputed with <see cref="MathF.Cbrt(float)"/>; bit-identical to the scalar form.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static unsafe Vector256<float> Companding(Vector256<float> t)
    {
        if (!Avx2.IsSupported)
        {
            throw new NotSupportedException("AVX2 is required.");
        }

        Vector256<float> linear = (Vector256.Create(LinearSlope) * t) + Vector256.Create(16f / 116f);
        Vector256<float> x = t * Vector256.Create((float)CubeRootSteps);
        Vector256<int> i = Vector256.Min(Vector256.Max(Vector256.ConvertToInt32(x), Vector256<int>.Zero), Vector256.Create(CubeRootSteps));
        Vector256<float> t0 = Avx2.GatherVector256(s_cubeRootPointer, i, 4);
        Vector256<float> t1 = Avx2.GatherVector256(s_cubeRootPointer + 1, i, 4);
        Vector256<float> interpolated = t0 + ((t1 - t0) * (x - Vector256.ConvertToSingle(i)));
        Vector256<float> result = Vector256.ConditionalSelect(Vector256.LessThanOrEqual(t, Vector256.Create(Knee)), linear, interpolated);
        uint large = Vector256.GreaterThanOrEqual(t, Vector256.Create(1f)).ExtractMostSignificantBits();
        return large == 0 ? result : CubeRootLanes(result, t, large);
    }

    /// <summary>Linear light 0-1 to CIELAB in single precision.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (float L, float A, float B) LinearToLab(float r, float g, float b)
    {
        float fx = Companding(((0.4124564f * r) + (0.3575761f * g) + (0.1804375f * b)) / ColorSpace.WhiteX);
        float fy = Companding((0.2126729f * r) + (0.7151522f * g) + (0.0721750f * b));
        float fz = Companding(((0.0193339f * r) + (0.1191920f * g) + (0.9503041f * b)) / ColorSpace.WhiteZ);
        return ((116f * fy) - 16f, 500f * (fx - fy), 200f * (fy - fz));
    }

    /// <summary>
    /// CIELAB in double of linear light given in single precision, one colour per index:
    /// <c>(l[i], a[i], b[i]) = </c><see cref="ColorSpace.LinearToLab(double, double, double)"/><c>(red[i], green[i], blue[i])</c>,
    /// bit-identical to that one-colour form. Eight colours per AVX2 step (the same double operations on lanes, the
    /// companding of the table segment by <see cref="Companding(Vector256{float})"/>); colours with a channel of XYZ on
    /// the linear segment or at or above 1, and the tail, go through the one-colour form.
    /// </summary>
    public static void LinearToLabDouble(ReadOnlySpan<float> red, ReadOnlySpan<float> green, ReadOnlySpan<float> blue, Span<double> l, Span<double> a, Span<double> b)
    {
        int n = l.Length;
        if (red.Length < n || green.Length < n || blue.Length < n || a.Length < n || b.Length < n)
        {
            throw new ArgumentException($"Fewer than {n} channel or output values.", nameof(red));
        }

        int i = Avx2.IsSupported && UseVectors ? LinearToLabDoubleAvx2(red, green, blue, l, a, b) : 0;
        LinearToLabDoubleScalar(red[i..n], green[i..n], blue[i..n], l[i..n], a[i..n], b[i..n]);
    }

    /// <summary>Set false (tests, benchmarks) to force the scalar reference of the span conversions.</summary>
    internal static bool UseVectors { get; set; } = true;

    /// <summary>The reference of <see cref="LinearToLabDouble"/>: one colour at a time.</summary>
    internal static void LinearToLabDoubleScalar(ReadOnlySpan<float> red, ReadOnlySpan<float> green, ReadOnlySpan<float> blue, Span<double> l, Span<double> a, Span<double> b)
    {
        for (int i = 0; i < l.Length; i++)
        {
            (l[i], a[i], b[i]) = ColorSpace.LinearToLab(red[i], green[i], blue[i]);
        }
    }

    /// <summary>The span conversion eight colours at a time; returns how many it wrote (a multiple of eight).</summary>
    private static int LinearToLabDoubleAvx2(ReadOnlySpan<float> red, ReadOnlySpan<float> green, ReadOnlySpan<float> blue, Span<double> l, Span<double> a, Span<double> b)
    {
        ref float rr = ref MemoryMarshal.GetReference(red), gg = ref MemoryMarshal.GetReference(green), bb = ref MemoryMarshal.GetReference(blue);
        ref double ll = ref MemoryMarshal.GetReference(l), aa = ref MemoryMarshal.GetReference(a), ob = ref MemoryMarshal.GetReference(b);
        int i = 0;
        for (; i + Lanes <= l.Length; i += Lanes)
        {
            (Vector256<double> r0, Vector256<double> r1) = Vector256.Widen(Vector256.LoadUnsafe(ref rr, (nuint)i));
            (Vector256<double> g0, Vector256<double> g1) = Vector256.Widen(Vector256.LoadUnsafe(ref gg, (nuint)i));
            (Vector256<double> b0, Vector256<double> b1) = Vector256.Widen(Vector256.LoadUnsafe(ref bb, (nuint)i));
            uint outside = 0;
            (Vector256<double> fx0, Vector256<double> fx1) = CompandingOfSums(r0, g0, b0, r1, g1, b1, 0.4124564, 0.3575761, 0.1804375, 0.95047, ref outside);
            (Vector256<double> fy0, Vector256<double> fy1) = CompandingOfSums(r0, g0, b0, r1, g1, b1, 0.2126729, 0.7151522, 0.0721750, 1, ref outside);
            (Vector256<double> fz0, Vector256<double> fz1) = CompandingOfSums(r0, g0, b0, r1, g1, b1, 0.0193339, 0.1191920, 0.9503041, 1.08883, ref outside);
            ((Vector256.Create(116.0) * fy0) - Vector256.Create(16.0)).StoreUnsafe(ref ll, (nuint)i);
            ((Vector256.Create(116.0) * fy1) - Vector256.Create(16.0)).StoreUnsafe(ref ll, (nuint)(i + 4));
            (Vector256.Create(500.0) * (fx0 - fy0)).StoreUnsafe(ref aa, (nuint)i);
            (Vector256.Create(500.0) * (fx1 - fy1)).StoreUnsafe(ref aa, (nuint)(i + 4));
            (Vector256.Create(200.0) * (fy0 - fz0)).StoreUnsafe(ref ob, (nuint)i);
            (Vector256.Create(200.0) * (fy1 - fz1)).StoreUnsafe(ref ob, (nuint)(i + 4));
            while (outside != 0)
            {
                int k = System.Numerics.BitOperations.TrailingZeroCount(outside);
                outside &= outside - 1;
                (l[i + k], a[i + k], b[i + k]) = ColorSpace.LinearToLab(red[i + k], green[i + k], blue[i + k]);
            }
        }

        return i;
    }

    /// <summary>
    /// f(t) of <c>t = ((wr r) + (wg g) + (wb b)) / white</c> on eight colours (two vectors of four), as
    /// <see cref="ColorSpace.LinearToLab(double, double, double)"/> forms it (no division where the white is 1, as for Y);
    /// the lanes where t lies off the table segment (at or below the knee, at or above 1) are flagged in
    /// <paramref name="outside"/> for the one-colour form.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<double> Low, Vector256<double> High) CompandingOfSums(
        Vector256<double> r0, Vector256<double> g0, Vector256<double> b0, Vector256<double> r1, Vector256<double> g1, Vector256<double> b1,
        double wr, double wg, double wb, double white, ref uint outside)
    {
        Vector256<double> t0 = (Vector256.Create(wr) * r0) + (Vector256.Create(wg) * g0) + (Vector256.Create(wb) * b0);
        Vector256<double> t1 = (Vector256.Create(wr) * r1) + (Vector256.Create(wg) * g1) + (Vector256.Create(wb) * b1);
        if (white != 1)
        {
            t0 /= Vector256.Create(white);
            t1 /= Vector256.Create(white);
        }

        var knee = Vector256.Create(KneeDouble);
        var one = Vector256.Create(1.0);
        outside |= (Vector256.LessThanOrEqual(t0, knee) | Vector256.GreaterThanOrEqual(t0, one)).ExtractMostSignificantBits()
                 | ((Vector256.LessThanOrEqual(t1, knee) | Vector256.GreaterThanOrEqual(t1, one)).ExtractMostSignificantBits() << 4);
        return Vector256.Widen(Companding(Vector256.Narrow(t0, t1)));
    }

    /// <summary>
    /// Adds every <paramref name="step"/>-th pixel of <paramref name="rgbRow"/> from <paramref name="start"/> up to
    /// <paramref name="end"/> (pixel indices) to <paramref name="sums"/>: its L*, a*, b* and chroma C*, single precision,
    /// each term added in sample order in double.
    /// </summary>
    public static void AddSamples(ReadOnlySpan<byte> rgbRow, int start, int end, int step, ref LabSums sums)
    {
        if (start < 0 || end * 3 > rgbRow.Length || step < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(end), $"Samples {start}..{end} step {step} outside a row of {rgbRow.Length / 3} pixels.");
        }

        if (Avx2.IsSupported)
        {
            AddSamplesAvx2(rgbRow, start, end, step, ref sums);
        }
        else
        {
            AddSamplesScalar(rgbRow, start, end, step, ref sums);
        }
    }

    /// <summary>The reference of <see cref="AddSamples"/>: one sample at a time.</summary>
    internal static void AddSamplesScalar(ReadOnlySpan<byte> rgbRow, int start, int end, int step, ref LabSums sums)
    {
        ReadOnlySpan<float> linear = ColorSpace.LinearTable;
        for (int x = start; x < end; x += step)
        {
            AddSample(rgbRow, x, linear, ref sums);
        }
    }

    /// <summary>
    /// <see cref="AddSamples"/> eight samples at a time: the same float operations on AVX lanes (the cube-root table read
    /// by gathers, <see cref="Companding(Vector256{float})"/>), then the per-sample terms added to the double sums in
    /// sample order, so the sums are bit-identical to <see cref="AddSamplesScalar"/>; the tail goes through the scalar form.
    /// </summary>
    internal static void AddSamplesAvx2(ReadOnlySpan<byte> rgbRow, int start, int end, int step, ref LabSums sums)
    {
        ReadOnlySpan<float> linear = ColorSpace.LinearTable;
        Span<float> channels = stackalloc float[3 * Lanes];
        Span<float> terms = stackalloc float[4 * Lanes];
        int x = start;
        for (; x + ((Lanes - 1) * step) < end; x += Lanes * step)
        {
            for (int k = 0; k < Lanes; k++)
            {
                int p = (x + (k * step)) * 3;
                channels[k] = linear[rgbRow[p]];
                channels[Lanes + k] = linear[rgbRow[p + 1]];
                channels[(2 * Lanes) + k] = linear[rgbRow[p + 2]];
            }

            Vector256<float> r = Vector256.Create<float>(channels[..Lanes]);
            Vector256<float> g = Vector256.Create<float>(channels.Slice(Lanes, Lanes));
            Vector256<float> b = Vector256.Create<float>(channels.Slice(2 * Lanes, Lanes));
            Vector256<float> fx = Companding(((Vector256.Create(0.4124564f) * r) + (Vector256.Create(0.3575761f) * g) + (Vector256.Create(0.1804375f) * b)) / Vector256.Create(ColorSpace.WhiteX));
            Vector256<float> fy = Companding((Vector256.Create(0.2126729f) * r) + (Vector256.Create(0.7151522f) * g) + (Vector256.Create(0.0721750f) * b));
            Vector256<float> fz = Companding(((Vector256.Create(0.0193339f) * r) + (Vector256.Create(0.1191920f) * g) + (Vector256.Create(0.9503041f) * b)) / Vector256.Create(ColorSpace.WhiteZ));
            Vector256<float> a = Vector256.Create(500f) * (fx - fy);
            Vector256<float> bb = Vector256.Create(200f) * (fy - fz);
            ((Vector256.Create(116f) * fy) - Vector256.Create(16f)).CopyTo(terms);
            a.CopyTo(terms[Lanes..]);
            bb.CopyTo(terms[(2 * Lanes)..]);
            Vector256.Sqrt((a * a) + (bb * bb)).CopyTo(terms[(3 * Lanes)..]);
            for (int k = 0; k < Lanes; k++)
            {
                sums.L += terms[k];
                sums.A += terms[Lanes + k];
                sums.B += terms[(2 * Lanes) + k];
                sums.Chroma += terms[(3 * Lanes) + k];
            }

            sums.Count += Lanes;
        }

        for (; x < end; x += step)
        {
            AddSample(rgbRow, x, linear, ref sums);
        }
    }

    /// <summary>One colour sample: its L*, a*, b* and C* added to the sums (the reference order of the terms).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddSample(ReadOnlySpan<byte> rgbRow, int x, ReadOnlySpan<float> linear, ref LabSums sums)
    {
        int p = x * 3;
        (float l, float a, float b) = LinearToLab(linear[rgbRow[p]], linear[rgbRow[p + 1]], linear[rgbRow[p + 2]]);
        sums.L += l;
        sums.A += a;
        sums.B += b;
        sums.Chroma += MathF.Sqrt((a * a) + (b * b));
        sums.Count++;
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

    private static float[] BuildCubeRootTable()
    {
        float[] table = GC.AllocateArray<float>(CubeRootSteps + 2, pinned: true);
        for (int i = 0; i < table.Length; i++)
        {
            table[i] = (float)Math.Cbrt(i / (double)CubeRootSteps);
        }

        return table;
    }
}
