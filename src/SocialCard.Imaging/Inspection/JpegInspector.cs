using System.Buffers.Binary;

namespace SocialCard.Imaging.Inspection;

/// <summary>
/// Walks JPEG markers without decoding: SOF (size, components, precision, progressive), APP0 JFIF and APP1 EXIF
/// (density, orientation), SOS followed by a scan of the entropy-coded data (FF00 stuffing and RSTn skipped) for the
/// next marker, and finally EOI.
/// </summary>
/// <remarks>
/// Density precedence: a JFIF APP0 whose unit is 1 (dpi) or 2 (dpcm) wins; otherwise EXIF X/YResolution with
/// ResolutionUnit 2 (inch, also the TIFF default when the tag is absent) or 3 (cm); otherwise a JFIF APP0 with unit 0
/// is reported as an aspect ratio (<see cref="DensityUnit.None"/>); otherwise no density.
/// </remarks>
internal static class JpegInspector
{
    private const byte Soi = 0xD8;
    private const byte Eoi = 0xD9;
    private const byte Sos = 0xDA;
    private const byte App0 = 0xE0;
    private const byte App1 = 0xE1;
    private const byte Dqt = 0xDB;

    public static ContainerInfo Inspect(ReadOnlySpan<byte> data)
    {
        var warnings = new List<string>();
        int width = 0;
        int height = 0;
        int components = 0;
        int precision = 0;
        bool progressive = false;
        bool sawSof = false;
        bool sawSos = false;
        bool hasEoi = false;
        long afterEnd = 0;
        JfifDensity? jfif = null;
        ExifFacts exif = ExifFacts.None;
        bool sawExif = false;
        bool scanTruncated = false;
        int? quality = null;
        ChromaSubsamplingKind subsampling = ChromaSubsamplingKind.None;
        Span<ushort> quant = stackalloc ushort[64];

        int pos = 2; // after FF D8 (the sniffer already matched it)
        while (pos < data.Length)
        {
            if (data[pos] != 0xFF)
            {
                int resync = FindMarker(data, pos);
                warnings.Add($"偏移 {pos} 处有 {(resync < 0 ? data.Length - pos : resync - pos)} 字节无法识别的数据 / " +
                             $"{(resync < 0 ? data.Length - pos : resync - pos)} unexpected bytes at offset {pos} (expected a marker).");
                if (resync < 0)
                {
                    break;
                }

                pos = resync;
            }

            // Fill bytes: any number of FF before the marker code.
            while (pos < data.Length && data[pos] == 0xFF)
            {
                pos++;
            }

            if (pos >= data.Length)
            {
                warnings.Add("文件在标记处截断 / File ends inside a marker.");
                break;
            }

            byte marker = data[pos];
            int markerStart = pos - 1;
            pos++;
            if (marker == Eoi)
            {
                hasEoi = true;
                afterEnd = data.Length - pos;
                if (!sawSos)
                {
                    warnings.Add("在图像数据之前遇到结束标记 EOI / End-of-image marker before any scan.");
                }

                break;
            }

            if (marker == Soi)
            {
                warnings.Add($"偏移 {markerStart} 处出现重复的 SOI 标记 / Repeated SOI marker at offset {markerStart}.");
                continue;
            }

            if (marker is >= 0xD0 and <= 0xD7 || marker == 0x01 || marker == 0x00)
            {
                if (marker == 0x00)
                {
                    warnings.Add($"偏移 {markerStart} 处标记无效 (FF00) / Invalid marker FF00 at offset {markerStart}.");
                }

                continue; // standalone markers: no length
            }

            if (pos + 2 > data.Length)
            {
                warnings.Add($"标记 FF{marker:X2} 的段长度被截断 / Segment length of marker FF{marker:X2} truncated.");
                break;
            }

            int length = BinaryPrimitives.ReadUInt16BigEndian(data[pos..]);
            if (length < 2)
            {
                warnings.Add($"标记 FF{marker:X2} 的段长度无效（{length}） / Invalid segment length {length} for marker FF{marker:X2}.");
                break;
            }

            bool truncated = pos + length > data.Length;
            ReadOnlySpan<byte> payload = truncated ? data[(pos + 2)..] : data.Slice(pos + 2, length - 2);
            if (truncated)
            {
                warnings.Add($"标记 FF{marker:X2} 的数据段被截断（声明 {length} 字节，剩余 {data.Length - pos} 字节） / " +
                             $"Segment FF{marker:X2} truncated (declares {length} bytes, {data.Length - pos} left).");
            }

            if (IsStartOfFrame(marker))
            {
                if (sawSof)
                {
                    warnings.Add("出现多个 SOF 帧头 / More than one start-of-frame marker.");
                }
                else if (payload.Length >= 6)
                {
                    sawSof = true;
                    precision = payload[0];
                    height = BinaryPrimitives.ReadUInt16BigEndian(payload[1..]);
                    width = BinaryPrimitives.ReadUInt16BigEndian(payload[3..]);
                    components = payload[5];
                    progressive = marker is 0xC2 or 0xC6 or 0xCA or 0xCE;
                    subsampling = ReadSubsampling(payload);
                    if (width == 0 || height == 0)
                    {
                        warnings.Add($"SOF 帧头中的尺寸无效（{width}x{height}） / Invalid frame size {width}x{height} in SOF.");
                    }
                }
                else
                {
                    warnings.Add("SOF 帧头过短 / Start-of-frame segment too short.");
                }
            }
            else if (marker == Dqt && quality is null && JpegQualityEstimator.TryReadLuminanceTable(payload, quant))
            {
                quality = JpegQualityEstimator.Estimate(quant);
            }
            else if (marker == App0 && payload.Length >= 12 && payload[..5].SequenceEqual("JFIF\0"u8) && jfif is null)
            {
                jfif = new JfifDensity(payload[7], BinaryPrimitives.ReadUInt16BigEndian(payload[8..]), BinaryPrimitives.ReadUInt16BigEndian(payload[10..]));
            }
            else if (marker == App1 && !sawExif && payload.Length >= 6 && payload[..6].SequenceEqual(ExifReader.Identifier))
            {
                sawExif = true;
                exif = ExifReader.Read(payload[6..], warnings);
            }

            if (truncated)
            {
                break;
            }

            pos += length;
            if (marker == Sos)
            {
                sawSos = true;
                if (!sawSof)
                {
                    warnings.Add("扫描数据前没有 SOF 帧头 / Scan before any start-of-frame marker.");
                }

                int next = FindMarker(data, pos);
                if (next < 0)
                {
                    warnings.Add("扫描数据被截断，缺少结束标记 EOI（图像不完整） / Scan data truncated: no end-of-image marker (image incomplete).");
                    scanTruncated = true;
                    break;
                }

                pos = next;
            }
        }

        if (!sawSof)
        {
            warnings.Add("缺少 SOF 帧头（无图像尺寸） / No start-of-frame marker (no image size).");
        }

        if (!sawSos)
        {
            warnings.Add("缺少 SOS 扫描数据 / No start-of-scan marker (no image data).");
        }

        if (!hasEoi && !scanTruncated)
        {
            warnings.Add("缺少结束标记 EOI（文件不完整） / Missing end-of-image marker (file incomplete).");
        }

        if (afterEnd > 0)
        {
            warnings.Add($"结束标记 EOI 之后还有 {afterEnd} 字节 / {afterEnd} bytes after the end-of-image marker.");
        }

        (DensityUnit unit, double dx, double dy, DensitySource source) = ChooseDensity(jfif, exif);
        return new ContainerInfo
        {
            Format = ImageFormat.Jpeg,
            Width = width,
            Height = height,
            Components = components,
            BitsPerSample = precision,
            BitsPerPixel = components * precision,
            IsProgressive = progressive,
            DensityUnit = unit,
            DensityX = dx,
            DensityY = dy,
            DensitySource = source,
            HasEndMarker = hasEoi,
            BytesAfterEnd = afterEnd,
            ExifOrientation = exif.Orientation,
            JpegQuality = quality,
            ChromaSubsampling = subsampling,
            Warnings = warnings,
        };
    }

