using System.Buffers.Binary;

namespace SocialCard.Platform.Batches;

/// <summary>
/// Reads the entry count from the end-of-central-directory record (zip64 aware) before
/// <see cref="System.IO.Compression.ZipArchive"/> parses every record, so a package with a million entries is refused
/// without building a million objects.
/// </summary>
internal static class ZipCentralDirectoryProbe
{
    private const uint EndOfCentralDirectorySignature = 0x06054B50;
    private const uint Zip64LocatorSignature = 0x07064B50;
    private const uint Zip64EndSignature = 0x06064B50;
    private const int EndRecordLength = 22;

    /// <summary>The declared entry count, or <see langword="null"/> when no end record is found.</summary>
    public static long? TryReadEntryCount(ReadOnlySpan<byte> zip)
    {
        if (zip.Length < EndRecordLength)
        {
            return null;
        }

        int searchStart = Math.Max(0, zip.Length - EndRecordLength - ushort.MaxValue);
        for (int i = zip.Length - EndRecordLength; i >= searchStart; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(zip[i..]) != EndOfCentralDirectorySignature)
            {
                continue;
            }

            int commentLength = BinaryPrimitives.ReadUInt16LittleEndian(zip[(i + 20)..]);
            if (i + EndRecordLength + commentLength > zip.Length)
            {
                continue;
            }

            long count = BinaryPrimitives.ReadUInt16LittleEndian(zip[(i + 10)..]);
            if (count == ushort.MaxValue && i >= 20 &&
                BinaryPrimitives.ReadUInt32LittleEndian(zip[(i - 20)..]) == Zip64LocatorSignature)
            {
                ulong zip64End = BinaryPrimitives.ReadUInt64LittleEndian(zip[(i - 20 + 8)..]);
                if (zip64End <= (ulong)(zip.Length - 56) &&
                    BinaryPrimitives.ReadUInt32LittleEndian(zip[(int)zip64End..]) == Zip64EndSignature)
                {
                    ulong count64 = BinaryPrimitives.ReadUInt64LittleEndian(zip[((int)zip64End + 32)..]);
                    count = count64 > long.MaxValue ? long.MaxValue : (long)count64;
                }
            }

            return count;
        }

        return null;
    }
}
