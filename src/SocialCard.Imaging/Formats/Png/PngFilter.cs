namespace SocialCard.Imaging.Formats.Png;

/// <summary>Reverses the five PNG scanline filters in place.</summary>
internal static class PngFilter
{
    public const int None = 0;
    public const int Sub = 1;
    public const int Up = 2;
    public const int Average = 3;
    public const int Paeth = 4;

    /// <param name="type">Filter type byte of the row.</param>
    /// <param name="row">Filtered bytes of the row (without the type byte); reconstructed in place.</param>
    /// <param name="previous">The reconstructed previous row, all zeros for the first row of a pass.</param>
    /// <param name="bpp">Bytes per complete pixel, at least 1.</param>
    /// <returns>False for an unknown filter type (the row is left as it is).</returns>
    public static bool Unfilter(int type, Span<byte> row, ReadOnlySpan<byte> previous, int bpp)
    {
        switch (type)
        {
            case None:
                return true;
            case Sub:
                for (int i = bpp; i < row.Length; i++)
                {
                    row[i] += row[i - bpp];
                }

                return true;
            case Up:
                for (int i = 0; i < row.Length; i++)
                {
                    row[i] += previous[i];
                }

                return true;
            case Average:
                for (int i = 0; i < bpp && i < row.Length; i++)
                {
                    row[i] += (byte)(previous[i] >> 1);
                }

                for (int i = bpp; i < row.Length; i++)
                {
                    row[i] += (byte)((row[i - bpp] + previous[i]) >> 1);
                }

                return true;
            case Paeth:
                for (int i = 0; i < bpp && i < row.Length; i++)
                {
                    row[i] += previous[i]; // left and upper-left are zero: predictor is "up"
                }

                for (int i = bpp; i < row.Length; i++)
                {
                    row[i] += PaethPredictor(row[i - bpp], previous[i], previous[i - bpp]);
                }

                return true;
            default:
                return false;
        }
    }

    internal static byte PaethPredictor(byte a, byte b, byte c)
    {
        int p = a + b - c;
        int pa = Math.Abs(p - a);
        int pb = Math.Abs(p - b);
        int pc = Math.Abs(p - c);
        if (pa <= pb && pa <= pc)
        {
            return a;
        }

        return pb <= pc ? b : c;
    }
}
