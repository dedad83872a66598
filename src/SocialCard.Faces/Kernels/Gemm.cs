using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SocialCard.Faces.Kernels;

/// <summary>
/// <c>y[rows, n] = act(x[rows, k] * w[k, n] + bias[n])</c>, all row-major: the 1x1 (pointwise) convolution over NHWC
/// pixels, the fully connected layers, and the im2col form of the full 3x3 convolutions. The vector path blocks four
/// rows by sixteen columns (eight accumulators, FMA), with AVX-512 eight or four rows by 32 columns, reading a layer's
/// weights from its <see cref="Panels"/> where the model packed them at load; the scalar path is the readable reference.
/// </summary>
internal static class Gemm
{
    /// <summary>Set false (tests) to force the scalar reference path.</summary>
    internal static bool UseVectors { get; set; } = Vector256.IsHardwareAccelerated;

    /// <summary>Use the 512-bit kernel for blocks of 32 columns where the hardware has it (AVX-512).</summary>
    internal static bool UseVector512 { get; set; } = Vector512.IsHardwareAccelerated;

    /// <summary>Set false (tests, benchmarks) to read the weights row-major even where <see cref="Panels"/> are given.</summary>
    internal static bool UsePanels { get; set; } = true;

    /// <summary>Set false (tests, benchmarks) to run sixteen-column layers in the 256-bit blocks.</summary>
    internal static bool UseNarrow512 { get; set; } = true;

    /// <summary>Panel width of <see cref="Panels"/> on a core with AVX-512: the 512-bit blocks' columns.</summary>
    public const int PanelWidth = 32;

    /// <summary>Panel width of <see cref="Panels"/> on a core without AVX-512: the 256-bit six-row blocks' columns.</summary>
    public const int PanelWidth256 = 16;

    /// <summary>The width <see cref="Panels"/> packs on this core.</summary>
    internal static int PanelWidthHere => Vector512.IsHardwareAccelerated ? PanelWidth : PanelWidth256;

    public static void Run(
        ReadOnlySpan<float> x, int rows, int k, ReadOnlySpan<float> w, int n, ReadOnlySpan<float> bias, Span<float> y, Activation act) =>
        Run(x, rows, k, w, default, n, bias, y, act);

    /// <summary>
    /// Columns 0..(n &amp; ~31)-1 of the row-major <c>w[k, n]</c> packed once (at load) into 32-column panels, each
    /// <c>[k, 32]</c> contiguous: the 512-bit blocks then stream their weights in order instead of 128 bytes per
    /// <c>4n</c>-byte row (on a loaded core the 256- and 512-column layers ran at ~50 GMAC/s row-major, ~57 packed).
    /// On a core without AVX-512 columns 0..(n &amp; ~15)-1 in 16-column panels (<see cref="PanelWidthHere"/>), for the
    /// 256-bit six-row blocks (<see cref="SixRows"/>): a 16-column strip's weights one contiguous run.
    /// Empty where no path reads them (no vectors).
    /// </summary>
    public static float[] Panels(ReadOnlySpan<float> w, int k, int n)
    {
        if (!Vector256.IsHardwareAccelerated)
        {
            return [];
        }

        int width = PanelWidthHere;
        int packed = n & ~(width - 1);
        var panels = new float[k * packed];
        int o = 0;
        for (int j = 0; j < packed; j += width)
        {
            for (int i = 0; i < k; i++)
            {
                w.Slice((i * n) + j, width).CopyTo(panels.AsSpan(o, width));
                o += width;
            }
        }

        return panels;
    }

    /// <summary>The GEMM with the weights also as <see cref="Panels"/> (empty: row-major only); the same values either way
    /// (the same weights in the same order per output).</summary>
    public static void Run(
        ReadOnlySpan<float> x, int rows, int k, ReadOnlySpan<float> w, ReadOnlySpan<float> panels, int n, ReadOnlySpan<float> bias,
        Span<float> y, Activation act)
    {
        if (x.Length < rows * k || w.Length < k * n || bias.Length < n || y.Length < rows * n
            || (!panels.IsEmpty && panels.Length != k * (n & ~(PanelWidthHere - 1))))
        {
            throw new ArgumentException("Gemm operand sizes do not match.");
        }

        if (UseVectors && UseVector512 && n >= 32)
        {
            int done = RunVector512(x, rows, k, w, UsePanels ? panels : default, n, bias, y, act);
            if (done < n)
            {
                Columns(x, rows, k, w, n, bias, y, act, done);
            }
        }
        else if (UseVectors && UseVector512 && UseNarrow512 && n == 16)
        {
            int r = 0;
            for (; r + 8 <= rows; r += 8)
            {
                Block8x16(
                    ref Unsafe.Add(ref MemoryMarshal.GetReference(x), r * k), k, ref MemoryMarshal.GetReference(w), n,
                    ref MemoryMarshal.GetReference(bias), ref Unsafe.Add(ref MemoryMarshal.GetReference(y), r * n), n, act);
            }

            if (r < rows)
            {
                RunVector256(x[(r * k)..], rows - r, k, w, n, bias, y[(r * n)..], act, 0);
            }
        }
        else if (UseVectors && UseVector512 && UseNarrowColumns && n >= 8 && n != 16)
        {
            Columns(x, rows, k, w, n, bias, y, act, 0); // sixteen columns alone: the block above, or (switched off) the 256-bit steps
        }
        else if (UseVectors && n >= 8)
        {
            int r = UseSixRows && n >= 16 ? SixRows(x, rows, k, w, UsePanels ? panels : default, n, bias, y, act) : 0;
            if (r < rows)
            {
                RunVector256(x[(r * k)..], rows - r, k, w, n, bias, y[(r * n)..], act, 0);
            }
        }
        else
        {
            RunScalar(x, rows, k, w, n, bias, y, act);
        }
    }

