using System.Buffers.Binary;
using SocialCard.Imaging.Formats.Png;

namespace SocialCard.Imaging.Inspection;

/// <summary>IHDR (size, bit depth, colour type), pHYs (density), IEND presence and chunk CRCs.</summary>
internal static class PngInspector
{
    public static ContainerInfo Inspect(ReadOnlySpan<byte> data)
    {
        var warnings = new List<string>();
        var chunks = new List<PngChunk>();
        int end = PngChunkReader.Read(data, chunks, warnings);
        if (!PngChunkReader.TryReadHeader(data, chunks, out PngHeader header))
        {
            warnings.Add("缺少或无效的 PNG 文件头 IHDR / Missing or invalid PNG IHDR chunk.");
            return new ContainerInfo { Format = ImageFormat.Png, HasEndMarker = end >= 0, Warnings = warnings };
        }

        if (!header.IsValidCombination)
        {
            warnings.Add($"PNG 位深 {header.BitDepth} 与颜色类型 {(int)header.ColorType} 不兼容 / PNG bit depth {header.BitDepth} invalid for colour type {(int)header.ColorType}.");
        }

        bool hasIdat = false;
        bool hasTrns = false;
        DensityUnit unit = DensityUnit.None;
        double dx = 0;
        double dy = 0;
        DensitySource source = DensitySource.None;
        foreach (PngChunk chunk in chunks)
        {
            if (chunk.Type == PngChunkType.Idat)
            {
                hasIdat = true;
            }
            else if (chunk.Type == PngChunkType.Trns)
            {
                hasTrns = true;
            }
            else if (chunk.Type == PngChunkType.Phys && chunk.Length >= 9 && source == DensitySource.None)
            {
                ReadOnlySpan<byte> phys = data.Slice(chunk.DataOffset, 9);
                uint px = BinaryPrimitives.ReadUInt32BigEndian(phys);
                uint py = BinaryPrimitives.ReadUInt32BigEndian(phys[4..]);
                source = DensitySource.PngPhys;
                if (phys[8] == 1)
                {
                    // Pixels per metre -> dots per centimetre (DpiX converts on to inches).
                    unit = DensityUnit.DotsPerCentimetre;
                    dx = px / 100.0;
                    dy = py / 100.0;
                }
                else
                {
                    dx = px;
                    dy = py;
                }
            }
        }

        if (!hasIdat)
        {
            warnings.Add("PNG 中没有图像数据块 IDAT / PNG has no IDAT (image data) chunk.");
        }

        int components = header.ColorType switch
        {
            PngColorType.Grayscale => hasTrns ? 2 : 1,
            PngColorType.Rgb => hasTrns ? 4 : 3,
            PngColorType.Palette => hasTrns ? 4 : 3,
            PngColorType.GrayscaleAlpha => 2,
            PngColorType.Rgba => 4,
            _ => 0,
        };
        return new ContainerInfo
        {
            Format = ImageFormat.Png,
            Width = header.Width,
            Height = header.Height,
            Components = components,
            BitsPerSample = header.BitDepth,
            BitsPerPixel = header.BitDepth * header.Channels,
            IsProgressive = header.Interlace == 1,
            DensityUnit = unit,
            DensityX = dx,
            DensityY = dy,
            DensitySource = source,
            HasEndMarker = end >= 0,
            BytesAfterEnd = end >= 0 ? data.Length - end : 0,
            Warnings = warnings,
        };
    }
}
