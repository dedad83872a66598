using System.Buffers.Binary;

namespace SocialCard.Imaging.Formats.Bmp;

/// <summary>
/// BITMAPFILEHEADER plus the DIB header (BITMAPCOREHEADER, BITMAPINFOHEADER and its V2-V5 extensions), with every
/// field bounds-checked. Shared by the inspector and the decoder.
/// </summary>
internal readonly struct BmpHeader
{
    public const int CompressionRgb = 0;
    public const int CompressionBitFields = 3;
    public const int CompressionAlphaBitFields = 6;
    private const int FileHeaderSize = 14;

    public int PixelOffset { get; init; }

    public int DibSize { get; init; }

    public int Width { get; init; }

    /// <summary>Absolute height; see <see cref="TopDown"/>.</summary>
    public int Height { get; init; }

    /// <summary>Negative height in the file: first row is the top row.</summary>
    public bool TopDown { get; init; }

    public int BitsPerPixel { get; init; }

    public int Compression { get; init; }

    public int XPixelsPerMetre { get; init; }

    public int YPixelsPerMetre { get; init; }

    public int PaletteOffset { get; init; }

    public int PaletteEntries { get; init; }

    /// <summary>3 for OS/2 core headers (RGBTRIPLE), 4 otherwise (RGBQUAD).</summary>
    public int PaletteEntrySize { get; init; }

    public uint RedMask { get; init; }

    public uint GreenMask { get; init; }

    public uint BlueMask { get; init; }

    public uint AlphaMask { get; init; }

    /// <summary>Bytes per row including padding to 4 bytes.</summary>
    public long RowStride => (((long)Width * BitsPerPixel) + 31) / 32 * 4;

    public long PixelArrayLength => RowStride * Height;

    public bool IsSupported => BitsPerPixel switch
    {
        1 or 4 or 8 => Compression == CompressionRgb && PaletteEntries > 0,
        24 => Compression == CompressionRgb,
        16 or 32 => Compression is CompressionRgb or CompressionBitFields or CompressionAlphaBitFields && RedMask != 0 && GreenMask != 0 && BlueMask != 0,
        _ => false,
    };

    public static bool TryRead(ReadOnlySpan<byte> data, out BmpHeader header, out string? error)
    {
        header = default;
        error = null;
        if (data.Length < FileHeaderSize + 12)
        {
            error = "BMP 文件头被截断 / BMP header truncated.";
            return false;
        }

        uint pixelOffset = BinaryPrimitives.ReadUInt32LittleEndian(data[10..]);
        uint dibSize = BinaryPrimitives.ReadUInt32LittleEndian(data[14..]);
        bool core = dibSize == 12;
        if (!core && dibSize is not (40 or 52 or 56 or 64 or 108 or 124))
        {
            error = $"BMP 信息头大小无效（{dibSize}） / BMP DIB header size {dibSize} not recognised.";
            return false;
        }

        if (data.Length < FileHeaderSize + dibSize)
        {
            error = "BMP 信息头被截断 / BMP DIB header truncated.";
            return false;
        }

        ReadOnlySpan<byte> dib = data.Slice(FileHeaderSize, (int)dibSize);
        int width;
        int height;
        int bpp;
        int compression = CompressionRgb;
        int xppm = 0;
        int yppm = 0;
        uint colorsUsed = 0;
        if (core)
        {
            width = BinaryPrimitives.ReadUInt16LittleEndian(dib[4..]);
            height = BinaryPrimitives.ReadUInt16LittleEndian(dib[6..]);
            bpp = BinaryPrimitives.ReadUInt16LittleEndian(dib[10..]);
        }
        else
        {
            width = BinaryPrimitives.ReadInt32LittleEndian(dib[4..]);
            height = BinaryPrimitives.ReadInt32LittleEndian(dib[8..]);
            bpp = BinaryPrimitives.ReadUInt16LittleEndian(dib[14..]);
            compression = BinaryPrimitives.ReadInt32LittleEndian(dib[16..]);
            xppm = BinaryPrimitives.ReadInt32LittleEndian(dib[24..]);
            yppm = BinaryPrimitives.ReadInt32LittleEndian(dib[28..]);
            colorsUsed = BinaryPrimitives.ReadUInt32LittleEndian(dib[32..]);
        }

        if (width <= 0 || height == 0 || height == int.MinValue)
        {
            error = $"BMP 尺寸无效（{width}x{height}） / BMP size {width}x{height} invalid.";
            return false;
        }

        if (bpp is not (1 or 4 or 8 or 16 or 24 or 32))
        {
            error = $"BMP 位深无效（{bpp}） / BMP bit count {bpp} invalid.";
            return false;
        }

        uint r = 0;
        uint g = 0;
        uint b = 0;
        uint a = 0;
        int paletteOffset = FileHeaderSize + (int)dibSize;
        if (compression is CompressionBitFields or CompressionAlphaBitFields)
        {
            // Masks live inside V2+ headers, or right after a 40-byte BITMAPINFOHEADER.
            int maskAt = FileHeaderSize + 40;
            int maskCount = compression == CompressionAlphaBitFields ? 4 : 3;
            if (data.Length < maskAt + (maskCount * 4))
            {
                error = "BMP 颜色掩码被截断 / BMP colour masks truncated.";
                return false;
            }

            r = BinaryPrimitives.ReadUInt32LittleEndian(data[maskAt..]);
            g = BinaryPrimitives.ReadUInt32LittleEndian(data[(maskAt + 4)..]);
            b = BinaryPrimitives.ReadUInt32LittleEndian(data[(maskAt + 8)..]);
            if (maskCount == 4 || dibSize >= 56)
            {
                a = BinaryPrimitives.ReadUInt32LittleEndian(data[(maskAt + 12)..]);
            }

            if (dibSize == 40)
            {
                paletteOffset += maskCount * 4;
            }
        }
        else if (bpp == 32)
        {
            (r, g, b) = (0x00FF0000u, 0x0000FF00u, 0x000000FFu);
        }
        else if (bpp == 16)
        {
            (r, g, b) = (0x7C00u, 0x03E0u, 0x001Fu);
        }

        int entries = 0;
        int entrySize = core ? 3 : 4;
        if (bpp <= 8)
        {
            int max = 1 << bpp;
            entries = colorsUsed == 0 || colorsUsed > (uint)max ? max : (int)colorsUsed;
            int available = Math.Max(0, (int)Math.Min(pixelOffset, (uint)data.Length) - paletteOffset) / entrySize;
            entries = Math.Min(entries, available);
        }

        if (pixelOffset > (uint)data.Length)
        {
            error = $"BMP 像素数据偏移越界（{pixelOffset}） / BMP pixel offset {pixelOffset} beyond end of file.";
            return false;
        }

        header = new BmpHeader
        {
            PixelOffset = (int)pixelOffset,
            DibSize = (int)dibSize,
            Width = width,
            Height = Math.Abs(height),
            TopDown = height < 0,
            BitsPerPixel = bpp,
            Compression = compression,
            XPixelsPerMetre = Math.Max(0, xppm),
            YPixelsPerMetre = Math.Max(0, yppm),
            PaletteOffset = paletteOffset,
            PaletteEntries = entries,
            PaletteEntrySize = entrySize,
            RedMask = r,
            GreenMask = g,
            BlueMask = b,
            AlphaMask = a,
        };
        return true;
    }

    /// <summary>An indexed image whose palette holds only greys.</summary>
    public bool IsGrayPalette(ReadOnlySpan<byte> data)
    {
        if (BitsPerPixel > 8 || PaletteEntries == 0)
        {
            return false;
        }

        for (int i = 0; i < PaletteEntries; i++)
        {
            ReadOnlySpan<byte> e = data.Slice(PaletteOffset + (i * PaletteEntrySize), 3);
            if (e[0] != e[1] || e[1] != e[2])
            {
                return false;
            }
        }

        return true;
    }
}
