using System.Buffers.Binary;

namespace SocialCard.Platform.Batches;

/// <summary>
/// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320) as zip stores it, slicing-by-8. System.IO.Hashing is a
/// separate package and SSE4.2's CRC32 instruction computes the other (Castagnoli) polynomial, so this is a table
/// version; <see cref="ComputeBytewise"/> is the readable reference the tests compare against.
/// </summary>
internal static class Crc32
{
    private static readonly uint[] Table = BuildTable();

    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var t = Table.AsSpan();
        uint crc = 0xFFFFFFFFu;
        while (data.Length >= 8)
        {
            uint lo = BinaryPrimitives.ReadUInt32LittleEndian(data) ^ crc;
            uint hi = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
            crc = t[(7 * 256) + (int)(lo & 0xFF)] ^ t[(6 * 256) + (int)((lo >> 8) & 0xFF)] ^
                  t[(5 * 256) + (int)((lo >> 16) & 0xFF)] ^ t[(4 * 256) + (int)(lo >> 24)] ^
                  t[(3 * 256) + (int)(hi & 0xFF)] ^ t[(2 * 256) + (int)((hi >> 8) & 0xFF)] ^
                  t[256 + (int)((hi >> 16) & 0xFF)] ^ t[(int)(hi >> 24)];
            data = data[8..];
        }

        foreach (var b in data)
        {
            crc = t[(int)((crc ^ b) & 0xFF)] ^ (crc >> 8);
        }

        return ~crc;
    }

    /// <summary>One byte at a time: the reference.</summary>
    public static uint ComputeBytewise(ReadOnlySpan<byte> data)
    {
        var t = Table.AsSpan(0, 256);
        uint crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc = t[(int)((crc ^ b) & 0xFF)] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[8 * 256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        for (int slice = 1; slice < 8; slice++)
        {
            for (int n = 0; n < 256; n++)
            {
                uint previous = table[((slice - 1) * 256) + n];
                table[(slice * 256) + n] = table[(int)(previous & 0xFF)] ^ (previous >> 8);
            }
        }

        return table;
    }
}
