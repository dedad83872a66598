using System.Buffers.Binary;

namespace SocialCard.Imaging.Formats.Png;

/// <summary>
/// Splits a PNG file into chunks, checking each CRC. Shared by the inspector and the decoder so both see the same
/// structure and report the same warnings. Never throws: structural problems become warnings.
/// </summary>
internal static class PngChunkReader
{
    public static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <param name="data">The whole file.</param>
    /// <param name="chunks">Receives the complete chunks in file order.</param>
    /// <param name="warnings">Receives problems (bad CRC, truncation, missing IEND).</param>
    /// <returns>Offset just after IEND, or -1 when IEND is missing.</returns>
    public static int Read(ReadOnlySpan<byte> data, List<PngChunk> chunks, List<string> warnings)
    {
        int pos = Signature.Length;
        while (pos < data.Length)
        {
            if (pos + 8 > data.Length)
            {
                warnings.Add($"PNG 数据块头被截断（偏移 {pos}） / PNG chunk header truncated at offset {pos}.");
                break;
            }

            uint length = BinaryPrimitives.ReadUInt32BigEndian(data[pos..]);
            uint type = BinaryPrimitives.ReadUInt32BigEndian(data[(pos + 4)..]);
            if (length > int.MaxValue)
            {
                warnings.Add($"PNG 数据块长度无效（偏移 {pos}） / PNG chunk length invalid at offset {pos}.");
                break;
            }

            if ((long)pos + 12 + length > data.Length)
            {
                warnings.Add($"PNG 数据块 {PngChunkType.Name(type)} 被截断（偏移 {pos}） / PNG chunk {PngChunkType.Name(type)} truncated at offset {pos}.");
                break;
            }

            int dataOffset = pos + 8;
            int len = (int)length;
            uint expected = BinaryPrimitives.ReadUInt32BigEndian(data[(dataOffset + len)..]);
            uint actual = PngCrc32.Compute(data.Slice(pos + 4, len + 4));
            bool crcOk = expected == actual;
            if (!crcOk)
            {
                warnings.Add($"PNG 数据块 {PngChunkType.Name(type)} 校验和（CRC）错误 / PNG chunk {PngChunkType.Name(type)} CRC mismatch.");
            }

            chunks.Add(new PngChunk(type, dataOffset, len, crcOk));
            pos = dataOffset + len + 4;
            if (type == PngChunkType.Iend)
            {
                return pos;
            }
        }

        warnings.Add("缺少 PNG 结束块 IEND（文件不完整） / Missing PNG IEND chunk (file incomplete).");
        return -1;
    }

    public static bool TryReadHeader(ReadOnlySpan<byte> data, List<PngChunk> chunks, out PngHeader header)
    {
        header = default;
        if (chunks.Count == 0 || chunks[0].Type != PngChunkType.Ihdr || chunks[0].Length < 13)
        {
            return false;
        }

        ReadOnlySpan<byte> ihdr = data.Slice(chunks[0].DataOffset, 13);
        uint w = BinaryPrimitives.ReadUInt32BigEndian(ihdr);
        uint h = BinaryPrimitives.ReadUInt32BigEndian(ihdr[4..]);
        if (w == 0 || h == 0 || w > int.MaxValue || h > int.MaxValue)
        {
            return false;
        }

        header = new PngHeader((int)w, (int)h, ihdr[8], (PngColorType)ihdr[9], ihdr[12]);
        return true;
    }
}