    internal static void RunScalar(
        ReadOnlySpan<float> x, int rows, int k, ReadOnlySpan<float> w, int n, ReadOnlySpan<float> bias, Span<float> y, Activation act)
    {
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<float> xr = x.Slice(r * k, k);
            Span<float> yr = y.Slice(r * n, n);
            bias[..n].CopyTo(yr);
            for (int i = 0; i < k; i++)
            {
                float a = xr[i];
                ReadOnlySpan<float> wi = w.Slice(i * n, n);
                for (int j = 0; j < n; j++)
                {
                    yr[j] += a * wi[j];
                }
            }

            for (int j = 0; j < n; j++)
            {
                yr[j] = Activate(yr[j], act);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static float Activate(float v, Activation act) => act switch
    {
        Activation.Relu => MathF.Max(v, 0f),
        Activation.Leaky => Leaky(v),
        _ => v,
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Leaky(float v)
    {
        float m = v * 0.1f;
        return MathF.Max(v - m, 0f) + m;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<float> Activate(Vector256<float> v, Activation act)
    {
        if (act == Activation.Relu)
        {
            return Vector256.Max(v, Vector256<float>.Zero);
        }

        if (act == Activation.Leaky)
        {
            // max(v - 0.1v, 0) as one vmaxps with zero first (it returns its second operand when that is NaN, and zero
            // when the first is greater) instead of the five instructions of Vector256.Max: the same value for every
            // input, since v - 0.1v is never -0 (0.1v has the sign of v, and a difference is -0 only for -0 - +0);
            // checked over all 2^32 inputs. No switch: a static read here costs the native build its registers.
            Vector256<float> m = v * Vector256.Create(0.1f);
            return Avx.IsSupported
                ? Avx.Max(Vector256<float>.Zero, v - m) + m
                : Vector256.Max(v - m, Vector256<float>.Zero) + m;
        }

        return v;
    }

    private static void RunVector256(
        ReadOnlySpan<float> xs, int rows, int k, ReadOnlySpan<float> ws, int n, ReadOnlySpan<float> bs, Span<float> ys, Activation act,
        int colStart)
    {
        ref float x = ref MemoryMarshal.GetReference(xs);
        ref float w = ref MemoryMarshal.GetReference(ws);
        ref float b = ref MemoryMarshal.GetReference(bs);
        ref float y = ref MemoryMarshal.GetReference(ys);
        int n16 = colStart + ((n - colStart) & ~15);
        int n8 = colStart + ((n - colStart) & ~7);
        int r = 0;
        for (; r + 4 <= rows; r += 4)
        {
            ref float x0 = ref Unsafe.Add(ref x, r * k);
            ref float x1 = ref Unsafe.Add(ref x0, k);
            ref float x2 = ref Unsafe.Add(ref x1, k);
            ref float x3 = ref Unsafe.Add(ref x2, k);
            ref float y0 = ref Unsafe.Add(ref y, r * n);
            ref float y1 = ref Unsafe.Add(ref y0, n);
            ref float y2 = ref Unsafe.Add(ref y1, n);
            ref float y3 = ref Unsafe.Add(ref y2, n);
            int j = colStart;
            for (; j < n16; j += 16)
            {
                Vector256<float> bl = Vector256.LoadUnsafe(ref b, (nuint)j);
                Vector256<float> bh = Vector256.LoadUnsafe(ref b, (nuint)(j + 8));
                Vector256<float> a0l = bl, a0h = bh, a1l = bl, a1h = bh, a2l = bl, a2h = bh, a3l = bl, a3h = bh;
                ref float wj = ref Unsafe.Add(ref w, j);
                for (int i = 0; i < k; i++)
                {
                    Vector256<float> wl = Vector256.LoadUnsafe(ref wj);
                    Vector256<float> wh = Vector256.LoadUnsafe(ref wj, 8);
                    Vector256<float> v0 = Vector256.Create(Unsafe.Add(ref x0, i));
                    Vector256<float> v1 = Vector256.Create(Unsafe.Add(ref x1, i));
                    Vector256<float> v2 = Vector256.Create(Unsafe.Add(ref x2, i));
                    Vector256<float> v3 = Vector256.Create(Unsafe.Add(ref x3, i));
                    a0l = Vector256.FusedMultiplyAdd(v0, wl, a0l);
                    a0h = Vector256.FusedMultiplyAdd(v0, wh, a0h);
                    a1l = Vector256.FusedMultiplyAdd(v1, wl, a1l);
                    a1h = Vector256.FusedMultiplyAdd(v1, wh, a1h);
                    a2l = Vector256.FusedMultiplyAdd(v2, wl, a2l);
                    a2h = Vector256.FusedMultiplyAdd(v2, wh, a2h);
                    a3l = Vector256.FusedMultiplyAdd(v3, wl, a3l);
                    a3h = Vector256.FusedMultiplyAdd(v3, wh, a3h);
                    wj = ref Unsafe.Add(ref wj, n);
                }

                Activate(a0l, act).StoreUnsafe(ref y0, (nuint)j);
                Activate(a0h, act).StoreUnsafe(ref y0, (nuint)(j + 8));
                Activate(a1l, act).StoreUnsafe(ref y1, (nuint)j);
                Activate(a1h, act).StoreUnsafe(ref y1, (nuint)(j + 8));
                Activate(a2l, act).StoreUnsafe(ref y2, (nuint)j);
                Activate(a2h, act).StoreUnsafe(ref y2, (nuint)(j + 8));
                Activate(a3l, act).StoreUnsafe(ref y3, (nuint)j);
                Activate(a3h, act).StoreUnsafe(ref y3, (nuint)(j + 8));
            }

            for (; j < n8; j += 8)
            {
                Vector256<float> bl = Vector256.LoadUnsafe(ref b, (nuint)j);
                Vector256<float> a0 = bl, a1 = bl, a2 = bl, a3 = bl;
                ref float wj = ref Unsafe.Add(ref w, j);
                for (int i = 0; i < k; i++)
                {
                    Vector256<float> wl = Vector256.LoadUnsafe(ref wj);
                    a0 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref x0, i)), wl, a0);
                    a1 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref x1, i)), wl, a1);
                    a2 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref x2, i)), wl, a2);
                    a3 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref x3, i)), wl, a3);
                    wj = ref Unsafe.Add(ref wj, n);
                }

                Activate(a0, act).StoreUnsafe(ref y0, (nuint)j);
                Activate(a1, act).StoreUnsafe(ref y1, (nuint)j);
                Activate(a2, act).StoreUnsafe(ref y2, (nuint)j);
                Activate(a3, act).StoreUnsafe(ref y3, (nuint)j);
            }

            if (j < n)
            {
                ScalarColumns(xs.Slice(r * k, 4 * k), 4, k, ws, n, bs, ys.Slice(r * n, 4 * n), act, j);
            }
        }

        for (; r < rows; r++)
        {
            ref float xr = ref Unsafe.Add(ref x, r * k);
            ref float yr = ref Unsafe.Add(ref y, r * n);
            int j = colStart;
            for (; j < n8; j += 8)
            {
                Vector256<float> a = Vector256.LoadUnsafe(ref b, (nuint)j);
                ref float wj = ref Unsafe.Add(ref w, j);
                for (int i = 0; i < k; i++)
                {
                    a = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref xr, i)), Vector256.LoadUnsafe(ref wj), a);
                    wj = ref Unsafe.Add(ref wj, n);
                }

                Activate(a, act).StoreUnsafe(ref yr, (nuint)j);
            }

            if (j < n)
            {
                ScalarColumns(xs.Slice(r * k, k), 1, k, ws, n, bs, ys.Slice(r * n, n), act, j);
            }
        }
    }

    /// <summary>Set false (tests, benchmarks) to run the 256-bit path (no AVX-512) four rows at a time only.</summary>
    internal static bool UseSixRows { get; set; } = true;

    /// <summary>
    /// The 256-bit path's rows in blocks of six (<see cref="Block6x16"/>, then six rows x eight columns, the last columns
    /// as <see cref="ScalarColumns"/>), with the weights from the 16-column <paramref name="ps"/> when given also the rows
    /// after the last block (<see cref="Row1x64"/>: then no step reads the row-major copy but the last columns; the two
    /// copies of a 256 x 256 layer would not share the 512 KB L2); returns the rows done, the rest for
    /// <see cref="RunVector256"/>. Same summation order per output as every path.
    /// </summary>
    private static int SixRows(
        ReadOnlySpan<float> xs, int rows, int k, ReadOnlySpan<float> ws, ReadOnlySpan<float> ps, int n, ReadOnlySpan<float> bs,
        Span<float> ys, Activation act)
    {
        ref float x = ref MemoryMarshal.GetReference(xs);
        ref float w = ref MemoryMarshal.GetReference(ws);
        ref float b = ref MemoryMarshal.GetReference(bs);
        ref float y = ref MemoryMarshal.GetReference(ys);
        int n16 = n & ~15;
        int rows6 = rows - (rows % 6);
        bool packed = !ps.IsEmpty && PanelWidthHere == PanelWidth256;
        ref float wb = ref packed ? ref MemoryMarshal.GetReference(ps) : ref w;
        int stripStep = packed ? k : 1, wStep = packed ? PanelWidth256 : n;

        // Four or five rows after the last block, of a layer whose weights exceed L1: one more six-row block ending at the
        // last row (rows computed twice get the same operations, so the same values) instead of a pass over all the
        // weights per row (Row1x64: eight FMAs per 256 bytes of weights from L2).
        int extra = LastSixStart(rows, k, n16, packed);
        bool lastSix = extra >= 0;
        switch (UseTypedEpilogues ? act : (Activation)(-1))
        {
            case Activation.None:
                Blocks6x16(ref x, k, ref wb, stripStep, wStep, ref b, ref y, n, n16, rows6, extra, default(ActivationStore<NoActivation>));
                break;
            case Activation.Relu:
                Blocks6x16(ref x, k, ref wb, stripStep, wStep, ref b, ref y, n, n16, rows6, extra, default(ActivationStore<ReluActivation>));
                break;
            case Activation.Leaky:
                Blocks6x16(ref x, k, ref wb, stripStep, wStep, ref b, ref y, n, n16, rows6, extra, default(ActivationStore<LeakyActivation>));
                break;
            default:
                Blocks6x16(ref x, k, ref wb, stripStep, wStep, ref b, ref y, n, n16, rows6, extra, new ActivationStore<AnyActivation>(new AnyActivation(act)));
                break;
        }

        for (int r = 0; r < rows6 && n16 < n; r += 6)
        {
            ref float x0 = ref Unsafe.Add(ref x, r * k);
            ref float y0 = ref Unsafe.Add(ref y, r * n);
            int j = n16;
            if (j + 8 <= n)
            {
                Block6x8(ref x0, k, ref Unsafe.Add(ref w, j), n, ref Unsafe.Add(ref b, j), ref Unsafe.Add(ref y0, j), act);
                j += 8;
            }

            if (j < n)
            {
                ScalarColumns(xs.Slice(r * k, 6 * k), 6, k, ws, n, bs, ys.Slice(r * n, 6 * n), act, j);
            }
        }

        if (!packed)
        {
            return rows6;
        }

        for (int r = rows6; r < rows; r++)
        {
            if (!lastSix)
            {
                Row1x64(ref Unsafe.Add(ref x, r * k), k, ref wb, ref b, ref Unsafe.Add(ref y, r * n), n16, act);
            }

            if (n16 < n)
            {
                RunVector256(xs.Slice(r * k, k), 1, k, ws, n, bs, ys.Slice(r * n, n), act, n16);
            }
        }

        return rows;
    }

    /// <summary>Set false (tests, benchmarks) to run the six-row blocks' epilogue through the one kernel that tests the
    /// activation per accumulator instead of the kernel compiled for the layer's activation.</summary>
    internal static bool UseTypedEpilogues { get; set; } = true;

    /// <summary>Set false (tests, benchmarks) to step the six-row blocks' k loop one step at a time instead of four.</summary>
    internal static bool UseUnrolledK { get; set; } = true;

    /// <summary>An activation as a type, for the six-row kernels generic over it: one kernel compiled per activation, its
    /// epilogue without the two tests of <see cref="Activation"/> per accumulator (and the copy each leaves), the same
    /// operations on the values as <see cref="Activate(Vector256{float}, Activation)"/>.</summary>
    internal interface IEpilogue
    {
        Vector256<float> Apply(Vector256<float> v);

        /// <summary>The same for the 512-bit blocks, as <see cref="Activate(Vector512{float}, Activation)"/>.</summary>
        Vector512<float> Apply(Vector512<float> v);
    }

    /// <summary>The activation read at run time: the epilogue before the typed ones.</summary>
    internal readonly struct AnyActivation(Activation act) : IEpilogue
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector256<float> Apply(Vector256<float> v) => Activate(v, act);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector512<float> Apply(Vector512<float> v) => Activate(v, act);
    }

    internal readonly struct NoActivation : IEpilogue
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector256<float> Apply(Vector256<float> v) => v;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector512<float> Apply(Vector512<float> v) => v;
    }

    internal readonly struct ReluActivation : IEpilogue
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector256<float> Apply(Vector256<float> v) => Activate(v, Activation.Relu);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector512<float> Apply(Vector512<float> v) => Activate(v, Activation.Relu);
    }

    internal readonly struct LeakyActivation : IEpilogue
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector256<float> Apply(Vector256<float> v) => Activate(v, Activation.Leaky);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector512<float> Apply(Vector512<float> v) => Activate(v, Activation.Leaky);
    }

    /// <summary>How a six-row block (<see cref="Block6x16"/>) stores its twelve sums: each row's sixteen at
    /// <paramref name="y"/>, rows <paramref name="stride"/> floats apart.</summary>
    internal interface IBlockStore
    {
        void Store(
            ref float y, int stride, Vector256<float> a0l, Vector256<float> a0h, Vector256<float> a1l, Vector256<float> a1h,
            Vector256<float> a2l, Vector256<float> a2h, Vector256<float> a3l, Vector256<float> a3h, Vector256<float> a4l,
            Vector256<float> a4h, Vector256<float> a5l, Vector256<float> a5h);
    }

    /// <summary>The sums through the activation <typeparamref name="TAct"/> (<see cref="Store6x16"/>).</summary>
    internal readonly struct ActivationStore<TAct>(TAct act) : IBlockStore
        where TAct : struct, IEpilogue
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Store(
            ref float y, int stride, Vector256<float> a0l, Vector256<float> a0h, Vector256<float> a1l, Vector256<float> a1h,
            Vector256<float> a2l, Vector256<float> a2h, Vector256<float> a3l, Vector256<float> a3h, Vector256<float> a4l,
            Vector256<float> a4h, Vector256<float> a5l, Vector256<float> a5h) =>
            Store6x16(ref y, stride, act, a0l, a0h, a1l, a1h, a2l, a2h, a3l, a3h, a4l, a4h, a5l, a5h);
    }

    /// <summary>How a 512-bit eight-row block (<see cref="Block8x32"/>) stores one vector of sixteen sums at
    /// <paramref name="y"/>.</summary>
    internal interface IStore512
    {
        void Store(ref float y, Vector512<float> v);
    }

    /// <summary>The sums through the activation <typeparamref name="TAct"/>.</summary>
    internal readonly struct ActivationStore512<TAct>(TAct act) : IStore512
        where TAct : struct, IEpilogue
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Store(ref float y, Vector512<float> v) => act.Apply(v).StoreUnsafe(ref y);
    }

    /// <summary>The number of a dense block's outputs a skip sum adds (<see cref="SkipSumStore{TTerms}"/>).</summary>
    internal interface ITerms
    {
        static abstract int Count { get; }
    }

    internal readonly struct TwoTerms : ITerms
    {
        public static int Count => 2;
    }

    internal readonly struct ThreeTerms : ITerms
    {
        public static int Count => 3;
    }

    internal readonly struct FourTerms : ITerms
    {
        public static int Count => 4;
    }

    /// <summary>
    /// A dense block's skip sum taken in the store of its last convolution's sums (no activation): the sum <c>v</c>
    /// (the block's output o2, o3 or o4) is stored at <c>y</c> (o4 is not: nothing reads it), and
    /// <see cref="Elementwise.SkipSum"/>'s value, <c>max(o1 + v, 0)</c>, <c>max(o1 + (o2 + v), 0)</c> or
    /// <c>max(o1 + (o2 + (o3 + v)), 0)</c>, the same additions in the same order, at the same index of the sum tensor.
    /// The other tensors are reached by their byte distance from <c>y</c> (all pinned by the caller).
    /// </summary>
    internal readonly struct SkipSumStore<TTerms>(nint toO1, nint toO2, nint toO3, nint toSum) : IBlockStore, IStore512
        where TTerms : struct, ITerms
    {
        /// <summary>The same for one 512-bit vector of sums (<see cref="Block8x32"/>).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Store(ref float y, Vector512<float> v)
        {
            Vector512<float> s = TTerms.Count switch
            {
                2 => v,
                3 => Vector512.LoadUnsafe(ref Unsafe.AddByteOffset(ref y, toO2)) + v,
                _ => Vector512.LoadUnsafe(ref Unsafe.AddByteOffset(ref y, toO2)) + (Vector512.LoadUnsafe(ref Unsafe.AddByteOffset(ref y, toO3)) + v),
            };
            if (TTerms.Count < 4)
            {
                v.StoreUnsafe(ref y);
            }

            Elementwise.Relu(Vector512.LoadUnsafe(ref Unsafe.AddByteOffset(ref y, toO1)) + s).StoreUnsafe(ref Unsafe.AddByteOffset(ref y, toSum));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Store(
            ref float y, int stride, Vector256<float> a0l, Vector256<float> a0h, Vector256<float> a1l, Vector256<float> a1h,
            Vector256<float> a2l, Vector256<float> a2h, Vector256<float> a3l, Vector256<float> a3h, Vector256<float> a4l,
            Vector256<float> a4h, Vector256<float> a5l, Vector256<float> a5h)
        {
            One(ref y, 0, a0l);
            One(ref y, 8, a0h);
            One(ref y, (nuint)stride, a1l);
            One(ref y, (nuint)(stride + 8), a1h);
            One(ref y, (nuint)(2 * stride), a2l);
            One(ref y, (nuint)((2 * stride) + 8), a2h);
            One(ref y, (nuint)(3 * stride), a3l);
            One(ref y, (nuint)((3 * stride) + 8), a3h);
            One(ref y, (nuint)(4 * stride), a4l);
            One(ref y, (nuint)((4 * stride) + 8), a4h);
            One(ref y, (nuint)(5 * stride), a5l);
            One(ref y, (nuint)((5 * stride) + 8), a5h);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void One(ref float y, nuint at, Vector256<float> v)
        {
            ref float yv = ref Unsafe.Add(ref y, at);
            Vector256<float> s = TTerms.Count switch
            {
                2 => v,
                3 => Vector256.LoadUnsafe(ref Unsafe.AddByteOffset(ref yv, toO2)) + v,
                _ => Vector256.LoadUnsafe(ref Unsafe.AddByteOffset(ref yv, toO2)) + (Vector256.LoadUnsafe(ref Unsafe.AddByteOffset(ref yv, toO3)) + v),
            };
            if (TTerms.Count < 4)
            {
                v.StoreUnsafe(ref yv);
            }

            Elementwise.Relu(Vector256.LoadUnsafe(ref Unsafe.AddByteOffset(ref yv, toO1)) + s).StoreUnsafe(ref Unsafe.AddByteOffset(ref yv, toSum));
        }
    }

    /// <summary>Set false (tests, benchmarks) to run a dense block's skip sum as its own pass after the GEMM instead of in
    /// the six-row blocks' stores (<see cref="RunSkipSum"/>).</summary>
    internal static bool UseSkipSumStores { get; set; } = true;

    /// <summary>
    /// <c>y = x * w + bias</c> (no activation), the last convolution of a dense block's sum, then the skip sum
    /// <see cref="Elementwise.SkipSum"/>(<paramref name="o1"/>, <paramref name="o2"/>, <paramref name="o3"/>, y,
    /// <paramref name="sum"/>, <paramref name="terms"/>); with 4 terms <paramref name="y"/> is scratch (its rows may be
    /// left unwritten). On the 256-bit six-row path with panels the six-row blocks take the sum in their stores, and on
    /// the 512-bit path the eight-row blocks (<see cref="RunSkipSum512"/>), while the block's values are in registers
    /// (the GEMM's output not read back from L2/L3 by a second pass): every value the same as the GEMM then the sum.
    /// </summary>
    public static unsafe void RunSkipSum(
        ReadOnlySpan<float> x, int rows, int k, ReadOnlySpan<float> w, ReadOnlySpan<float> panels, int n, ReadOnlySpan<float> bias,
        Span<float> y, ReadOnlySpan<float> o1, ReadOnlySpan<float> o2, ReadOnlySpan<float> o3, Span<float> sum, int terms)
    {
        int size = rows * n;
        bool inStores = UseSkipSumStores && UseVectors && !UseVector512 && UseSixRows && UseTypedEpilogues && UsePanels
            && PanelWidthHere == PanelWidth256 && n % 16 == 0 && rows >= 6 && !panels.IsEmpty && terms is >= 2 and <= 4;
        bool inStores512 = UseSkipSumStores512 && UseVectors && UseVector512 && n % 32 == 0 && rows >= 8 && terms is >= 2 and <= 4;
        if (inStores512)
        {
            RunSkipSum512(x, rows, k, w, panels, n, bias, y, o1, o2, o3, sum, terms);
            return;
        }

        if (!inStores)
        {
            Run(x, rows, k, w, panels, n, bias, y, Activation.None);
            Elementwise.SkipSum(o1, o2, o3, y[..size], sum[..size], terms);
            return;
        }

        if (x.Length < rows * k || panels.Length != k * n || bias.Length < n || y.Length < size || sum.Length < size
            || o1.Length < size || (terms >= 3 && o2.Length < size) || (terms == 4 && o3.Length < size))
        {
            throw new ArgumentException("Gemm operand sizes do not match.");
        }

        int rows6 = rows - (rows % 6);
        int extra = LastSixStart(rows, k, n, packed: true);
        fixed (float* py = y, p1 = o1, p2 = terms >= 3 ? o2 : (ReadOnlySpan<float>)y, p3 = terms == 4 ? o3 : (ReadOnlySpan<float>)y, ps = sum)
        {
            ref float ry = ref MemoryMarshal.GetReference(y);
            ref float rx = ref MemoryMarshal.GetReference(x);
            ref float rp = ref MemoryMarshal.GetReference(panels);
            ref float rb = ref MemoryMarshal.GetReference(bias);
            nint d1 = (nint)((byte*)p1 - (byte*)py), d2 = (nint)((byte*)p2 - (byte*)py);
            nint d3 = (nint)((byte*)p3 - (byte*)py), ds = (nint)((byte*)ps - (byte*)py);
            switch (terms)
            {
                case 2:
                    Blocks6x16(ref rx, k, ref rp, k, PanelWidth256, ref rb, ref ry, n, n, rows6, extra, new SkipSumStore<TwoTerms>(d1, d2, d3, ds));
                    break;
                case 3:
                    Blocks6x16(ref rx, k, ref rp, k, PanelWidth256, ref rb, ref ry, n, n, rows6, extra, new SkipSumStore<ThreeTerms>(d1, d2, d3, ds));
                    break;
                default:
                    Blocks6x16(ref rx, k, ref rp, k, PanelWidth256, ref rb, ref ry, n, n, rows6, extra, new SkipSumStore<FourTerms>(d1, d2, d3, ds));
                    break;
            }
        }

        if (extra < 0 && rows6 < rows)
        {
            // The rows after the last six-row block as the plain GEMM takes them, then their sum as its own pass.
            int from = rows6 * n;
            Run(x[(rows6 * k)..], rows - rows6, k, w, panels, n, bias, y[from..], Activation.None);
            Elementwise.SkipSum(o1[from..], terms >= 3 ? o2[from..] : default, terms == 4 ? o3[from..] : default, y[from..size], sum[from..size], terms);
        }
    }

    /// <summary>Set false (tests, benchmarks) to run a dense block's skip sum (AVX-512) as its own pass after the GEMM
    /// instead of in the 512-bit eight-row blocks' stores (<see cref="RunSkipSum"/>).</summary>
    internal static bool UseSkipSumStores512 { get; set; } = true;

    /// <summary><see cref="RunSkipSum"/> on the 512-bit path (<paramref name="n"/> a multiple of 32, eight rows or more):
    /// the eight-row blocks take the sum in their stores (<see cref="SkipSumStore{TTerms}"/>), their weights read as
    /// <see cref="RunVector512"/> reads them; the rows after the last block go through the plain GEMM, then their sum as
    /// its own pass.</summary>
    private static unsafe void RunSkipSum512(
        ReadOnlySpan<float> x, int rows, int k, ReadOnlySpan<float> w, ReadOnlySpan<float> panels, int n, ReadOnlySpan<float> bias,
        Span<float> y, ReadOnlySpan<float> o1, ReadOnlySpan<float> o2, ReadOnlySpan<float> o3, Span<float> sum, int terms)
    {
        int size = rows * n;
        if (x.Length < rows * k || w.Length < k * n || (!panels.IsEmpty && panels.Length != k * n) || bias.Length < n
            || y.Length < size || sum.Length < size || o1.Length < size || (terms >= 3 && o2.Length < size) || (terms == 4 && o3.Length < size))
        {
            throw new ArgumentException("Gemm operand sizes do not match.");
        }

        int done;
        fixed (float* py = y, p1 = o1, p2 = terms >= 3 ? o2 : (ReadOnlySpan<float>)y, p3 = terms == 4 ? o3 : (ReadOnlySpan<float>)y, ps = sum)
        {
            ref float ry = ref MemoryMarshal.GetReference(y);
            ref float rx = ref MemoryMarshal.GetReference(x);
            ref float rw = ref Weights512(w, UsePanels ? panels : default, k, n, out int panelStep, out int wStep);
            ref float rb = ref MemoryMarshal.GetReference(bias);
            nint d1 = (nint)((byte*)p1 - (byte*)py), d2 = (nint)((byte*)p2 - (byte*)py);
            nint d3 = (nint)((byte*)p3 - (byte*)py), ds = (nint)((byte*)ps - (byte*)py);
            done = terms switch
            {
                2 => Blocks8x32(ref rx, rows, k, ref rw, panelStep, wStep, n, ref rb, ref ry, n, new SkipSumStore<TwoTerms>(d1, d2, d3, ds)),
                3 => Blocks8x32(ref rx, rows, k, ref rw, panelStep, wStep, n, ref rb, ref ry, n, new SkipSumStore<ThreeTerms>(d1, d2, d3, ds)),
                _ => Blocks8x32(ref rx, rows, k, ref rw, panelStep, wStep, n, ref rb, ref ry, n, new SkipSumStore<FourTerms>(d1, d2, d3, ds)),
            };
        }

        if (done < rows)
        {
            int from = done * n;
            Run(x[(done * k)..], rows - done, k, w, panels, n, bias, y[from..], Activation.None);
            Elementwise.SkipSum(o1[from..], terms >= 3 ? o2[from..] : default, terms == 4 ? o3[from..] : default, y[from..size], sum[from..size], terms);
        }
    }

    /// <summary>Set false (tests, benchmarks) to run the four or five rows after the last six-row block one at a time
    /// (<see cref="Row1x64"/>) where the weights exceed L1, instead of one more six-row block ending at the last row.</summary>
    internal static bool UseLastSixRows { get; set; } = true;

    /// <summary>Floats of weights the 32 KB L1 data cache holds.</summary>
    private const int L1Floats = 32 * 1024 / sizeof(float);

    /// <summary>The first row of one more six-row block ending at the last row (<see cref="UseLastSixRows"/>) when four or
    /// five rows follow the last six-row block of a layer whose weights (as panels) exceed L1; otherwise -1.</summary>
    private static int LastSixStart(int rows, int k, int n16, bool packed) =>
        packed && UseLastSixRows && rows >= 6 && rows % 6 >= 4 && k * n16 > L1Floats ? rows - 6 : -1;

    /// <summary>Rows 0..<paramref name="rows6"/>-1 in <see cref="Block6x16"/>s over columns 0..<paramref name="n16"/>-1,
    /// then rows <paramref name="extra"/>..<paramref name="extra"/>+5 when <paramref name="extra"/> is not negative.</summary>
    private static void Blocks6x16<TStore>(
        ref float x, int k, ref float wb, int stripStep, int wStep, ref float b, ref float y, int n, int n16, int rows6, int extra, TStore act)
        where TStore : struct, IBlockStore
    {
        int k4 = UseUnrolledK ? k & ~3 : 0;
        for (int r = 0; r < rows6; r += 6)
        {
            Block6x16(ref Unsafe.Add(ref x, r * k), k, k4, ref wb, stripStep, wStep, ref b, ref Unsafe.Add(ref y, r * n), n, 0, n16, act);
        }

        if (extra >= 0)
        {
            Block6x16(ref Unsafe.Add(ref x, extra * k), k, k4, ref wb, stripStep, wStep, ref b, ref Unsafe.Add(ref y, extra * n), n, 0, n16, act);
        }
    }

    /// <summary>
    /// One row x columns 0..<paramref name="n16"/>-1 from the 16-column panels <paramref name="p"/>: 64 columns at a time
    /// (eight 256-bit accumulators from four panels: eight independent FMA chains, as many as the two FMA pipes' latency
    /// needs), then sixteen. Same summation order per output as every path.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Row1x64(ref float x, int k, ref float p, ref float b, ref float y, int n16, Activation act)
    {
        int j = 0;
        for (; j + 64 <= n16; j += 64)
        {
            ref float p0 = ref Unsafe.Add(ref p, j * k);
            ref float p1 = ref Unsafe.Add(ref p0, 16 * k);
            ref float p2 = ref Unsafe.Add(ref p1, 16 * k);
            ref float p3 = ref Unsafe.Add(ref p2, 16 * k);
            Vector256<float> a0 = Vector256.LoadUnsafe(ref b, (nuint)j), a1 = Vector256.LoadUnsafe(ref b, (nuint)(j + 8));
            Vector256<float> a2 = Vector256.LoadUnsafe(ref b, (nuint)(j + 16)), a3 = Vector256.LoadUnsafe(ref b, (nuint)(j + 24));
            Vector256<float> a4 = Vector256.LoadUnsafe(ref b, (nuint)(j + 32)), a5 = Vector256.LoadUnsafe(ref b, (nuint)(j + 40));
            Vector256<float> a6 = Vector256.LoadUnsafe(ref b, (nuint)(j + 48)), a7 = Vector256.LoadUnsafe(ref b, (nuint)(j + 56));
            for (int i = 0; i < k; i++)
            {
                Vector256<float> v = Vector256.Create(Unsafe.Add(ref x, i));
                nuint o = (nuint)(i * PanelWidth256);
                a0 = Vector256.FusedMultiplyAdd(v, Vector256.LoadUnsafe(ref p0, o), a0);
                a1 = Vector256.FusedMultiplyAdd(v, Vector256.LoadUnsafe(ref p0, o + 8), a1);
                a2 = Vector256.FusedMultiplyAdd(v, Vector256.LoadUnsafe(ref p1, o), a2);
                a3 = Vector256.FusedMultiplyAdd(v, Vector256.LoadUnsafe(ref p1, o + 8), a3);
                a4 = Vector256.FusedMultiplyAdd(v, Vector256.LoadUnsafe(ref p2, o), a4);
                a5 = Vector256.FusedMultiplyAdd(v, Vector256.LoadUnsafe(ref p2, o + 8), a5);
                a6 = Vector256.FusedMultiplyAdd(v, Vector256.LoadUnsafe(ref p3, o), a6);
                a7 = Vector256.FusedMultiplyAdd(v, Vector256.LoadUnsafe(ref p3, o + 8), a7);
            }

            Activate(a0, act).StoreUnsafe(ref y, (nuint)j);
            Activate(a1, act).StoreUnsafe(ref y, (nuint)(j + 8));
            Activate(a2, act).StoreUnsafe(ref y, (nuint)(j + 16));
            Activate(a3, act).StoreUnsafe(ref y, (nuint)(j + 24));
            Activate(a4, act).StoreUnsafe(ref y, (nuint)(j + 32));
            Activate(a5, act).StoreUnsafe(ref y, (nuint)(j + 40));
            Activate(a6, act).StoreUnsafe(ref y, (nuint)(j + 48));
            Activate(a7, act).StoreUnsafe(ref y, (nuint)(j + 56));
        }

        for (; j < n16; j += 16)
        {
            ref float pj = ref Unsafe.Add(ref p, j * k);
            Vector256<float> a0 = Vector256.LoadUnsafe(ref b, (nuint)j), a1 = Vector256.LoadUnsafe(ref b, (nuint)(j + 8));
            for (int i = 0; i < k; i++)
            {
                Vector256<float> v = Vector256.Create(Unsafe.Add(ref x, i));
                a0 = Vector256.FusedMultiplyAdd(v, Vector256.LoadUnsafe(ref pj, (nuint)(i * PanelWidth256)), a0);
                a1 = Vector256.FusedMultiplyAdd(v, Vector256.LoadUnsafe(ref pj, (nuint)((i * PanelWidth256) + 8)), a1);
            }

            Activate(a0, act).StoreUnsafe(ref y, (nuint)j);
            Activate(a1, act).StoreUnsafe(ref y, (nuint)(j + 8));
        }
    }

    /// <summary>
    /// Six rows x columns <paramref name="j0"/>..<paramref name="j1"/>-1, sixteen at a time (strip j's weights from
    /// <c>wb[j * stripStep]</c>, rows <paramref name="wStep"/> floats apart): twelve 256-bit accumulators, two weight
    /// vectors and one broadcast (fifteen of the sixteen AVX2 registers), so the FMA latency is hidden with room to spare
    /// (the four-row step's eight chains are exactly the two FMA pipes' latency) and each weight load serves six rows.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Block6x16<TStore>(
        ref float x0, int k, int k4, ref float wb, int stripStep, int wStep, ref float b, ref float y0, int n, int j0, int j1, TStore act)
        where TStore : struct, IBlockStore
    {
        ref float x1 = ref Unsafe.Add(ref x0, k);
        ref float x2 = ref Unsafe.Add(ref x1, k);
        ref float x3 = ref Unsafe.Add(ref x2, k);
        ref float x4 = ref Unsafe.Add(ref x3, k);
        ref float x5 = ref Unsafe.Add(ref x4, k);
        nint ws = wStep;
        for (int j = j0; j < j1; j += 16)
        {
            Vector256<float> bl = Vector256.LoadUnsafe(ref b, (nuint)j);
            Vector256<float> bh = Vector256.LoadUnsafe(ref b, (nuint)(j + 8));
            Vector256<float> a0l = bl, a0h = bh, a1l = bl, a1h = bh, a2l = bl, a2h = bh;
            Vector256<float> a3l = bl, a3h = bh, a4l = bl, a4h = bh, a5l = bl, a5h = bh;
            ref float wj = ref Unsafe.Add(ref wb, j * stripStep);
            nint i = 0;
            for (; i < k4; i += 4)
            {
                // Four k steps per pass (the same FMAs in the same order per accumulator): a quarter of the loop's branches
                // and index updates, and a 32-step loop (k = 32) no longer ends in a taken-then-not branch every 32.
                ref float w1 = ref Unsafe.Add(ref wj, ws);
                ref float w2 = ref Unsafe.Add(ref w1, ws);
                ref float w3 = ref Unsafe.Add(ref w2, ws);
                Vector256<float> wl, wh, v;
                wl = Vector256.LoadUnsafe(ref wj);
                wh = Vector256.LoadUnsafe(ref wj, 8);
                v = Vector256.Create(Unsafe.Add(ref x0, i));
                a0l = Vector256.FusedMultiplyAdd(v, wl, a0l);
                a0h = Vector256.FusedMultiplyAdd(v, wh, a0h);
                v = Vector256.Create(Unsafe.Add(ref x1, i));
                a1l = Vector256.FusedMultiplyAdd(v, wl, a1l);
                a1h = Vector256.FusedMultiplyAdd(v, wh, a1h);
                v = Vector256.Create(Unsafe.Add(ref x2, i));
                a2l = Vector256.FusedMultiplyAdd(v, wl, a2l);
                a2h = Vector256.FusedMultiplyAdd(v, wh, a2h);
                v = Vector256.Create(Unsafe.Add(ref x3, i));
                a3l = Vector256.FusedMultiplyAdd(v, wl, a3l);
                a3h = Vector256.FusedMultiplyAdd(v, wh, a3h);
                v = Vector256.Create(Unsafe.Add(ref x4, i));
                a4l = Vector256.FusedMultiplyAdd(v, wl, a4l);
                a4h = Vector256.FusedMultiplyAdd(v, wh, a4h);
                v = Vector256.Create(Unsafe.Add(ref x5, i));
                a5l = Vector256.FusedMultiplyAdd(v, wl, a5l);
                a5h = Vector256.FusedMultiplyAdd(v, wh, a5h);
                wl = Vector256.LoadUnsafe(ref w1);
                wh = Vector256.LoadUnsafe(ref w1, 8);
                v = Vector256.Create(Unsafe.Add(ref x0, i + 1));
                a0l = Vector256.FusedMultiplyAdd(v, wl, a0l);
                a0h = Vector256.FusedMultiplyAdd(v, wh, a0h);
                v = Vector256.Create(Unsafe.Add(ref x1, i + 1));
                a1l = Vector256.FusedMultiplyAdd(v, wl, a1l);
                a1h = Vector256.FusedMultiplyAdd(v, wh, a1h);
                v = Vector256.Create(Unsafe.Add(ref x2, i + 1));
                a2l = Vector256.FusedMultiplyAdd(v, wl, a2l);
                a2h = Vector256.FusedMultiplyAdd(v, wh, a2h);
                v = Vector256.Create(Unsafe.Add(ref x3, i + 1));
                a3l = Vector256.FusedMultiplyAdd(v, wl, a3l);
                a3h = Vector256.FusedMultiplyAdd(v, wh, a3h);
                v = Vector256.Create(Unsafe.Add(ref x4, i + 1));
                a4l = Vector256.FusedMultiplyAdd(v, wl, a4l);
                a4h = Vector256.FusedMultiplyAdd(v, wh, a4h);
                v = Vector256.Create(Unsafe.Add(ref x5, i + 1));
                a5l = Vector256.FusedMultiplyAdd(v, wl, a5l);
                a5h = Vector256.FusedMultiplyAdd(v, wh, a5h);
                wl = Vector256.LoadUnsafe(ref w2);
                wh = Vector256.LoadUnsafe(ref w2, 8);
                v = Vector256.Create(Unsafe.Add(ref x0, i + 2));
                a0l = Vector256.FusedMultiplyAdd(v, wl, a0l);
                a0h = Vector256.FusedMultiplyAdd(v, wh, a0h);
                v = Vector256.Create(Unsafe.Add(ref x1, i + 2));
                a1l = Vector256.FusedMultiplyAdd(v, wl, a1l);
                a1h = Vector256.FusedMultiplyAdd(v, wh, a1h);
                v = Vector256.Create(Unsafe.Add(ref x2, i + 2));
                a2l = Vector256.FusedMultiplyAdd(v, wl, a2l);
                a2h = Vector256.FusedMultiplyAdd(v, wh, a2h);
                v = Vector256.Create(Unsafe.Add(ref x3, i + 2));
                a3l = Vector256.FusedMultiplyAdd(v, wl, a3l);
                a3h = Vector256.FusedMultiplyAdd(v, wh, a3h);
                v = Vector256.Create(Unsafe.Add(ref x4, i + 2));
                a4l = Vector256.FusedMultiplyAdd(v, wl, a4l);
                a4h = Vector256.FusedMultiplyAdd(v, wh, a4h);
                v = Vector256.Create(Unsafe.Add(ref x5, i + 2));
                a5l = Vector256.FusedMultiplyAdd(v, wl, a5l);
                a5h = Vector256.FusedMultiplyAdd(v, wh, a5h);
                wl = Vector256.LoadUnsafe(ref w3);
                wh = Vector256.LoadUnsafe(ref w3, 8);
                v = Vector256.Create(Unsafe.Add(ref x0, i + 3));
                a0l = Vector256.FusedMultiplyAdd(v, wl, a0l);
                a0h = Vector256.FusedMultiplyAdd(v, wh, a0h);
                v = Vector256.Create(Unsafe.Add(ref x1, i + 3));
                a1l = Vector256.FusedMultiplyAdd(v, wl, a1l);
                a1h = Vector256.FusedMultiplyAdd(v, wh, a1h);
                v = Vector256.Create(Unsafe.Add(ref x2, i + 3));
                a2l = Vector256.FusedMultiplyAdd(v, wl, a2l);
                a2h = Vector256.FusedMultiplyAdd(v, wh, a2h);
                v = Vector256.Create(Unsafe.Add(ref x3, i + 3));
                a3l = Vector256.FusedMultiplyAdd(v, wl, a3l);
                a3h = Vector256.FusedMultiplyAdd(v, wh, a3h);
                v = Vector256.Create(Unsafe.Add(ref x4, i + 3));
                a4l = Vector256.FusedMultiplyAdd(v, wl, a4l);
                a4h = Vector256.FusedMultiplyAdd(v, wh, a4h);
                v = Vector256.Create(Unsafe.Add(ref x5, i + 3));
                a5l = Vector256.FusedMultiplyAdd(v, wl, a5l);
                a5h = Vector256.FusedMultiplyAdd(v, wh, a5h);
                wj = ref Unsafe.Add(ref w3, ws);
            }

            for (; i < k; i++)
            {
                Vector256<float> wl = Vector256.LoadUnsafe(ref wj);
                Vector256<float> wh = Vector256.LoadUnsafe(ref wj, 8);
                Vector256<float> v = Vector256.Create(Unsafe.Add(ref x0, i));
                a0l = Vector256.FusedMultiplyAdd(v, wl, a0l);
                a0h = Vector256.FusedMultiplyAdd(v, wh, a0h);
                v = Vector256.Create(Unsafe.Add(ref x1, i));
                a1l = Vector256.FusedMultiplyAdd(v, wl, a1l);
                a1h = Vector256.FusedMultiplyAdd(v, wh, a1h);
                v = Vector256.Create(Unsafe.Add(ref x2, i));
                a2l = Vector256.FusedMultiplyAdd(v, wl, a2l);
                a2h = Vector256.FusedMultiplyAdd(v, wh, a2h);
                v = Vector256.Create(Unsafe.Add(ref x3, i));
                a3l = Vector256.FusedMultiplyAdd(v, wl, a3l);
                a3h = Vector256.FusedMultiplyAdd(v, wh, a3h);
                v = Vector256.Create(Unsafe.Add(ref x4, i));
                a4l = Vector256.FusedMultiplyAdd(v, wl, a4l);
                a4h = Vector256.FusedMultiplyAdd(v, wh, a4h);
                v = Vector256.Create(Unsafe.Add(ref x5, i));
                a5l = Vector256.FusedMultiplyAdd(v, wl, a5l);
                a5h = Vector256.FusedMultiplyAdd(v, wh, a5h);
                wj = ref Unsafe.Add(ref wj, wStep);
            }

            act.Store(ref Unsafe.Add(ref y0, j), n, a0l, a0h, a1l, a1h, a2l, a2h, a3l, a3h, a4l, a4h, a5l, a5h);
        }
    }

    /// <summary>The six-row blocks' epilogue (<see cref="Block6x16"/>, <see cref="Conv2d"/>'s): each row's sixteen sums
    /// through <paramref name="act"/> to <paramref name="y"/>, rows <paramref name="stride"/> floats apart.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Store6x16<TAct>(
        ref float y, int stride, TAct act, Vector256<float> a0l, Vector256<float> a0h, Vector256<float> a1l, Vector256<float> a1h,
        Vector256<float> a2l, Vector256<float> a2h, Vector256<float> a3l, Vector256<float> a3h, Vector256<float> a4l,
        Vector256<float> a4h, Vector256<float> a5l, Vector256<float> a5h)
        where TAct : struct, IEpilogue
    {
        act.Apply(a0l).StoreUnsafe(ref y);
        act.Apply(a0h).StoreUnsafe(ref y, 8);
        act.Apply(a1l).StoreUnsafe(ref y, (nuint)stride);
        act.Apply(a1h).StoreUnsafe(ref y, (nuint)(stride + 8));
        act.Apply(a2l).StoreUnsafe(ref y, (nuint)(2 * stride));
        act.Apply(a2h).StoreUnsafe(ref y, (nuint)((2 * stride) + 8));
        act.Apply(a3l).StoreUnsafe(ref y, (nuint)(3 * stride));
        act.Apply(a3h).StoreUnsafe(ref y, (nuint)((3 * stride) + 8));
        act.Apply(a4l).StoreUnsafe(ref y, (nuint)(4 * stride));
        act.Apply(a4h).StoreUnsafe(ref y, (nuint)((4 * stride) + 8));
        act.Apply(a5l).StoreUnsafe(ref y, (nuint)(5 * stride));
        act.Apply(a5h).StoreUnsafe(ref y, (nuint)((5 * stride) + 8));
    }

    /// <summary><see cref="Block6x16"/> for eight columns: one 256-bit accumulator per row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Block6x8(ref float x0, int k, ref float w, int n, ref float b, ref float y0, Activation act)
    {
        ref float x1 = ref Unsafe.Add(ref x0, k);
        ref float x2 = ref Unsafe.Add(ref x1, k);
        ref float x3 = ref Unsafe.Add(ref x2, k);
        ref float x4 = ref Unsafe.Add(ref x3, k);
        ref float x5 = ref Unsafe.Add(ref x4, k);
        Vector256<float> bias = Vector256.LoadUnsafe(ref b);
        Vector256<float> a0 = bias, a1 = bias, a2 = bias, a3 = bias, a4 = bias, a5 = bias;
        ref float wi = ref w;
        for (int i = 0; i < k; i++)
        {
            Vector256<float> wv = Vector256.LoadUnsafe(ref wi);
            a0 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref x0, i)), wv, a0);
            a1 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref x1, i)), wv, a1);
            a2 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref x2, i)), wv, a2);
            a3 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref x3, i)), wv, a3);
            a4 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref x4, i)), wv, a4);
            a5 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref x5, i)), wv, a5);
            wi = ref Unsafe.Add(ref wi, n);
        }

        Activate(a0, act).StoreUnsafe(ref y0);
        Activate(a1, act).StoreUnsafe(ref y0, (nuint)n);
        Activate(a2, act).StoreUnsafe(ref y0, (nuint)(2 * n));
        Activate(a3, act).StoreUnsafe(ref y0, (nuint)(3 * n));
        Activate(a4, act).StoreUnsafe(ref y0, (nuint)(4 * n));
        Activate(a5, act).StoreUnsafe(ref y0, (nuint)(5 * n));
    }

    /// <summary>Columns 0..(n &amp; ~31)-1 with eight, then four rows x 32 columns per step (sixteen or eight 512-bit
    /// accumulators), their weights from <paramref name="ps"/> when given; returns the columns done.</summary>
    private static int RunVector512(
        ReadOnlySpan<float> xs, int rows, int k, ReadOnlySpan<float> ws, ReadOnlySpan<float> ps, int n, ReadOnlySpan<float> bs,
        Span<float> ys, Activation act)
    {
        ref float x = ref MemoryMarshal.GetReference(xs);
        ref float w = ref MemoryMarshal.GetReference(ws);
        ref float b = ref MemoryMarshal.GetReference(bs);
        ref float y = ref MemoryMarshal.GetReference(ys);
        int n32 = n & ~31;
        ref float wb = ref Weights512(ws, ps, k, n, out int panelStep, out int wStep);
        int r = (UseTyped512 ? act : (Activation)(-1)) switch
        {
            Activation.None => Blocks8x32(ref x, rows, k, ref wb, panelStep, wStep, n, ref b, ref y, n32, default(ActivationStore512<NoActivation>)),
            Activation.Relu => Blocks8x32(ref x, rows, k, ref wb, panelStep, wStep, n, ref b, ref y, n32, default(ActivationStore512<ReluActivation>)),
            Activation.Leaky => Blocks8x32(ref x, rows, k, ref wb, panelStep, wStep, n, ref b, ref y, n32, default(ActivationStore512<LeakyActivation>)),
            _ => Blocks8x32(ref x, rows, k, ref wb, panelStep, wStep, n, ref b, ref y, n32, new ActivationStore512<AnyActivation>(new AnyActivation(act))),
        };

        for (; r + 4 <= rows; r += 4)
        {
            ref float x0 = ref Unsafe.Add(ref x, r * k);
            ref float x1 = ref Unsafe.Add(ref x0, k);
            ref float x2 = ref Unsafe.Add(ref x1, k);
            ref float x3 = ref Unsafe.Add(ref x2, k);
            ref float y0 = ref Unsafe.Add(ref y, r * n);
            for (int j = 0; j < n32; j += 32)
            {
                Vector512<float> bl = Vector512.LoadUnsafe(ref b, (nuint)j);
                Vector512<float> bh = Vector512.LoadUnsafe(ref b, (nuint)(j + 16));
                Vector512<float> a0l = bl, a0h = bh, a1l = bl, a1h = bh, a2l = bl, a2h = bh, a3l = bl, a3h = bh;
                ref float wj = ref Unsafe.Add(ref wb, j * panelStep);
                for (int i = 0; i < k; i++)
                {
                    Vector512<float> wl = Vector512.LoadUnsafe(ref wj);
                    Vector512<float> wh = Vector512.LoadUnsafe(ref wj, 16);
                    Vector512<float> v0 = Vector512.Create(Unsafe.Add(ref x0, i));
                    Vector512<float> v1 = Vector512.Create(Unsafe.Add(ref x1, i));
                    Vector512<float> v2 = Vector512.Create(Unsafe.Add(ref x2, i));
                    Vector512<float> v3 = Vector512.Create(Unsafe.Add(ref x3, i));
                    a0l = Vector512.FusedMultiplyAdd(v0, wl, a0l);
                    a0h = Vector512.FusedMultiplyAdd(v0, wh, a0h);
                    a1l = Vector512.FusedMultiplyAdd(v1, wl, a1l);
                    a1h = Vector512.FusedMultiplyAdd(v1, wh, a1h);
                    a2l = Vector512.FusedMultiplyAdd(v2, wl, a2l);
                    a2h = Vector512.FusedMultiplyAdd(v2, wh, a2h);
                    a3l = Vector512.FusedMultiplyAdd(v3, wl, a3l);
                    a3h = Vector512.FusedMultiplyAdd(v3, wh, a3h);
                    wj = ref Unsafe.Add(ref wj, wStep);
                }

                Activate(a0l, act).StoreUnsafe(ref y0, (nuint)j);
                Activate(a0h, act).StoreUnsafe(ref y0, (nuint)(j + 16));
                Activate(a1l, act).StoreUnsafe(ref y0, (nuint)(n + j));
                Activate(a1h, act).StoreUnsafe(ref y0, (nuint)(n + j + 16));
                Activate(a2l, act).StoreUnsafe(ref y0, (nuint)((2 * n) + j));
                Activate(a2h, act).StoreUnsafe(ref y0, (nuint)((2 * n) + j + 16));
                Activate(a3l, act).StoreUnsafe(ref y0, (nuint)((3 * n) + j));
                Activate(a3h, act).StoreUnsafe(ref y0, (nuint)((3 * n) + j + 16));
            }
        }

        for (; r < rows; r++)
        {
            ref float xr = ref Unsafe.Add(ref x, r * k);
            ref float yr = ref Unsafe.Add(ref y, r * n);
            int j = 0;

            // One row: four independent 16-column chains per step, so the FMA latency is hidden; columns j..j+31 and
            // j+32..j+63 from their panels when packed (so a layer's last odd row reads the same copy of the weights as
            // its other rows), else from the row-major weights.
            for (; j + 64 <= n32; j += 64)
            {
                Vector512<float> a0 = Vector512.LoadUnsafe(ref b, (nuint)j);
                Vector512<float> a1 = Vector512.LoadUnsafe(ref b, (nuint)(j + 16));
                Vector512<float> a2 = Vector512.LoadUnsafe(ref b, (nuint)(j + 32));
                Vector512<float> a3 = Vector512.LoadUnsafe(ref b, (nuint)(j + 48));
                ref float wj = ref Unsafe.Add(ref wb, j * panelStep);
                ref float wk = ref Unsafe.Add(ref wb, (j + 32) * panelStep);
                for (int i = 0; i < k; i++)
                {
                    Vector512<float> v = Vector512.Create(Unsafe.Add(ref xr, i));
                    a0 = Vector512.FusedMultiplyAdd(v, Vector512.LoadUnsafe(ref wj), a0);
                    a1 = Vector512.FusedMultiplyAdd(v, Vector512.LoadUnsafe(ref wj, 16), a1);
                    a2 = Vector512.FusedMultiplyAdd(v, Vector512.LoadUnsafe(ref wk), a2);
                    a3 = Vector512.FusedMultiplyAdd(v, Vector512.LoadUnsafe(ref wk, 16), a3);
                    wj = ref Unsafe.Add(ref wj, wStep);
                    wk = ref Unsafe.Add(ref wk, wStep);
                }

                Activate(a0, act).StoreUnsafe(ref yr, (nuint)j);
                Activate(a1, act).StoreUnsafe(ref yr, (nuint)(j + 16));
                Activate(a2, act).StoreUnsafe(ref yr, (nuint)(j + 32));
                Activate(a3, act).StoreUnsafe(ref yr, (nuint)(j + 48));
            }

            for (; j < n32; j += 16)
            {
                Vector512<float> a = Vector512.LoadUnsafe(ref b, (nuint)j);
                ref float wj = ref Unsafe.Add(ref wb, ((j & ~(PanelWidth - 1)) * panelStep) + (j & (PanelWidth - 1)));
                for (int i = 0; i < k; i++)
                {
                    a = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref xr, i)), Vector512.LoadUnsafe(ref wj), a);
                    wj = ref Unsafe.Add(ref wj, wStep);
                }

                Activate(a, act).StoreUnsafe(ref yr, (nuint)j);
            }
        }

        return n32;
    }

    /// <summary>Set false (tests, benchmarks) to run the 512-bit eight-row blocks' epilogue through the one kernel that
    /// tests the activation per accumulator instead of the kernel compiled for the layer's activation.</summary>
    internal static bool UseTyped512 { get; set; } = true;

    /// <summary>Set false (tests, benchmarks) to step the 512-bit eight-row blocks' k loop one step at a time instead of
    /// two.</summary>
    internal static bool UseUnrolledK512 { get; set; } = true;

    /// <summary>Rows 0..(rows &amp; ~7)-1 in <see cref="Block8x32"/>s over columns 0..<paramref name="n32"/>-1, the sums
    /// stored by <paramref name="store"/>; returns the rows done.</summary>
    private static int Blocks8x32<TStore>(
        ref float x, int rows, int k, ref float wb, int panelStep, int wStep, int n, ref float b, ref float y, int n32, TStore store)
        where TStore : struct, IStore512
    {
        int k2 = UseUnrolledK512 ? k & ~1 : 0;
        int r = 0;
        for (; r + 8 <= rows; r += 8)
        {
            Block8x32(ref Unsafe.Add(ref x, r * k), k, k2, ref wb, panelStep, wStep, n, ref b, ref Unsafe.Add(ref y, r * n), n32, store);
        }

        return r;
    }

    /// <summary>The weights the 512-bit blocks read: those of columns j..j+31 start at the returned reference + j *
    /// <paramref name="panelStep"/>, the next k-row <paramref name="wStep"/> floats on; row-major (panelStep 1, wStep n)
    /// or panels (panelStep k, wStep 32).</summary>
    private static ref float Weights512(ReadOnlySpan<float> ws, ReadOnlySpan<float> ps, int k, int n, out int panelStep, out int wStep)
    {
        bool packed = !ps.IsEmpty && PanelWidthHere == PanelWidth256;
        panelStep = packed ? k : 1;
        wStep = packed ? PanelWidth : n;
        return ref MemoryMarshal.GetReference(packed ? ps : ws);
    }

    /// <summary>
    /// Eight rows x columns 0..n32-1, 32 at a time: sixteen 512-bit accumulators (twice the four-row step's), so the
    /// FMA latency is hidden and each weight load serves eight rows; k steps 0..<paramref name="k2"/>-1 two per pass,
    /// the rest one at a time. Same summation order per output as every path.
    /// </summary>
    // Called once per eight rows, with loops too short for on-stack replacement: compiled optimised at once.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Block8x32<TStore>(
        ref float x0, int k, int k2, ref float wb, int panelStep, int wStep, int n, ref float b, ref float y0, int n32, TStore store)
        where TStore : struct, IStore512
    {
        ref float x1 = ref Unsafe.Add(ref x0, k);
        ref float x2 = ref Unsafe.Add(ref x1, k);
        ref float x3 = ref Unsafe.Add(ref x2, k);
        ref float x4 = ref Unsafe.Add(ref x3, k);
        ref float x5 = ref Unsafe.Add(ref x4, k);
        ref float x6 = ref Unsafe.Add(ref x5, k);
        ref float x7 = ref Unsafe.Add(ref x6, k);
        for (int j = 0; j < n32; j += 32)
        {
            Vector512<float> bl = Vector512.LoadUnsafe(ref b, (nuint)j);
            Vector512<float> bh = Vector512.LoadUnsafe(ref b, (nuint)(j + 16));
            Vector512<float> a0l = bl, a0h = bh, a1l = bl, a1h = bh, a2l = bl, a2h = bh, a3l = bl, a3h = bh;
            Vector512<float> a4l = bl, a4h = bh, a5l = bl, a5h = bh, a6l = bl, a6h = bh, a7l = bl, a7h = bh;
            ref float wj = ref Unsafe.Add(ref wb, j * panelStep);
            int i = 0;
            for (; i < k2; i += 2)
            {
                ref float w1 = ref Unsafe.Add(ref wj, wStep);
                Vector512<float> wl = Vector512.LoadUnsafe(ref wj);
                Vector512<float> wh = Vector512.LoadUnsafe(ref wj, 16);
                Vector512<float> v = Vector512.Create(Unsafe.Add(ref x0, i));
                a0l = Vector512.FusedMultiplyAdd(v, wl, a0l);
                a0h = Vector512.FusedMultiplyAdd(v, wh, a0h);
                v = Vector512.Create(Unsafe.Add(ref x1, i));
                a1l = Vector512.FusedMultiplyAdd(v, wl, a1l);
                a1h = Vector512.FusedMultiplyAdd(v, wh, a1h);
                v = Vector512.Create(Unsafe.Add(ref x2, i));
                a2l = Vector512.FusedMultiplyAdd(v, wl, a2l);
                a2h = Vector512.FusedMultiplyAdd(v, wh, a2h);
                v = Vector512.Create(Unsafe.Add(ref x3, i));
                a3l = Vector512.FusedMultiplyAdd(v, wl, a3l);
                a3h = Vector512.FusedMultiplyAdd(v, wh, a3h);
                v = Vector512.Create(Unsafe.Add(ref x4, i));
                a4l = Vector512.FusedMultiplyAdd(v, wl, a4l);
                a4h = Vector512.FusedMultiplyAdd(v, wh, a4h);
                v = Vector512.Create(Unsafe.Add(ref x5, i));
                a5l = Vector512.FusedMultiplyAdd(v, wl, a5l);
                a5h = Vector512.FusedMultiplyAdd(v, wh, a5h);
                v = Vector512.Create(Unsafe.Add(ref x6, i));
                a6l = Vector512.FusedMultiplyAdd(v, wl, a6l);
                a6h = Vector512.FusedMultiplyAdd(v, wh, a6h);
                v = Vector512.Create(Unsafe.Add(ref x7, i));
                a7l = Vector512.FusedMultiplyAdd(v, wl, a7l);
                a7h = Vector512.FusedMultiplyAdd(v, wh, a7h);
                wl = Vector512.LoadUnsafe(ref w1);
                wh = Vector512.LoadUnsafe(ref w1, 16);
                v = Vector512.Create(Unsafe.Add(ref x0, i + 1));
                a0l = Vector512.FusedMultiplyAdd(v, wl, a0l);
                a0h = Vector512.FusedMultiplyAdd(v, wh, a0h);
                v = Vector512.Create(Unsafe.Add(ref x1, i + 1));
                a1l = Vector512.FusedMultiplyAdd(v, wl, a1l);
                a1h = Vector512.FusedMultiplyAdd(v, wh, a1h);
                v = Vector512.Create(Unsafe.Add(ref x2, i + 1));
                a2l = Vector512.FusedMultiplyAdd(v, wl, a2l);
                a2h = Vector512.FusedMultiplyAdd(v, wh, a2h);
                v = Vector512.Create(Unsafe.Add(ref x3, i + 1));
                a3l = Vector512.FusedMultiplyAdd(v, wl, a3l);
                a3h = Vector512.FusedMultiplyAdd(v, wh, a3h);
                v = Vector512.Create(Unsafe.Add(ref x4, i + 1));
                a4l = Vector512.FusedMultiplyAdd(v, wl, a4l);
                a4h = Vector512.FusedMultiplyAdd(v, wh, a4h);
                v = Vector512.Create(Unsafe.Add(ref x5, i + 1));
                a5l = Vector512.FusedMultiplyAdd(v, wl, a5l);
                a5h = Vector512.FusedMultiplyAdd(v, wh, a5h);
                v = Vector512.Create(Unsafe.Add(ref x6, i + 1));
                a6l = Vector512.FusedMultiplyAdd(v, wl, a6l);
                a6h = Vector512.FusedMultiplyAdd(v, wh, a6h);
                v = Vector512.Create(Unsafe.Add(ref x7, i + 1));
                a7l = Vector512.FusedMultiplyAdd(v, wl, a7l);
                a7h = Vector512.FusedMultiplyAdd(v, wh, a7h);
                wj = ref Unsafe.Add(ref w1, wStep);
            }

            for (; i < k; i++)
            {
                Vector512<float> wl = Vector512.LoadUnsafe(ref wj);
                Vector512<float> wh = Vector512.LoadUnsafe(ref wj, 16);
                Vector512<float> v = Vector512.Create(Unsafe.Add(ref x0, i));
                a0l = Vector512.FusedMultiplyAdd(v, wl, a0l);
                a0h = Vector512.FusedMultiplyAdd(v, wh, a0h);
                v = Vector512.Create(Unsafe.Add(ref x1, i));
                a1l = Vector512.FusedMultiplyAdd(v, wl, a1l);
                a1h = Vector512.FusedMultiplyAdd(v, wh, a1h);
                v = Vector512.Create(Unsafe.Add(ref x2, i));
                a2l = Vector512.FusedMultiplyAdd(v, wl, a2l);
                a2h = Vector512.FusedMultiplyAdd(v, wh, a2h);
                v = Vector512.Create(Unsafe.Add(ref x3, i));
                a3l = Vector512.FusedMultiplyAdd(v, wl, a3l);
                a3h = Vector512.FusedMultiplyAdd(v, wh, a3h);
                v = Vector512.Create(Unsafe.Add(ref x4, i));
                a4l = Vector512.FusedMultiplyAdd(v, wl, a4l);
                a4h = Vector512.FusedMultiplyAdd(v, wh, a4h);
                v = Vector512.Create(Unsafe.Add(ref x5, i));
                a5l = Vector512.FusedMultiplyAdd(v, wl, a5l);
                a5h = Vector512.FusedMultiplyAdd(v, wh, a5h);
                v = Vector512.Create(Unsafe.Add(ref x6, i));
                a6l = Vector512.FusedMultiplyAdd(v, wl, a6l);
                a6h = Vector512.FusedMultiplyAdd(v, wh, a6h);
                v = Vector512.Create(Unsafe.Add(ref x7, i));
                a7l = Vector512.FusedMultiplyAdd(v, wl, a7l);
                a7h = Vector512.FusedMultiplyAdd(v, wh, a7h);
                wj = ref Unsafe.Add(ref wj, wStep);
            }

            ref float yj = ref Unsafe.Add(ref y0, j);
            store.Store(ref yj, a0l);
            store.Store(ref Unsafe.Add(ref yj, 16), a0h);
            store.Store(ref Unsafe.Add(ref yj, n), a1l);
            store.Store(ref Unsafe.Add(ref yj, n + 16), a1h);
            store.Store(ref Unsafe.Add(ref yj, 2 * n), a2l);
            store.Store(ref Unsafe.Add(ref yj, (2 * n) + 16), a2h);
            store.Store(ref Unsafe.Add(ref yj, 3 * n), a3l);
            store.Store(ref Unsafe.Add(ref yj, (3 * n) + 16), a3h);
            store.Store(ref Unsafe.Add(ref yj, 4 * n), a4l);
            store.Store(ref Unsafe.Add(ref yj, (4 * n) + 16), a4h);
            store.Store(ref Unsafe.Add(ref yj, 5 * n), a5l);
            store.Store(ref Unsafe.Add(ref yj, (5 * n) + 16), a5h);
            store.Store(ref Unsafe.Add(ref yj, 6 * n), a6l);
            store.Store(ref Unsafe.Add(ref yj, (6 * n) + 16), a6h);
            store.Store(ref Unsafe.Add(ref yj, 7 * n), a7l);
            store.Store(ref Unsafe.Add(ref yj, (7 * n) + 16), a7h);
        }
    }

    /// <summary>
    /// Columns <paramref name="from"/>..n-1 of a layer narrower than 32 columns or of the columns after the 512-bit
    /// panels (the segmentation net's 24-, 72- and 88-column layers): with <see cref="UseNarrowColumns"/>, eight rows at a
    /// time, sixteen columns in one 512-bit accumulator per row, then eight in one 256-bit accumulator per row (eight
    /// independent FMA chains instead of the four-row step's four), the rest as <see cref="RunVector256"/> does them. Same
    /// summation order per output as every path.
    /// </summary>
    private static void Columns(
        ReadOnlySpan<float> x, int rows, int k, ReadOnlySpan<float> w, int n, ReadOnlySpan<float> bias, Span<float> y, Activation act, int from)
    {
        int r = 0;
        if (UseNarrowColumns)
        {
            ref float xr = ref MemoryMarshal.GetReference(x);
            ref float wr = ref MemoryMarshal.GetReference(w);
            ref float br = ref MemoryMarshal.GetReference(bias);
            ref float yr = ref MemoryMarshal.GetReference(y);
            for (; r + 8 <= rows; r += 8)
            {
                ref float x0 = ref Unsafe.Add(ref xr, r * k);
                ref float y0 = ref Unsafe.Add(ref yr, r * n);
                int j = from;
                for (; j + 16 <= n; j += 16)
                {
                    Block8x16(ref x0, k, ref Unsafe.Add(ref wr, j), n, ref Unsafe.Add(ref br, j), ref Unsafe.Add(ref y0, j), n, act);
                }

                for (; j + 8 <= n; j += 8)
                {
                    Block8x8(ref x0, k, ref Unsafe.Add(ref wr, j), n, ref Unsafe.Add(ref br, j), ref Unsafe.Add(ref y0, j), n, act);
                }

                if (j < n)
                {
                    ScalarColumns(x.Slice(r * k, 8 * k), 8, k, w, n, bias, y.Slice(r * n, 8 * n), act, j);
                }
            }
        }

        if (r < rows)
        {
            RunVector256(x[(r * k)..], rows - r, k, w, n, bias, y[(r * n)..], act, from);
        }
    }

    /// <summary>Set false (tests, benchmarks) to run the columns after the 512-bit panels, and layers of 8-31 columns, in
    /// the 256-bit four-row steps.</summary>
    internal static bool UseNarrowColumns { get; set; } = true;

    /// <summary><see cref="Block8x16"/> for eight columns: one 256-bit accumulator per row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Block8x8(ref float x0, int k, ref float w, int wStride, ref float b, ref float y0, int yStride, Activation act)
    {
        ref float x1 = ref Unsafe.Add(ref x0, k);
        ref float x2 = ref Unsafe.Add(ref x1, k);
        ref float x3 = ref Unsafe.Add(ref x2, k);
        ref float x4 = ref Unsafe.Add(ref x3, k);
        ref float x5 = ref Unsafe.Add(ref x4, k);
        ref float x6 = ref Unsafe.Add(ref x5, k);
        ref float x7 = ref Unsafe.Add(ref x6, k);
        Vector256<float> bias = Vector256.LoadUnsafe(ref b);
        Vector256<float> a0 = bias, a1 = bias, a2 = bias, a3 = bias, a4 = bias, a5 = bias, a6 = bias, a7 = bias;
        ref float wi = ref w;
        for (int i = 0; i < k; i++)
        {
            Vector256<float> wv = Vector256.LoadUnsafe(ref wi);
            a0 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref x0, i)), wv, a0);
            a1 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref x1, i)), wv, a1);
            a2 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref x2, i)), wv, a2);
            a3 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref x3, i)), wv, a3);
            a4 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref x4, i)), wv, a4);
            a5 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref x5, i)), wv, a5);
            a6 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref x6, i)), wv, a6);
            a7 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref x7, i)), wv, a7);
            wi = ref Unsafe.Add(ref wi, wStride);
        }

        Activate(a0, act).StoreUnsafe(ref y0);
        Activate(a1, act).StoreUnsafe(ref y0, (nuint)yStride);
        Activate(a2, act).StoreUnsafe(ref y0, (nuint)(2 * yStride));
        Activate(a3, act).StoreUnsafe(ref y0, (nuint)(3 * yStride));
        Activate(a4, act).StoreUnsafe(ref y0, (nuint)(4 * yStride));
        Activate(a5, act).StoreUnsafe(ref y0, (nuint)(5 * yStride));
        Activate(a6, act).StoreUnsafe(ref y0, (nuint)(6 * yStride));
        Activate(a7, act).StoreUnsafe(ref y0, (nuint)(7 * yStride));
    }

    /// <summary>
    /// Eight rows x sixteen columns (the segmentation net's 16-channel 1x1 layers; weight rows <paramref name="wStride"/>
    /// floats apart, output rows <paramref name="yStride"/>): one 512-bit accumulator per row, one weight load per eight
    /// FMAs (the 256-bit step needs two per eight). Same summation order per output as every path.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Block8x16(ref float x0, int k, ref float w, int wStride, ref float b, ref float y0, int yStride, Activation act)
    {
        ref float x1 = ref Unsafe.Add(ref x0, k);
        ref float x2 = ref Unsafe.Add(ref x1, k);
        ref float x3 = ref Unsafe.Add(ref x2, k);
        ref float x4 = ref Unsafe.Add(ref x3, k);
        ref float x5 = ref Unsafe.Add(ref x4, k);
        ref float x6 = ref Unsafe.Add(ref x5, k);
        ref float x7 = ref Unsafe.Add(ref x6, k);
        Vector512<float> bias = Vector512.LoadUnsafe(ref b);
        Vector512<float> a0 = bias, a1 = bias, a2 = bias, a3 = bias, a4 = bias, a5 = bias, a6 = bias, a7 = bias;
        ref float wi = ref w;
        for (int i = 0; i < k; i++)
        {
            Vector512<float> wv = Vector512.LoadUnsafe(ref wi);
            a0 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref x0, i)), wv, a0);
            a1 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref x1, i)), wv, a1);
            a2 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref x2, i)), wv, a2);
            a3 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref x3, i)), wv, a3);
            a4 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref x4, i)), wv, a4);
            a5 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref x5, i)), wv, a5);
            a6 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref x6, i)), wv, a6);
            a7 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref x7, i)), wv, a7);
            wi = ref Unsafe.Add(ref wi, wStride);
        }

        Activate(a0, act).StoreUnsafe(ref y0);
        Activate(a1, act).StoreUnsafe(ref y0, (nuint)yStride);
        Activate(a2, act).StoreUnsafe(ref y0, (nuint)(2 * yStride));
        Activate(a3, act).StoreUnsafe(ref y0, (nuint)(3 * yStride));
        Activate(a4, act).StoreUnsafe(ref y0, (nuint)(4 * yStride));
        Activate(a5, act).StoreUnsafe(ref y0, (nuint)(5 * yStride));
        Activate(a6, act).StoreUnsafe(ref y0, (nuint)(6 * yStride));
        Activate(a7, act).StoreUnsafe(ref y0, (nuint)(7 * yStride));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<float> Activate(Vector512<float> v, Activation act)
    {
        if (act == Activation.Relu)
        {
            return Vector512.Max(v, Vector512<float>.Zero);
        }

        if (act == Activation.Leaky)
        {
            Vector512<float> m = v * Vector512.Create(0.1f);
            return Vector512.Max(v - m, Vector512<float>.Zero) + m;
        }

        return v;
    }

    /// <summary>Columns <paramref name="from"/>..n-1 of a few rows (the tail the vectors do not cover), each output one FMA
    /// chain in k order from its bias like every vector path.</summary>
    private static void ScalarColumns(
        ReadOnlySpan<float> x, int rows, int k, ReadOnlySpan<float> w, int n, ReadOnlySpan<float> bias, Span<float> y, Activation act, int from)
    {
        int r = 0;
        for (; r + 4 <= rows; r += 4)
        {
            // Four rows' chains side by side: independent FMAs instead of one chain of k dependent ones waiting on the
            // FMA latency (the detector's last layer has 25 columns, so one column of k = 512 per row went this way).
            for (int j = from; j < n; j++)
            {
                float a0 = bias[j], a1 = a0, a2 = a0, a3 = a0;
                for (int i = 0; i < k; i++)
                {
                    float wv = w[(i * n) + j];
                    a0 = MathF.FusedMultiplyAdd(x[(r * k) + i], wv, a0);
                    a1 = MathF.FusedMultiplyAdd(x[((r + 1) * k) + i], wv, a1);
                    a2 = MathF.FusedMultiplyAdd(x[((r + 2) * k) + i], wv, a2);
                    a3 = MathF.FusedMultiplyAdd(x[((r + 3) * k) + i], wv, a3);
                }

                y[(r * n) + j] = Activate(a0, act);
                y[((r + 1) * n) + j] = Activate(a1, act);
                y[((r + 2) * n) + j] = Activate(a2, act);
                y[((r + 3) * n) + j] = Activate(a3, act);
            }
        }

        for (; r < rows; r++)
        {
            for (int j = from; j < n; j++)
            {
                float acc = bias[j];
                for (int i = 0; i < k; i++)
                {
                    acc = MathF.FusedMultiplyAdd(x[(r * k) + i], w[(i * n) + j], acc);
                }

                y[(r * n) + j] = Activate(acc, act);
            }
        }
    }
}