    /// <summary>EXIF orientation from the first EXIF APP1 before the first scan; 1 when absent or unreadable.</summary>
    internal static int ReadExifOrientation(ReadOnlySpan<byte> data)
    {
        int pos = 2;
        while (pos + 4 <= data.Length && data[pos] == 0xFF)
        {
            byte marker = data[pos + 1];
            if (marker == 0xFF)
            {
                pos++;
                continue;
            }

            if (marker is Sos or Eoi)
            {
                break;
            }

            int length = BinaryPrimitives.ReadUInt16BigEndian(data[(pos + 2)..]);
            if (length < 2 || pos + 2 + length > data.Length)
            {
                break;
            }

            ReadOnlySpan<byte> payload = data.Slice(pos + 4, length - 2);
            if (marker == App1 && payload.Length >= 6 && payload[..6].SequenceEqual(ExifReader.Identifier))
            {
                return ExifReader.Read(payload[6..], null).Orientation;
            }

            pos += 2 + length;
        }

        return 1;
    }

    /// <summary>
    /// From <paramref name="start"/> inside entropy-coded data, finds the FF of the next real marker: FF00 is a stuffed
    /// byte, FFD0-FFD7 are restart markers that belong to the scan, and runs of FF are fill. Returns -1 at end of data.
    /// </summary>
    internal static int FindMarker(ReadOnlySpan<byte> data, int start)
    {
        int i = start;
        while (true)
        {
            int rel = data[i..].IndexOf((byte)0xFF);
            if (rel < 0)
            {
                return -1;
            }

            i += rel;
            int j = i + 1;
            while (j < data.Length && data[j] == 0xFF)
            {
                j++;
            }

            if (j >= data.Length)
            {
                return -1;
            }

            byte code = data[j];
            if (code == 0x00 || code is >= 0xD0 and <= 0xD7)
            {
                i = j + 1;
                if (i >= data.Length)
                {
                    return -1;
                }

                continue;
            }

            return j - 1; // position of the FF immediately before the marker code
        }
    }

