using System.Buffers.Binary;

namespace SocialCard.Imaging.Tests.TestUtilities;

/// <summary>Writes BITMAPINFOHEADER bitmaps (24/32-bit, 8-bit palette) from an RGB image or palette indexes.</summary>
internal static class BmpTestWriter
{
    public static byte[] Write24(RgbImage image, bool topDown, int pixelsPerMetre = 13780) =>
        Write(image.Width, image.Height, 24, topDown, pixelsPerMetre, [], (x, y, row) =>
        {
            (byte r, byte g, byte b) = TestImages.PixelAt(image, x, y);
            row[x * 3] = b;
            row[(x * 3) + 1] = g;
            row[(x * 3) + 2] = r;
        });

    public static byte[] Write32(RgbImage image, bool topDown) =>
        Write(image.Width, image.Height, 32, topDown, 0, [], (x, y, row) =>
        {
            (byte r, byte g, byte b) = TestImages.PixelAt(image, x, y);
            row[x * 4] = b;
            row[(x * 4) + 1] = g;
            row[(x * 4) + 2] = r;
            row[(x * 4) + 3] = 0; // BI_RGB: the fourth byte is unused
        });

    /// <summary>8-bit palette image; <paramref name="palette"/> holds RGB triples.</summary>
    public static byte[] Write8(int width, int height, byte[] indexes, byte[] palette, bool topDown)
    {
        byte[] quads = new byte[palette.Length / 3 * 4];
        for (int i = 0; i < palette.Length / 3; i++)
        {
            quads[i * 4] = palette[(i * 3) + 2];
            quads[(i * 4) + 1] = palette[(i * 3) + 1];
            quads[(i * 4) + 2] = palette[i * 3];
        }

        return Write(width, height, 8, topDown, 0, quads, (x, y, row) => row[x] = indexes[(y * width) + x]);
    }

    private static byte[] Write(int width, int height, int bpp, bool topDown, int ppm, byte[] palette, Action<int, int, byte[]> fillPixel)
    {
        int stride = ((width * bpp) + 31) / 32 * 4;
        int offset = 14 + 40 + palette.Length;
        byte[] file = new byte[offset + (stride * height)];
        file[0] = (byte)'B';
        file[1] = (byte)'M';
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(2), file.Length);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(10), offset);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(18), width);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(22), topDown ? -height : height);
        BinaryPrimitives.WriteInt16LittleEndian(file.AsSpan(26), 1);
        BinaryPrimitives.WriteInt16LittleEndian(file.AsSpan(28), (short)bpp);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(38), ppm);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(42), ppm);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(46), palette.Length / 4);
        palette.CopyTo(file.AsSpan(54));
        byte[] row = new byte[stride];
        for (int y = 0; y < height; y++)
        {
            Array.Clear(row);
            for (int x = 0; x < width; x++)
            {
                fillPixel(x, y, row);
            }

            int fileRow = topDown ? y : height - 1 - y;
            row.CopyTo(file, offset + (fileRow * stride));
        }

        return file;
    }
}
