using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SocialCard.Photos.Analysis;

/// <summary>Separable 2-D Hann window, tabled per size.</summary>
public static class Window
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, float[]> s_tables = new();

    public static void ApplyHann(Span<float> grid, int n)
    {
        float[] w = Table(n);
        for (int y = 0; y < n; y++)
        {
            float wy = w[y];
            Span<float> row = grid.Slice(y * n, n);
            for (int x = 0; x < n; x++)
            {
                row[x] *= wy * w[x];
            }
        }
    }

    /// <summary>
    /// grid := (grid - <paramref name="offset"/>) * (w[y] * w[x]) element-wise: the mean removal and
    /// <see cref="ApplyHann"/> in one pass (Vector256, scalar tail), with the same float operations in the same order.
    /// </summary>
    internal static void SubtractAndApplyHann(Span<float> grid, int n, float offset)
    {
        if (grid.Length < n * n)
        {
            throw new ArgumentException("Grid shorter than n x n.", nameof(grid));
        }

        float[] w = Table(n);
        ref float w0 = ref MemoryMarshal.GetArrayDataReference(w);
        var vOffset = Vector256.Create(offset);
        for (int y = 0; y < n; y++)
        {
            float wy = w[y];
            Span<float> row = grid.Slice(y * n, n);
            ref float r0 = ref MemoryMarshal.GetReference(row);
            int x = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                var vwy = Vector256.Create(wy);
                for (; x <= n - Vector256<float>.Count; x += Vector256<float>.Count)
                {
                    Vector256<float> v = Vector256.LoadUnsafe(ref r0, (nuint)x) - vOffset;
                    (v * (vwy * Vector256.LoadUnsafe(ref w0, (nuint)x))).StoreUnsafe(ref r0, (nuint)x);
                }
            }

            for (; x < n; x++)
            {
                row[x] = (row[x] - offset) * (wy * w[x]);
            }
        }
    }

    private static float[] Table(int n) => s_tables.GetOrAdd(n, static size =>
    {
        var table = new float[size];
        for (int i = 0; i < size; i++)
        {
            table[i] = (float)(0.5 - (0.5 * Math.Cos(2 * Math.PI * i / (size - 1))));
        }

        return table;
    });
}
