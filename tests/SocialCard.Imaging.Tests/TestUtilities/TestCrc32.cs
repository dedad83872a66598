namespace SocialCard.Imaging.Tests.TestUtilities;

/// <summary>Bit-by-bit CRC-32 (poly 0xEDB88320), independent of the product's table-driven one.</summary>
internal static class TestCrc32
{
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
            }
        }

        return ~crc;
    }
}
