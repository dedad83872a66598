using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SocialCard.Faces;

/// <summary>
/// The segmentation network's person probability (0..1) on its <see cref="Size"/> x <see cref="Size"/> grid, which
/// covers the photo zero-padded to a centred square of side <see cref="Side"/> image pixels
/// (<see cref="PadLeft"/>/<see cref="PadTop"/> of them before the photo).
/// </summary>
public sealed class PersonMask
{
    private float[] _probability;

    /// <summary>The segmenter that made the mask and takes its array back (<see cref="SelfieSegmenter.Recycle"/>), or null.</summary>
    private SelfieSegmenter? _owner;

    /// <summary>Grid cells per image pixel, <c>Size / Side</c> (divided once: <see cref="Cell"/> runs per pixel).</summary>
    private readonly double _scale;

    internal PersonMask(float[] probability, int size, int imageWidth, int imageHeight, SelfieSegmenter? owner = null)
    {
        _probability = probability;
        _owner = owner;
        Size = size;
        ImageWidth = imageWidth;
        ImageHeight = imageHeight;
        Side = Math.Max(imageWidth, imageHeight);
        _scale = (double)size / Side;
        int diff = Math.Abs(imageHeight - imageWidth);
        int after = (int)Math.Floor((diff * 0.5) + 0.5);
        PadLeft = imageWidth < imageHeight ? diff - after : 0;
        PadTop = imageHeight < imageWidth ? diff - after : 0;
    }

