namespace SocialCard.Platform.Registry;

/// <summary>A header-addressed table read from a file. Header names are matched case-insensitively against each
/// column's aliases (Chinese and English).</summary>
public sealed class RegistryTable(IReadOnlyList<string> headers, IReadOnlyList<string[]> rows)
{
    public IReadOnlyList<string> Headers { get; } = headers;

    public IReadOnlyList<string[]> Rows { get; } = rows;

    /// <summary>Index of the first header matching any alias, or -1.</summary>
    public int Column(params string[] aliases)
    {
        for (var i = 0; i < Headers.Count; i++)
        {
            var h = Headers[i].Trim();
            foreach (var a in aliases)
            {
                if (string.Equals(h, a, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }
        }

        return -1;
    }

    public static string? Cell(string[] row, int column)
    {
        if (column < 0 || column >= row.Length)
        {
            return null;
        }

        var v = row[column].Trim();
        return v.Length == 0 ? null : v;
    }
}