    /// <summary>From the SOF component list: Y sampling factors against Cb/Cr at 1x1.</summary>
    private static ChromaSubsamplingKind ReadSubsampling(ReadOnlySpan<byte> sof)
    {
        int count = sof[5];
        if (count != 3 || sof.Length < 6 + 9)
        {
            return ChromaSubsamplingKind.None;
        }

        int y = sof[7];
        int cb = sof[10];
        int cr = sof[13];
        if (cb != 0x11 || cr != 0x11)
        {
            return ChromaSubsamplingKind.Other;
        }

        return y switch
        {
            0x11 => ChromaSubsamplingKind.Chroma444,
            0x21 => ChromaSubsamplingKind.Chroma422,
            0x22 => ChromaSubsamplingKind.Chroma420,
            0x12 => ChromaSubsamplingKind.Chroma440,
            _ => ChromaSubsamplingKind.Other,
        };
    }

    private static bool IsStartOfFrame(byte marker) =>
        marker is >= 0xC0 and <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;

    private static (DensityUnit Unit, double X, double Y, DensitySource Source) ChooseDensity(JfifDensity? jfif, ExifFacts exif)
    {
        if (jfif is { Unit: 1 or 2 } j)
        {
            return ((DensityUnit)j.Unit, j.X, j.Y, DensitySource.Jfif);
        }

        if (exif.HasResolution)
        {
            // ResolutionUnit: 1 none, 2 inch (TIFF default when absent), 3 centimetre.
            int unit = exif.ResolutionUnit == 0 ? 2 : exif.ResolutionUnit;
            if (unit is 2 or 3)
            {
                return (unit == 2 ? DensityUnit.DotsPerInch : DensityUnit.DotsPerCentimetre, exif.XResolution, exif.YResolution, DensitySource.Exif);
            }
        }

        if (jfif is { } aspect)
        {
            return (DensityUnit.None, aspect.X, aspect.Y, DensitySource.Jfif);
        }

        return (DensityUnit.None, 0, 0, DensitySource.None);
    }

    private readonly record struct JfifDensity(byte Unit, int X, int Y);
}