    /// <summary>
    /// A mask from a probability grid made elsewhere (a matte drawn for a test, a saved one): <paramref name="probability"/>
    /// is copied, row-major <paramref name="size"/> x <paramref name="size"/>, laid over the photo as the network's is.
    /// </summary>
    public static PersonMask FromGrid(ReadOnlySpan<float> probability, int size, int imageWidth, int imageHeight)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 2);
        ArgumentOutOfRangeException.ThrowIfNotEqual(probability.Length, size * size, nameof(probability));
        ArgumentOutOfRangeException.ThrowIfLessThan(imageWidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(imageHeight, 1);
        return new PersonMask(probability.ToArray(), size, imageWidth, imageHeight);
    }

    /// <summary>Hands the array back to <paramref name="segmenter"/> when it made this mask; the mask is empty afterwards.</summary>
    internal void Release(SelfieSegmenter segmenter)
    {
        if (_owner != segmenter)
        {
            return;
        }

        float[] probability = _probability;
        _probability = [];
        _owner = null;
        segmenter.Return(this, probability);
    }

    /// <summary>Row-major, <see cref="Size"/> x <see cref="Size"/>.</summary>
    public ReadOnlySpan<float> Probability => _probability;

    public int Size { get; }

    public int ImageWidth { get; }

    public int ImageHeight { get; }

    public int Side { get; }

    public int PadLeft { get; }

    public int PadTop { get; }

    /// <summary>Grid cells per image pixel, <c>Size / Side</c>.</summary>
    internal double Scale => _scale;

    /// <summary>
    /// The probability at image point (<paramref name="x"/>, <paramref name="y"/>) (pixel centres at +0.5), bilinear
    /// between grid cell centres, edges clamped.
    /// </summary>
    public float At(double x, double y) => Column(x).At(y);

    /// <summary><see cref="At"/> down the image column at <paramref name="x"/>, its grid cells found once.</summary>
    public PersonMaskLine Column(double x)
    {
        (int x0, int x1, double fx) = Cell(x, PadLeft);
        return new PersonMaskLine(this, x0, x1, fx, alongRow: false);
    }

    /// <summary><see cref="At"/> along the image row at <paramref name="y"/>, its grid cells found once.</summary>
    public PersonMaskLine Row(double y)
    {
        (int y0, int y1, double fy) = Cell(y, PadTop);
        return new PersonMaskLine(this, y0, y1, fy, alongRow: true);
    }

    /// <summary>Bilinear between the four grid cells: along x first, then y.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal float Bilinear(int x0, int x1, double fx, int y0, int y1, double fy)
    {
        return Blend(AlongRow(y0, x0, x1, fx), AlongRow(y1, x0, x1, fx), fy);
    }

    /// <summary>
    /// <see cref="At"/> at every pixel of the first <c>into.Length / ImageWidth</c> image rows, row-major, the same
    /// values bit for bit: each grid row is interpolated along x once and shared by the image rows between it and the next.
    /// </summary>
    public void Sample(Span<float> into) => Sample(into, reference: false);

    /// <summary><see cref="Sample(Span{float})"/>; with <paramref name="reference"/> each grid row is interpolated by the
    /// scalar reference instead of the vector path (the same values; for tests and benchmarks).</summary>
    internal void Sample(Span<float> into, bool reference)
    {
        int w = ImageWidth, rows = into.Length / w;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rows, ImageHeight, nameof(into));
        var x0 = new int[w];
        var fx = new double[w];
        for (int x = 0; x < w; x++)
        {
            (x0[x], _, fx[x]) = Cell(x, PadLeft);
        }

        var upper = new double[w];
        var lower = new double[w];
        var left = new float[Size + Vector256<float>.Count];
        var step = new float[Size + Vector256<float>.Count];
        int upperRow = -1, lowerRow = -1;
        for (int y = 0; y < rows; y++)
        {
            (int y0, int y1, double fy) = Cell(y, PadTop);
            if (upperRow != y0)
            {
                Interpolate(y0, x0, fx, left, step, upper, lower, lowerRow, reference);
                upperRow = y0;
            }

            if (lowerRow != y1)
            {
                Interpolate(y1, x0, fx, left, step, lower, upper, upperRow, reference);
                lowerRow = y1;
            }

            Span<float> row = into.Slice(y * w, w);
            int x = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                // The same double operations (no fused multiply-add) and the same rounding to float, eight at a time.
                ref double u = ref MemoryMarshal.GetArrayDataReference(upper), l = ref MemoryMarshal.GetArrayDataReference(lower);
                ref float r = ref MemoryMarshal.GetReference(row);
                Vector256<double> f = Vector256.Create(fy);
                for (; x + 8 <= w; x += 8)
                {
                    Vector256<double> t0 = Vector256.LoadUnsafe(ref u, (nuint)x), t1 = Vector256.LoadUnsafe(ref u, (nuint)(x + 4));
                    Vector256<double> v0 = t0 + ((Vector256.LoadUnsafe(ref l, (nuint)x) - t0) * f);
                    Vector256<double> v1 = t1 + ((Vector256.LoadUnsafe(ref l, (nuint)(x + 4)) - t1) * f);
                    Vector256.Narrow(v0, v1).StoreUnsafe(ref r, (nuint)x);
                }
            }

            for (; x < w; x++)
            {
                double top = upper[x];
                row[x] = (float)(top + ((lower[x] - top) * fy));
            }
        }
    }

    /// <summary>Grid row <paramref name="gridRow"/> interpolated along x into <paramref name="line"/> (copied from the
    /// other line when that one already holds it).</summary>
    private void Interpolate(int gridRow, int[] x0, double[] fx, float[] left, float[] step, double[] line, double[] other, int otherRow, bool reference)
    {
        if (otherRow == gridRow)
        {
            other.AsSpan().CopyTo(line);
            return;
        }

        ReadOnlySpan<float> cells = _probability.AsSpan(gridRow * Size, Size);
        if (reference)
        {
            InterpolateRowReference(cells, x0, fx, line);
        }
        else
        {
            InterpolateRow(cells, x0, fx, left, step, line);
        }
    }

    /// <summary>
    /// <see cref="InterpolateRowReference"/> by tables: each grid cell's value and its step to the next (the float
    /// difference, as the reference takes it), then per pixel value + step * weight in double. Eight pixels at a time
    /// whose cells lie within eight of the first's (always when the photo is upsampled, the usual case) take their
    /// values and steps from the tables by one permute each and widen them; the same double operations (no fused
    /// multiply-add), so the same bits. <paramref name="left"/> and <paramref name="step"/> are scratch of the row's
    /// length plus eight.
    /// </summary>
    internal static void InterpolateRow(ReadOnlySpan<float> cells, ReadOnlySpan<int> x0, ReadOnlySpan<double> fx, Span<float> left, Span<float> step, Span<double> line)
    {
        int n = cells.Length, w = line.Length, lanes = Vector256<float>.Count;
        ArgumentOutOfRangeException.ThrowIfLessThan(left.Length, n + lanes, nameof(left));
        ArgumentOutOfRangeException.ThrowIfLessThan(step.Length, n + lanes, nameof(step));
        ArgumentOutOfRangeException.ThrowIfLessThan(x0.Length, w, nameof(x0));
        ArgumentOutOfRangeException.ThrowIfLessThan(fx.Length, w, nameof(fx));
        cells.CopyTo(left);
        int c = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref float p = ref MemoryMarshal.GetReference(cells);
            ref float sr = ref MemoryMarshal.GetReference(step);
            for (; c + lanes + 1 <= n; c += lanes)
            {
                (Vector256.LoadUnsafe(ref p, (nuint)(c + 1)) - Vector256.LoadUnsafe(ref p, (nuint)c)).StoreUnsafe(ref sr, (nuint)c);
            }
        }

        for (; c < n; c++)
        {
            step[c] = cells[Math.Min(c + 1, n - 1)] - cells[c];
        }

        int x = 0;
        if (Avx2.IsSupported)
        {
            ref int xr = ref MemoryMarshal.GetReference(x0);
            ref float lr = ref MemoryMarshal.GetReference(left), sr = ref MemoryMarshal.GetReference(step);
            ref double fr = ref MemoryMarshal.GetReference(fx), o = ref MemoryMarshal.GetReference(line);
            Vector256<uint> width = Vector256.Create((uint)lanes);
            for (; x + lanes <= w; x += lanes)
            {
                int first = x0[x];
                Vector256<int> index = Vector256.LoadUnsafe(ref xr, (nuint)x) - Vector256.Create(first);
                if ((uint)first >= (uint)n || !Vector256.LessThanAll(index.AsUInt32(), width))
                {
                    for (int i = x; i < x + lanes; i++)
                    {
                        int k = x0[i];
                        line[i] = left[k] + (step[k] * fx[i]);
                    }

                    continue;
                }

                (Vector256<double> l0, Vector256<double> l1) = Vector256.Widen(Avx2.PermuteVar8x32(Vector256.LoadUnsafe(ref lr, (nuint)first), index));
                (Vector256<double> s0, Vector256<double> s1) = Vector256.Widen(Avx2.PermuteVar8x32(Vector256.LoadUnsafe(ref sr, (nuint)first), index));
                (l0 + (s0 * Vector256.LoadUnsafe(ref fr, (nuint)x))).StoreUnsafe(ref o, (nuint)x);
                (l1 + (s1 * Vector256.LoadUnsafe(ref fr, (nuint)(x + 4)))).StoreUnsafe(ref o, (nuint)(x + 4));
            }
        }

        for (; x < w; x++)
        {
            int k = x0[x];
            line[x] = left[k] + (step[k] * fx[x]);
        }
    }

    /// <summary>The scalar reference: <see cref="At"/>'s interpolation along x of one grid row at every pixel column.</summary>
    internal static void InterpolateRowReference(ReadOnlySpan<float> cells, ReadOnlySpan<int> x0, ReadOnlySpan<double> fx, Span<double> line)
    {
        int n = cells.Length;
        for (int x = 0; x < line.Length; x++)
        {
            int k = x0[x];
            line[x] = cells[k] + ((cells[Math.Min(k + 1, n - 1)] - cells[k]) * fx[x]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Lerp(float[] p, int rowStart, int x0, int x1, double fx) =>
        p[rowStart + x0] + ((p[rowStart + x1] - p[rowStart + x0]) * fx);

    /// <summary>The probability between two grid rows' values, <paramref name="fy"/> of the way to the second.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static float Blend(double top, double bot, double fy) => (float)(top + ((bot - top) * fy));

    /// <summary>Grid row <paramref name="gridRow"/> interpolated along x between cells <paramref name="x0"/> and
    /// <paramref name="x1"/>: the value <see cref="Bilinear"/> takes for that row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal double AlongRow(int gridRow, int x0, int x1, double fx) => Lerp(_probability, gridRow * Size, x0, x1, fx);

    /// <summary>The two grid cells around image coordinate <paramref name="v"/> and the weight of the second.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal (int Low, int High, double Weight) Cell(double v, int pad)
    {
        double g = Math.Clamp(((v + pad) * _scale) - 0.5, 0, Size - 1);
        int low = (int)g;
        return (low, Math.Min(low + 1, Size - 1), g - low);
    }
}
