using System.Buffers;
using System.IO.Compression;

namespace SocialCard.Imaging.Formats.Png;

/// <summary>
/// Decodes PNG (all colour types, bit depths 1-16, palette with tRNS, the five filters, Adam7 interlace) to RGB24,
/// compositing any transparency over white. Structural problems (CRC mismatch, truncated or corrupt image data,
/// missing IEND) are warnings: the rows that could be read are returned, the rest stay black. The image size is
/// checked against <see cref="ImageDecodeOptions.MaxPixels"/> before any pixel memory is allocated, and inflation
/// stops at the size the header implies, so a deflate bomb cannot grow memory either.
/// </summary>
public static class PngDecoder
{
    private static readonly (int X0, int Y0, int Dx, int Dy)[] Adam7 =
    [
        (0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2),
    ];

    public static RgbImage Decode(ReadOnlySpan<byte> data, ImageDecodeOptions options, List<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(warnings);
        var chunks = new List<PngChunk>();
        PngChunkReader.Read(data, chunks, warnings);
        if (!PngChunkReader.TryReadHeader(data, chunks, out PngHeader header))
        {
            throw new InvalidImageContentException("PNG 文件头 IHDR 缺失或无效 / PNG IHDR chunk missing or invalid.");
        }

        if (!header.IsValidCombination || header.Interlace > 1)
        {
            throw new InvalidImageContentException(
                $"PNG 参数无效（位深 {header.BitDepth}，颜色类型 {(int)header.ColorType}，隔行 {header.Interlace}） / " +
                $"Invalid PNG parameters (bit depth {header.BitDepth}, colour type {(int)header.ColorType}, interlace {header.Interlace}).");
        }

        options.EnsureWithinPixelLimit(header.Width, header.Height);

        ReadOnlySpan<byte> plte = default;
        ReadOnlySpan<byte> trns = default;
        int idatLength = 0;
        foreach (PngChunk chunk in chunks)
        {
            if (chunk.Type == PngChunkType.Plte && plte.IsEmpty)
            {
                plte = data.Slice(chunk.DataOffset, chunk.Length);
            }
            else if (chunk.Type == PngChunkType.Trns && trns.IsEmpty)
            {
                trns = data.Slice(chunk.DataOffset, chunk.Length);
            }
            else if (chunk.Type == PngChunkType.Idat)
            {
                idatLength += chunk.Length;
            }
        }

        if (idatLength == 0)
        {
            throw new InvalidImageContentException("PNG 中没有图像数据（IDAT） / PNG has no image data (IDAT).");
        }

        if (header.ColorType == PngColorType.Palette && plte.Length < 3)
        {
            throw new InvalidImageContentException("调色板 PNG 缺少 PLTE 调色板 / Palette PNG without a PLTE chunk.");
        }

        var converter = new PngPixelConverter(header, plte, trns);
        byte[] compressed = ArrayPool<byte>.Shared.Rent(idatLength);
        var image = new RgbImage(header.Width, header.Height);
        try
        {
            int at = 0;
            foreach (PngChunk chunk in chunks)
            {
                if (chunk.Type == PngChunkType.Idat)
                {
                    data.Slice(chunk.DataOffset, chunk.Length).CopyTo(compressed.AsSpan(at));
                    at += chunk.Length;
                }
            }

            image.Pixels.Clear();
            using (var source = new MemoryStream(compressed, 0, idatLength, writable: false))
            using (var inflater = new ZLibStream(source, CompressionMode.Decompress))
            {
                var reader = new RowReader(inflater, warnings);
                if (header.Interlace == 0)
                {
                    DecodePass(reader, header, converter, image, 0, 0, 1, 1);
                }
                else
                {
                    foreach ((int x0, int y0, int dx, int dy) in Adam7)
                    {
                        DecodePass(reader, header, converter, image, x0, y0, dx, dy);
                    }
                }
            }

            if (converter.SawBadIndex)
            {
                warnings.Add("PNG 调色板索引超出范围 / PNG palette index beyond the PLTE entries.");
            }

            return image;
        }
        catch
        {
            image.Dispose();
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(compressed);
        }
    }

    private static void DecodePass(RowReader reader, PngHeader header, PngPixelConverter converter, RgbImage image, int x0, int y0, int dx, int dy)
    {
        int passWidth = (header.Width - x0 + dx - 1) / dx;
        int passHeight = (header.Height - y0 + dy - 1) / dy;
        if (passWidth <= 0 || passHeight <= 0)
        {
            return;
        }

        int rowBytes = (int)PngPixelConverter.RowBytes(header, passWidth);
        int bpp = Math.Max(1, header.Channels * header.BitDepth / 8);
        byte[] current = ArrayPool<byte>.Shared.Rent(rowBytes + 1);
        byte[] previous = ArrayPool<byte>.Shared.Rent(rowBytes + 1);
        byte[] rgb = ArrayPool<byte>.Shared.Rent(passWidth * 3);
        try
        {
            previous.AsSpan(0, rowBytes + 1).Clear();
            for (int py = 0; py < passHeight; py++)
            {
                Span<byte> row = current.AsSpan(0, rowBytes + 1);
                if (!reader.TryFill(row))
                {
                    return;
                }

                int filter = row[0];
                if (!PngFilter.Unfilter(filter, row[1..], previous.AsSpan(1, rowBytes), bpp))
                {
                    reader.WarnOnce($"PNG 扫描行过滤类型无效（{filter}） / Invalid PNG filter type {filter}.");
                }

                int y = y0 + (py * dy);
                if (dx == 1)
                {
                    converter.Convert(row[1..], image.Row(y), passWidth);
                }
                else
                {
                    Span<byte> rgbRow = rgb.AsSpan(0, passWidth * 3);
                    converter.Convert(row[1..], rgbRow, passWidth);
                    Span<byte> target = image.Row(y);
                    for (int px = 0; px < passWidth; px++)
                    {
                        rgbRow.Slice(px * 3, 3).CopyTo(target[((x0 + (px * dx)) * 3)..]);
                    }
                }

                (current, previous) = (previous, current);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(current);
            ArrayPool<byte>.Shared.Return(previous);
            ArrayPool<byte>.Shared.Return(rgb);
        }
    }

    /// <summary>Reads whole scanlines from the inflater; the first shortfall or corruption becomes one warning.</summary>
    private sealed class RowReader(Stream inflater, List<string> warnings)
    {
        private bool _failed;
        private bool _warnedFilter;

        public bool TryFill(Span<byte> row)
        {
            if (_failed)
            {
                return false;
            }

            int filled = 0;
            try
            {
                while (filled < row.Length)
                {
                    int n = inflater.Read(row[filled..]);
                    if (n == 0)
                    {
                        break;
                    }

                    filled += n;
                }
            }
            catch (InvalidDataException)
            {
                _failed = true;
                warnings.Add("PNG 压缩数据损坏（图像不完整） / PNG compressed data corrupt (image incomplete).");
                return false;
            }

            if (filled < row.Length)
            {
                _failed = true;
                warnings.Add("PNG 图像数据被截断（图像不完整） / PNG image data truncated (image incomplete).");
                return false;
            }

            return true;
        }

        public void WarnOnce(string message)
        {
            if (!_warnedFilter)
            {
                _warnedFilter = true;
                warnings.Add(message);
            }
        }
    }
}
