using System.Buffers.Binary;
using System.IO.Compression;
using SocialCard.Imaging;

namespace SocialCard.Photos.Tests.Fixes.Support;

/// <summary>Tiny PNG writer for test artefacts (masks, contact sheets): 8-bit RGB or grey, Paeth filter on every row
/// (photos compress about a third smaller than unfiltered), zlib.</summary>
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
            byte[] filtered = new byte[stride];
            for (int y = 0; y < height; y++)
            {
                ReadOnlySpan<byte> row = pixels.Slice(y * stride, stride);
                ReadOnlySpan<byte> up = y > 0 ? pixels.Slice((y - 1) * stride, stride) : new byte[stride];
                for (int i = 0; i < stride; i++)
                {
                    int a = i >= channels ? row[i - channels] : 0, b = up[i], c = i >= channels ? up[i - channels] : 0;
                    filtered[i] = (byte)(row[i] - Paeth(a, b, c));
                }

                z.WriteByte(4);
                z.Write(filtered);
            }
        }

        return Container(width, height, 8, (byte)(channels == 3 ? 2 : 0), raw.ToArray());
    }

    /// <summary>A 1-bit grey PNG of a mask (non-zero = white), rows unfiltered: a reference mask in a few hundred bytes.</summary>
    public static byte[] Mask(ReadOnlySpan<byte> mask, int width, int height)
    {
        int stride = (width + 7) / 8;
        using var raw = new MemoryStream();
        using (var z = new ZLibStream(raw, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            byte[] row = new byte[stride];
            for (int y = 0; y < height; y++)
            {
                Array.Clear(row);
                for (int x = 0; x < width; x++)
                {
                    if (mask[(y * width) + x] != 0)
                    {
                        row[x >> 3] |= (byte)(0x80 >> (x & 7));
                    }
                }

                z.WriteByte(0);
                z.Write(row);
            }
        }

        return Container(width, height, 1, 0, raw.ToArray());
    }

    /// <summary>Signature, header, the one data chunk (zlib stream of filtered rows) and the end chunk.</summary>
    private static byte[] Container(int width, int height, byte bitDepth, byte colourType, byte[] idat)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Span<byte> ihdr = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr[4..], height);
        ihdr[8] = bitDepth;
        ihdr[9] = colourType;
        Chunk(png, "IHDR"u8, ihdr);
        Chunk(png, "IDAT"u8, idat);
        Chunk(png, "IEND"u8, []);
        return png.ToArray();
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
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
