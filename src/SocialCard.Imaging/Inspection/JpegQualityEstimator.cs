namespace SocialCard.Imaging.Inspection;

/// <summary>
/// Estimates the libjpeg/IJG quality setting (1-100) a JPEG was written with, from its luminance quantisation table:
/// the IJG encoder scales the Annex K table by a factor derived from the quality, so the quality whose scaled table is
/// closest to the file's table is the estimate. Exact for files written by libjpeg, libjpeg-turbo, TurboJPEG and
/// most tools built on them; for encoders with their own tables (some phones, Photoshop) it is the nearest IJG
/// equivalent.
/// </summary>
internal static class JpegQualityEstimator
{
    /// <summary>ITU-T T.81 Annex K.1 luminance table, natural (row-major) order.</summary>
    private static readonly ushort[] StandardLuminance =
    [
        16, 11, 10, 16, 24, 40, 51, 61,
        12, 12, 14, 19, 26, 58, 60, 55,
        14, 13, 16, 24, 40, 57, 69, 56,
        14, 17, 22, 29, 51, 87, 80, 62,
        18, 22, 37, 56, 68, 109, 103, 77,
        24, 35, 55, 64, 81, 104, 113, 92,
        49, 64, 78, 87, 103, 121, 120, 101,
        72, 92, 95, 98, 112, 100, 103, 99,
    ];

    /// <summary>Zig-zag position i holds natural index ZigZag[i].</summary>
    private static readonly byte[] ZigZag =
    [
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5,
        12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
        35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51,
        58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
    ];

    /// <summary>Finds quantisation table 0 in a DQT payload (zig-zag order as stored) and returns it in natural order.</summary>
    public static bool TryReadLuminanceTable(ReadOnlySpan<byte> dqt, Span<ushort> natural)
    {
        int pos = 0;
        while (pos < dqt.Length)
        {
            int precision = dqt[pos] >> 4;
            int id = dqt[pos] & 0x0F;
            int size = precision == 0 ? 64 : 128;
            if (precision > 1 || pos + 1 + size > dqt.Length)
            {
                return false;
            }

            if (id == 0)
            {
                ReadOnlySpan<byte> values = dqt.Slice(pos + 1, size);
                for (int i = 0; i < 64; i++)
                {
                    natural[ZigZag[i]] = precision == 0 ? values[i] : (ushort)((values[2 * i] << 8) | values[(2 * i) + 1]);
                }

                return true;
            }

            pos += 1 + size;
        }

        return false;
    }

    public static int Estimate(ReadOnlySpan<ushort> table)
    {
        // Fast path: the IJG scale factor implied by the table sums points at the quality; an exact match there is
        // the answer (files written by libjpeg). Otherwise search every quality for the closest table.
        long sumTable = 0;
        long sumStandard = 0;
        for (int i = 0; i < 64; i++)
        {
            sumTable += table[i];
            sumStandard += StandardLuminance[i];
        }

        long scale = ((sumTable * 100) + (sumStandard / 2)) / sumStandard;
        int guess = scale <= 100 ? (int)Math.Clamp((200 - scale) / 2, 1, 100) : (int)Math.Clamp(5000 / Math.Max(scale, 1), 1, 100);
        for (int q = Math.Max(1, guess - 2); q <= Math.Min(100, guess + 2); q++)
        {
            if (Error(table, q, 1) == 0)
            {
                return q;
            }
        }

        int best = 0;
        long bestError = long.MaxValue;
        for (int quality = 1; quality <= 100; quality++)
        {
            long error = Error(table, quality, bestError);
            if (error < bestError)
            {
                bestError = error;
                best = quality;
            }
        }

        return best;
    }

    /// <summary>Sum of absolute differences to the IJG table for <paramref name="quality"/>, stopping at <paramref name="stopAt"/>.</summary>
    private static long Error(ReadOnlySpan<ushort> table, int quality, long stopAt)
    {
        int scale = quality < 50 ? 5000 / quality : 200 - (quality * 2);
        long error = 0;
        for (int i = 0; i < 64 && error < stopAt; i++)
        {
            long q = Math.Clamp(((StandardLuminance[i] * scale) + 50) / 100, 1, 255);
            error += Math.Abs(q - table[i]);
        }

        return error;
    }
}
