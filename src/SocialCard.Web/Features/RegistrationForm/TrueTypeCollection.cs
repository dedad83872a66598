using System.Buffers.Binary;
using System.Text;

namespace SocialCard.Web.Features.RegistrationForm;

/// <summary>
/// Splits an OpenType/TrueType collection (.ttc) into standalone font files, because PDFsharp's font resolver wants the
/// bytes of one face. Layout: "ttcf" header -> one offset table per face -> table records whose offsets are absolute
/// in the collection. Each face is rewritten with its own tables copied behind a fresh header (4-byte aligned);
/// shared tables are simply copied into every face that needs them.
/// </summary>
public static class TrueTypeCollection
{
    private const int TableRecordSize = 16;
    private const int OffsetTableSize = 12;

    public static bool IsCollection(ReadOnlySpan<byte> data) =>
        data.Length >= 12 && data[0] == (byte)'t' && data[1] == (byte)'t' && data[2] == (byte)'c' && data[3] == (byte)'f';

    /// <summary>Full names (name id 4, Windows platform) of the faces in the collection, in order.</summary>
    public static IReadOnlyList<string> FaceNames(ReadOnlySpan<byte> collection)
    {
        int count = FaceCount(collection);
        var names = new List<string>(count);
        for (int i = 0; i < count; i++)
        {
            names.Add(FaceName(collection, FaceOffset(collection, i)));
        }

        return names;
    }

    /// <summary>The first face whose full name contains <paramref name="nameFragment"/> as a standalone font file.</summary>
    public static byte[]? ExtractFace(ReadOnlySpan<byte> collection, string nameFragment)
    {
        int count = FaceCount(collection);
        for (int i = 0; i < count; i++)
        {
            int offset = FaceOffset(collection, i);
            if (FaceName(collection, offset).Contains(nameFragment, StringComparison.OrdinalIgnoreCase))
            {
                return ExtractAt(collection, offset);
            }
        }

        return null;
    }

    public static byte[] ExtractFace(ReadOnlySpan<byte> collection, int index)
    {
        if ((uint)index >= (uint)FaceCount(collection))
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        return ExtractAt(collection, FaceOffset(collection, index));
    }

    private static int FaceCount(ReadOnlySpan<byte> collection)
    {
        if (!IsCollection(collection))
        {
            throw new InvalidDataException("Not a TrueType collection (missing 'ttcf').");
        }

        return checked((int)BinaryPrimitives.ReadUInt32BigEndian(collection[8..]));
    }

    private static int FaceOffset(ReadOnlySpan<byte> collection, int index) =>
        checked((int)BinaryPrimitives.ReadUInt32BigEndian(collection[(12 + (4 * index))..]));

    private static byte[] ExtractAt(ReadOnlySpan<byte> collection, int faceOffset)
    {
        int tableCount = BinaryPrimitives.ReadUInt16BigEndian(collection[(faceOffset + 4)..]);
        int headerSize = OffsetTableSize + (TableRecordSize * tableCount);
        long total = headerSize;
        for (int t = 0; t < tableCount; t++)
        {
            ReadOnlySpan<byte> record = collection.Slice(faceOffset + OffsetTableSize + (TableRecordSize * t), TableRecordSize);
            total += Align4(BinaryPrimitives.ReadUInt32BigEndian(record[12..]));
        }

        byte[] output = new byte[checked((int)total)];
        collection.Slice(faceOffset, OffsetTableSize).CopyTo(output);
        int position = headerSize;
        for (int t = 0; t < tableCount; t++)
        {
            ReadOnlySpan<byte> record = collection.Slice(faceOffset + OffsetTableSize + (TableRecordSize * t), TableRecordSize);
            Span<byte> outRecord = output.AsSpan(OffsetTableSize + (TableRecordSize * t), TableRecordSize);
            record.CopyTo(outRecord);
            int tableOffset = checked((int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]));
            int tableLength = checked((int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]));
            BinaryPrimitives.WriteUInt32BigEndian(outRecord[8..], (uint)position);
            collection.Slice(tableOffset, tableLength).CopyTo(output.AsSpan(position));
            position += (int)Align4((uint)tableLength);
        }

        return output;
    }

    private static string FaceName(ReadOnlySpan<byte> collection, int faceOffset)
    {
        int tableCount = BinaryPrimitives.ReadUInt16BigEndian(collection[(faceOffset + 4)..]);
        for (int t = 0; t < tableCount; t++)
        {
            ReadOnlySpan<byte> record = collection.Slice(faceOffset + OffsetTableSize + (TableRecordSize * t), TableRecordSize);
            if (record[0] == (byte)'n' && record[1] == (byte)'a' && record[2] == (byte)'m' && record[3] == (byte)'e')
            {
                int offset = checked((int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]));
                int length = checked((int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]));
                return FullName(collection.Slice(offset, length));
            }
        }

        return string.Empty;
    }

    private static string FullName(ReadOnlySpan<byte> nameTable)
    {
        int count = BinaryPrimitives.ReadUInt16BigEndian(nameTable[2..]);
        int stringsOffset = BinaryPrimitives.ReadUInt16BigEndian(nameTable[4..]);
        for (int i = 0; i < count; i++)
        {
            ReadOnlySpan<byte> record = nameTable.Slice(6 + (12 * i), 12);
            int platform = BinaryPrimitives.ReadUInt16BigEndian(record);
            int nameId = BinaryPrimitives.ReadUInt16BigEndian(record[6..]);
            if (platform == 3 && nameId == 4)
            {
                int length = BinaryPrimitives.ReadUInt16BigEndian(record[8..]);
                int offset = BinaryPrimitives.ReadUInt16BigEndian(record[10..]);
                return Encoding.BigEndianUnicode.GetString(nameTable.Slice(stringsOffset + offset, length));
            }
        }

        return string.Empty;
    }

    private static uint Align4(uint value) => (value + 3u) & ~3u;
}
