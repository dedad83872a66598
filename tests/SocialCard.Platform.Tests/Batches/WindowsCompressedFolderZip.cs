using System.Buffers.Binary;
using System.IO.Compression;
using SocialCard.Platform.Batches;

namespace SocialCard.Platform.Tests.Batches;

/// <summary>
/// Writes a zip byte for byte the way Windows' built-in "Send to > Compressed (zipped) folder" does on a Chinese
/// (code page 936) system, without System.IO.Compression's writer: the folder gets its own entry first, names are
/// bytes in the ANSI/OEM code page (GBK) with general-purpose bit 11 clear, "version made by" is 2.0 on host 0
/// (MS-DOS/FAT), external attributes are DOS attributes (0x10 directory, 0x20 archive), files are raw deflate with
/// sizes and CRC in the local header (no data descriptor), DOS date/time stamps, no extra fields, no comment.
/// </summary>
internal static class WindowsCompressedFolderZip
{
    private const ushort VersionMadeBy = 0x0014; // upper byte 0 = MS-DOS host, lower = 2.0
    private const ushort VersionNeededDeflate = 20;
    private const ushort VersionNeededStored = 10;
    private const uint DosDirectory = 0x10;
    private const uint DosArchive = 0x20;

    /// <summary>Zips <paramref name="folder"/>/ and its files; names are encoded with GBK.</summary>
    public static byte[] Build(string folder, IReadOnlyList<(string Name, byte[] Content)> files, DateTime stamp)
    {
        var (dosTime, dosDate) = ToDos(stamp);
        using var output = new MemoryStream();
        var central = new MemoryStream();
        var count = 0;

        void Write(string name, byte[] content, bool directory)
        {
            var nameBytes = TestZip.Gbk.GetBytes(name);
            var data = directory ? [] : Deflate(content);
            var crc = directory ? 0u : Crc32.Compute(content);
            var offset = (uint)output.Position;
            var method = (ushort)(directory ? 0 : 8);
            var needed = directory ? VersionNeededStored : VersionNeededDeflate;

            Span<byte> local = stackalloc byte[30];
            BinaryPrimitives.WriteUInt32LittleEndian(local, 0x04034B50);
            BinaryPrimitives.WriteUInt16LittleEndian(local[4..], needed);
            BinaryPrimitives.WriteUInt16LittleEndian(local[6..], 0); // flags: no UTF-8 bit, no data descriptor
            BinaryPrimitives.WriteUInt16LittleEndian(local[8..], method);
            BinaryPrimitives.WriteUInt16LittleEndian(local[10..], dosTime);
            BinaryPrimitives.WriteUInt16LittleEndian(local[12..], dosDate);
            BinaryPrimitives.WriteUInt32LittleEndian(local[14..], crc);
            BinaryPrimitives.WriteUInt32LittleEndian(local[18..], (uint)data.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(local[22..], (uint)content.Length);
            BinaryPrimitives.WriteUInt16LittleEndian(local[26..], (ushort)nameBytes.Length);
            BinaryPrimitives.WriteUInt16LittleEndian(local[28..], 0);
            output.Write(local);
            output.Write(nameBytes);
            output.Write(data);

            Span<byte> record = stackalloc byte[46];
            BinaryPrimitives.WriteUInt32LittleEndian(record, 0x02014B50);
            BinaryPrimitives.WriteUInt16LittleEndian(record[4..], VersionMadeBy);
            BinaryPrimitives.WriteUInt16LittleEndian(record[6..], needed);
            BinaryPrimitives.WriteUInt16LittleEndian(record[8..], 0);
            BinaryPrimitives.WriteUInt16LittleEndian(record[10..], method);
            BinaryPrimitives.WriteUInt16LittleEndian(record[12..], dosTime);
            BinaryPrimitives.WriteUInt16LittleEndian(record[14..], dosDate);
            BinaryPrimitives.WriteUInt32LittleEndian(record[16..], crc);
            BinaryPrimitives.WriteUInt32LittleEndian(record[20..], (uint)data.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(record[24..], (uint)content.Length);
            BinaryPrimitives.WriteUInt16LittleEndian(record[28..], (ushort)nameBytes.Length);
            BinaryPrimitives.WriteUInt16LittleEndian(record[30..], 0); // extra
            BinaryPrimitives.WriteUInt16LittleEndian(record[32..], 0); // comment
            BinaryPrimitives.WriteUInt16LittleEndian(record[34..], 0); // disk
            BinaryPrimitives.WriteUInt16LittleEndian(record[36..], 0); // internal attributes
            BinaryPrimitives.WriteUInt32LittleEndian(record[38..], directory ? DosDirectory : DosArchive);
            BinaryPrimitives.WriteUInt32LittleEndian(record[42..], offset);
            central.Write(record);
            central.Write(nameBytes);
            count++;
        }

        Write(folder + "/", [], directory: true);
        foreach (var (name, content) in files)
        {
            Write(folder + "/" + name, content, directory: false);
        }

        var centralOffset = (uint)output.Position;
        central.Position = 0;
        central.CopyTo(output);
        Span<byte> end = stackalloc byte[22];
        BinaryPrimitives.WriteUInt32LittleEndian(end, 0x06054B50);
        BinaryPrimitives.WriteUInt16LittleEndian(end[8..], (ushort)count);
        BinaryPrimitives.WriteUInt16LittleEndian(end[10..], (ushort)count);
        BinaryPrimitives.WriteUInt32LittleEndian(end[12..], (uint)central.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(end[16..], centralOffset);
        output.Write(end);
        return output.ToArray();
    }

    private static byte[] Deflate(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var deflate = new DeflateStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write(content);
        }

        return buffer.ToArray();
    }

    private static (ushort Time, ushort Date) ToDos(DateTime t) =>
        ((ushort)((t.Hour << 11) | (t.Minute << 5) | (t.Second / 2)), (ushort)(((t.Year - 1980) << 9) | (t.Month << 5) | t.Day));
}
