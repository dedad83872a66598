namespace SocialCard.Photos.Analysis;

/// <summary>Separable 2-D Hann window, tabled per size.</summary>
public static class Window
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, float[]> s_tables = new();

    public static void ApplyHann(Span<float> grid, int n)
    {
        float[] w = s_tables.GetOrAdd(n, static size =>
        {
            var table = new float[size];
            for (int i = 0; i < size; i++)
            {
                table[i] = (float)(0.5 - (0.5 * Math.Cos(2 * Math.PI * i / (size - 1))));
            }

            return table;
        });

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
}
