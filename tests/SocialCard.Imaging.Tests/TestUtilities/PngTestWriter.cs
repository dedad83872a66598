using System.Buffers.Binary;
using System.IO.Compression;

namespace SocialCard.Imaging.Tests.TestUtilities;

/// <summary>
/// A small PNG writer for tests: any colour type and bit depth, chosen filter per row (or all five in turn), optional
/// Adam7 interlace, PLTE/tRNS/pHYs, and hooks to damage the result. Samples are given per pixel per channel.
/// </summary>
internal sealed class PngTestWriter
{
    private static readonly (int X0, int Y0, int Dx, int Dy)[] Adam7 =
    [
        (0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2),
    ];

    public required int Width { get; init; }

    public required int Height { get; init; }

    /// <summary>0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA.</summary>
    public required int ColorType { get; init; }

    public required int BitDepth { get; init; }

    /// <summary>Samples[(y * Width + x) * channels + c].</summary>
    public required int[] Samples { get; init; }

    public byte[]? Palette { get; init; }

    public byte[]? Transparency { get; init; }

    /// <summary>Filter type for every row, or -1 to cycle 0,1,2,3,4 by row.</summary>
    public int Filter { get; init; } = -1;

    public bool Interlaced { get; init; }

    public (uint X, uint Y, byte Unit)? Physical { get; init; }

    /// <summary>Split IDAT into chunks of this many bytes (0 = one chunk).</summary>
    public int IdatChunkSize { get; init; }

    /// <summary>Header size override (for bomb tests): written into IHDR instead of Width/Height.</summary>
    public (uint W, uint H)? HeaderSize { get; init; }

    public int Channels => ColorType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, _ => 4 };

    public byte[] Write()
    {
        using var file = new MemoryStream();
        file.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        byte[] ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, HeaderSize?.W ?? (uint)Width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), HeaderSize?.H ?? (uint)Height);
        ihdr[8] = (byte)BitDepth;
        ihdr[9] = (byte)ColorType;
        ihdr[12] = Interlaced ? (byte)1 : (byte)0;
        WriteChunk(file, "IHDR", ihdr);
        if (Physical is { } p)
        {
            byte[] phys = new byte[9];
            BinaryPrimitives.WriteUInt32BigEndian(phys, p.X);
            BinaryPrimitives.WriteUInt32BigEndian(phys.AsSpan(4), p.Y);
            phys[8] = p.Unit;
            WriteChunk(file, "pHYs", phys);
        }

        if (Palette is not null)
        {
            WriteChunk(file, "PLTE", Palette);
        }

        if (Transparency is not null)
        {
            WriteChunk(file, "tRNS", Transparency);
        }

        byte[] compressed = Compress(FilteredData());
        int size = IdatChunkSize > 0 ? IdatChunkSize : Math.Max(1, compressed.Length);
        for (int at = 0; at < compressed.Length; at += size)
        {
            WriteChunk(file, "IDAT", compressed.AsSpan(at, Math.Min(size, compressed.Length - at)));
        }

        WriteChunk(file, "IEND", []);
        return file.ToArray();
    }

    public static void WriteChunk(Stream file, string type, ReadOnlySpan<byte> data)
    {
        byte[] header = new byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)data.Length);
        for (int i = 0; i < 4; i++)
        {
            header[4 + i] = (byte)type[i];
        }

        file.Write(header);
        file.Write(data);
        byte[] crcInput = [.. header.AsSpan(4), .. data];
        byte[] crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, TestCrc32.Compute(crcInput));
        file.Write(crc);
    }

    public static byte[] Compress(byte[] raw)
    {
        using var output = new MemoryStream();
        using (var z = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            z.Write(raw);
        }

        return output.ToArray();
    }

    private byte[] FilteredData()
    {
        var output = new List<byte>();
        if (!Interlaced)
        {
            AppendPass(output, 0, 0, 1, 1);
        }
        else
        {
            foreach ((int x0, int y0, int dx, int dy) in Adam7)
            {
                AppendPass(output, x0, y0, dx, dy);
            }
        }

        return [.. output];
    }

    private void AppendPass(List<byte> output, int x0, int y0, int dx, int dy)
    {
        int pw = (Width - x0 + dx - 1) / dx;
        int ph = (Height - y0 + dy - 1) / dy;
        if (pw <= 0 || ph <= 0)
        {
            return;
        }

        int bpp = Math.Max(1, Channels * BitDepth / 8);
        byte[] previous = new byte[((pw * Channels * BitDepth) + 7) / 8];
        for (int py = 0; py < ph; py++)
        {
            byte[] raw = PackRow(y0 + (py * dy), x0, dx, pw);
            int filter = Filter >= 0 ? Filter : py % 5;
            output.Add((byte)filter);
            for (int i = 0; i < raw.Length; i++)
            {
                int a = i >= bpp ? raw[i - bpp] : 0;
                int b = previous[i];
                int c = i >= bpp ? previous[i - bpp] : 0;
                int predictor = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    _ => Paeth(a, b, c),
                };
                output.Add((byte)(raw[i] - predictor));
            }

            previous = raw;
        }
    }

    private byte[] PackRow(int y, int x0, int dx, int count)
    {
        byte[] row = new byte[((count * Channels * BitDepth) + 7) / 8];
        int bit = 0;
        for (int i = 0; i < count; i++)
        {
            int x = x0 + (i * dx);
            for (int c = 0; c < Channels; c++)
            {
                int v = Samples[(((y * Width) + x) * Channels) + c];
                if (BitDepth == 16)
                {
                    row[bit / 8] = (byte)(v >> 8);
                    row[(bit / 8) + 1] = (byte)v;
                }
                else if (BitDepth == 8)
                {
                    row[bit / 8] = (byte)v;
                }
                else
                {
                    row[bit / 8] |= (byte)(v << (8 - BitDepth - (bit % 8)));
                }

                bit += BitDepth;
            }
        }

        return row;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c;
        int pa = Math.Abs(p - a);
        int pb = Math.Abs(p - b);
        int pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
