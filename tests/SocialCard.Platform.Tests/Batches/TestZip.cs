using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace SocialCard.Platform.Tests.Batches;

/// <summary>Builds zip packages in memory for the intake tests, and patches raw header fields.</summary>
internal sealed class TestZip
{
    private readonly List<(string Name, byte[] Content, int? ExternalAttributes, CompressionLevel Level)> _entries = [];

    public static Encoding Gbk { get; } = CodePagesEncodingProvider.Instance.GetEncoding(936)!;

    public TestZip Add(string name, byte[] content, int? externalAttributes = null, CompressionLevel level = CompressionLevel.Optimal)
    {
        _entries.Add((name, content, externalAttributes, level));
        return this;
    }

    public TestZip AddDirectory(string name) => Add(name, []);

    /// <summary>Writes the zip; <paramref name="entryNameEncoding"/> null means the runtime default (UTF-8, flag bit 11 for non-ASCII).</summary>
    public byte[] Build(Encoding? entryNameEncoding = null)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, true, entryNameEncoding))
        {
            foreach (var (name, content, attributes, level) in _entries)
            {
                var entry = zip.CreateEntry(name, level);
                entry.LastWriteTime = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.FromHours(8));
                if (attributes is { } a)
                {
                    entry.ExternalAttributes = a;
                }

                if (!name.EndsWith('/'))
                {
                    using var stream = entry.Open();
                    stream.Write(content);
                }
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A fake JPEG: SOI, some seeded noise (so it does not compress), EOI.</summary>
    public static byte[] Photo(int seed, int length = 20_000)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        bytes[0] = 0xFF;
        bytes[1] = 0xD8;
        bytes[^2] = 0xFF;
        bytes[^1] = 0xD9;

        // Keep the noise free of zip signatures so only the nested-archive tests trip that check.
        for (int i = 0; i + 1 < bytes.Length; i++)
        {
            if (bytes[i] == 0x50 && bytes[i + 1] == 0x4B)
            {
                bytes[i + 1] = 0x4C;
            }
        }

        return bytes;
    }

    /// <summary>Central-directory records: (record offset, local header offset, raw name bytes, flags).</summary>
    public static List<(int Central, int Local, byte[] Name, ushort Flags)> CentralRecords(byte[] zip)
    {
        int eocd = -1;
        for (int i = zip.Length - 22; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(i)) == 0x06054B50)
            {
                eocd = i;
                break;
            }
        }

        Assert.True(eocd >= 0, "no end of central directory");
        int count = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(eocd + 10));
        int offset = (int)BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(eocd + 16));
        var records = new List<(int, int, byte[], ushort)>();
        for (int n = 0; n < count; n++)
        {
            Assert.Equal(0x02014B50u, BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(offset)));
            ushort flags = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(offset + 8));
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(offset + 28));
            int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(offset + 30));
            int commentLength = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(offset + 32));
            int local = (int)BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(offset + 42));
            records.Add((offset, local, zip.AsSpan(offset + 46, nameLength).ToArray(), flags));
            offset += 46 + nameLength + extraLength + commentLength;
        }

        return records;
    }

    /// <summary>Sets or clears general-purpose flag bits in both the local and the central header of entry <paramref name="index"/>.</summary>
    public static void PatchFlags(byte[] zip, int index, ushort set, ushort clear = 0)
    {
        var (central, local, _, _) = CentralRecords(zip)[index];
        foreach (int at in new[] { central + 8, local + 6 })
        {
            ushort flags = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(at));
            BinaryPrimitives.WriteUInt16LittleEndian(zip.AsSpan(at), (ushort)((flags | set) & ~clear));
        }
    }

    /// <summary>Overwrites the declared uncompressed size of entry <paramref name="index"/> in both headers.</summary>
    public static void PatchUncompressedSize(byte[] zip, int index, uint size)
    {
        var (central, local, _, _) = CentralRecords(zip)[index];
        BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(central + 24), size);
        BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(local + 22), size);
    }
}
