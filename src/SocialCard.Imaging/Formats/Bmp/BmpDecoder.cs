using System.Buffers.Binary;
using System.Numerics;

namespace SocialCard.Imaging.Formats.Bmp;

/// <summary>
/// Decodes uncompressed Windows bitmaps: 1/4/8-bit palette, 16-bit and 32-bit (default or bit-field masks, alpha
/// composited over white when an alpha mask is given), 24-bit; bottom-up and top-down. RLE is refused. A truncated
/// pixel array decodes what is present and adds a warning.
/// </summary>
public static class BmpDecoder
{
    public static RgbImage Decode(ReadOnlySpan<byte> data, ImageDecodeOptions options, List<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(warnings);
        if (!BmpHeader.TryRead(data, out BmpHeader header, out string? error))
        {
            throw new InvalidImageContentException(error!);
        }

        if (!header.IsSupported)
        {
            throw new InvalidImageContentException(
                $"不支持的 BMP 格式（{header.BitsPerPixel} 位，压缩方式 {header.Compression}） / Unsupported BMP variant ({header.BitsPerPixel} bpp, compression {header.Compression}).");
        }

        options.EnsureWithinPixelLimit(header.Width, header.Height);
        long stride = header.RowStride;
        long available = data.Length - header.PixelOffset;
        int completeRows = (int)Math.Min(header.Height, available / stride);
        if (completeRows < header.Height)
        {
            warnings.Add($"BMP 像素数据被截断：只有 {completeRows}/{header.Height} 行 / BMP pixel data truncated: {completeRows} of {header.Height} rows present.");
        }

        var image = new RgbImage(header.Width, header.Height);
        image.Pixels.Clear();
        var masks = new MaskSet(header);
        for (int fileRow = 0; fileRow < completeRows; fileRow++)
        {
            ReadOnlySpan<byte> src = data.Slice((int)(header.PixelOffset + (fileRow * stride)), (int)stride);
            int y = header.TopDown ? fileRow : header.Height - 1 - fileRow;
            ConvertRow(src, image.Row(y), header, data, masks);
        }

        return image;
    }

    private static void ConvertRow(ReadOnlySpan<byte> src, Span<byte> dst, in BmpHeader header, ReadOnlySpan<byte> file, in MaskSet masks)
    {
        int width = header.Width;
        switch (header.BitsPerPixel)
        {
            case 24:
                for (int x = 0; x < width; x++)
                {
                    dst[x * 3] = src[(x * 3) + 2];
                    dst[(x * 3) + 1] = src[(x * 3) + 1];
                    dst[(x * 3) + 2] = src[x * 3];
                }

                break;
            case 32:
                for (int x = 0; x < width; x++)
                {
                    masks.Write(BinaryPrimitives.ReadUInt32LittleEndian(src[(x * 4)..]), dst.Slice(x * 3, 3));
                }

                break;
            case 16:
                for (int x = 0; x < width; x++)
                {
                    masks.Write(BinaryPrimitives.ReadUInt16LittleEndian(src[(x * 2)..]), dst.Slice(x * 3, 3));
                }

                break;
            default:
                {
                    int bpp = header.BitsPerPixel;
                    ReadOnlySpan<byte> palette = file.Slice(header.PaletteOffset, header.PaletteEntries * header.PaletteEntrySize);
                    for (int x = 0; x < width; x++)
                    {
                        int bit = x * bpp;
                        int index = (src[bit >> 3] >> (8 - bpp - (bit & 7))) & ((1 << bpp) - 1);
                        if (index < header.PaletteEntries)
                        {
                            int p = index * header.PaletteEntrySize;
                            dst[x * 3] = palette[p + 2];
                            dst[(x * 3) + 1] = palette[p + 1];
                            dst[(x * 3) + 2] = palette[p];
                        }
                    }

                    break;
                }
        }
    }

    /// <summary>Extracts channels through bit masks and scales each to 8 bits.</summary>
    private readonly struct MaskSet
    {
        private readonly Channel _r;
        private readonly Channel _g;
        private readonly Channel _b;
        private readonly Channel _a;

        public MaskSet(in BmpHeader header)
        {
            _r = new Channel(header.RedMask);
            _g = new Channel(header.GreenMask);
            _b = new Channel(header.BlueMask);
            _a = new Channel(header.AlphaMask);
        }

        public void Write(uint pixel, Span<byte> rgb)
        {
            int r = _r.Extract(pixel);
            int g = _g.Extract(pixel);
            int b = _b.Extract(pixel);
            if (_a.Mask != 0)
            {
                int a = _a.Extract(pixel);
                r = ((r * a) + (255 * (255 - a)) + 127) / 255;
                g = ((g * a) + (255 * (255 - a)) + 127) / 255;
                b = ((b * a) + (255 * (255 - a)) + 127) / 255;
            }

            rgb[0] = (byte)r;
            rgb[1] = (byte)g;
            rgb[2] = (byte)b;
        }
    }

    private readonly struct Channel
    {
        private readonly int _shift;
        private readonly uint _max;

        public Channel(uint mask)
        {
            Mask = mask;
            _shift = mask == 0 ? 0 : BitOperations.TrailingZeroCount(mask);
            _max = mask == 0 ? 1 : mask >> _shift;
        }

        public uint Mask { get; }

        public int Extract(uint pixel) => Mask == 0 ? 0 : (int)(((((ulong)(pixel & Mask) >> _shift) * 255) + (_max / 2)) / _max);
    }
}
