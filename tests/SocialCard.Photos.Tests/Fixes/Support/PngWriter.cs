using System.Buffers.Binary;
using System.IO.Compression;
using SocialCard.Imaging;

namespace SocialCard.Photos.Tests.Fixes.Support;

/// <summary>Tiny PNG writer for test artefacts (masks, contact sheets): 8-bit RGB or grey, filter 0, zlib.</summary>
internal static class PngWriter
{
    public static byte[] Rgb(RgbImage image) => Encode(image.Pixels, image.Width, image.Height, 3);

    public static byte[] Gray(ReadOnlySpan<byte> gray, int width, int height) => Encode(gray, width, height, 1);

    private static byte[] Encode(ReadOnlySpan<byte> pixels, int width, int height, int channels)
    {
        using var raw = new MemoryStream();
        using (var z = new ZLibStream(raw, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            int stride = width * channels;
            for (int y = 0; y < height; y++)
            {
                z.WriteByte(0);
                z.Write(pixels.Slice(y * stride, stride));
            }
        }

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Span<byte> ihdr = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr[4..], height);
        ihdr[8] = 8;
        ihdr[9] = (byte)(channels == 3 ? 2 : 0);
        Chunk(png, "IHDR"u8, ihdr);
        Chunk(png, "IDAT"u8, raw.ToArray());
        Chunk(png, "IEND"u8, []);
        return png.ToArray();
    }

    private static void Chunk(Stream s, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> len = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(len, data.Length);
        s.Write(len);
        byte[] crcInput = new byte[4 + data.Length];
        type.CopyTo(crcInput);
        data.CopyTo(crcInput.AsSpan(4));
        s.Write(crcInput);
        BinaryPrimitives.WriteUInt32BigEndian(len, Crc(crcInput));
        s.Write(len);
    }

    private static uint Crc(ReadOnlySpan<byte> data)
    {
        uint c = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            c ^= b;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }
        }

        return ~c;
    }
}
