using System.Buffers.Binary;
using static SocialCard.Imaging.Inspection.JpegInspector;

namespace SocialCard.Imaging.Inspection;

/// <summary>
/// One walk over a JPEG's markers for <see cref="JpegInspector.Inspect"/>: find each marker (resynchronising over
/// unexpected bytes), read the segment that follows it and the facts it holds (frame, quantisation, JFIF, EXIF), skip
/// the entropy-coded data after SOS, stop at EOI; then warn about missing parts and choose the density.
/// </summary>
/// <remarks>
/// Density precedence: a JFIF APP0 whose unit is 1 (dpi) or 2 (dpcm) wins; otherwise EXIF X/YResolution with
/// ResolutionUnit 2 (inch, also the TIFF default when the tag is absent) or 3 (cm); otherwise a JFIF APP0 with unit 0
/// is reported as an aspect ratio (<see cref="DensityUnit.None"/>); otherwise no density.
/// </remarks>
internal ref struct JpegInspectorCore
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly List<string> _warnings = [];
    private int _pos = 2; // after FF D8 (the sniffer already matched it)
    private int _width;
    private int _height;
    private int _components;
    private int _precision;
    private bool _progressive;
    private bool _sawSof;
    private bool _sawSos;
    private bool _hasEoi;
    private long _afterEnd;
    private JfifDensity? _jfif;
    private ExifFacts _exif = ExifFacts.None;
    private bool _sawExif;
    private bool _scanTruncated;
    private int? _quality;
    private ChromaSubsamplingKind _subsampling = ChromaSubsamplingKind.None;

    public JpegInspectorCore(ReadOnlySpan<byte> data)
    {
        _data = data;
    }

    public ContainerInfo Inspect()
    {
        Span<ushort> quant = stackalloc ushort[64];
        while (_pos < _data.Length && NextMarker(out byte marker, out int markerStart) && ReadMarker(marker, markerStart, quant))
        {
        }

        WarnAboutMissingParts();
        return Facts();
    }

    /// <summary>
    /// Moves to the next marker code (over unexpected bytes, with a warning, and over FF fill bytes). False when the data
    /// ends first.
    /// </summary>
    private bool NextMarker(out byte marker, out int markerStart)
    {
        marker = 0;
        markerStart = 0;
        if (_data[_pos] != 0xFF)
        {
            int resync = FindMarker(_data, _pos);
            int skipped = resync < 0 ? _data.Length - _pos : resync - _pos;
            _warnings.Add($"偏移 {_pos} 处有 {skipped} 字节无法识别的数据 / {skipped} unexpected bytes at offset {_pos} (expected a marker).");
            if (resync < 0)
            {
                return false;
            }

            _pos = resync;
        }

        // Fill bytes: any number of FF before the marker code.
        while (_pos < _data.Length && _data[_pos] == 0xFF)
        {
            _pos++;
        }

        if (_pos >= _data.Length)
        {
            _warnings.Add("文件在标记处截断 / File ends inside a marker.");
            return false;
        }

        marker = _data[_pos];
        markerStart = _pos - 1;
        _pos++;
        return true;
    }

    /// <summary>Handles one marker: a standalone one, or the segment that follows it. False when the walk ends here.</summary>
    private bool ReadMarker(byte marker, int markerStart, scoped Span<ushort> quant)
    {
        if (marker == Eoi)
        {
            _hasEoi = true;
            _afterEnd = _data.Length - _pos;
            if (!_sawSos)
            {
                _warnings.Add("在图像数据之前遇到结束标记 EOI / End-of-image marker before any scan.");
            }

            return false;
        }

        if (marker == Soi)
        {
            _warnings.Add($"偏移 {markerStart} 处出现重复的 SOI 标记 / Repeated SOI marker at offset {markerStart}.");
            return true;
        }

        if (marker is >= 0xD0 and <= 0xD7 || marker == 0x01 || marker == 0x00)
        {
            if (marker == 0x00)
            {
                _warnings.Add($"偏移 {markerStart} 处标记无效 (FF00) / Invalid marker FF00 at offset {markerStart}.");
            }

            return true; // standalone markers: no length
        }

        return ReadSegment(marker, quant);
    }

    /// <summary>
    /// Reads the length and payload of a marker segment and the facts it holds; after SOS skips the entropy-coded data.
    /// False when the segment or the scan is cut short.
    /// </summary>
    private bool ReadSegment(byte marker, scoped Span<ushort> quant)
    {
        if (_pos + 2 > _data.Length)
        {
            _warnings.Add($"标记 FF{marker:X2} 的段长度被截断 / Segment length of marker FF{marker:X2} truncated.");
            return false;
        }

        int length = BinaryPrimitives.ReadUInt16BigEndian(_data[_pos..]);
        if (length < 2)
        {
            _warnings.Add($"标记 FF{marker:X2} 的段长度无效（{length}） / Invalid segment length {length} for marker FF{marker:X2}.");
            return false;
        }

        bool truncated = _pos + length > _data.Length;
        ReadOnlySpan<byte> payload = truncated ? _data[(_pos + 2)..] : _data.Slice(_pos + 2, length - 2);
        if (truncated)
        {
            _warnings.Add($"标记 FF{marker:X2} 的数据段被截断（声明 {length} 字节，剩余 {_data.Length - _pos} 字节） / " +
                          $"Segment FF{marker:X2} truncated (declares {length} bytes, {_data.Length - _pos} left).");
        }

        ReadSegmentFacts(marker, payload, quant);
        if (truncated)
        {
            return false;
        }

        _pos += length;
        return marker != Sos || SkipScan();
    }

    /// <summary>The facts one segment holds: frame (SOF), quality (first DQT), JFIF density (APP0), EXIF (first APP1).</summary>
    private void ReadSegmentFacts(byte marker, ReadOnlySpan<byte> payload, scoped Span<ushort> quant)
    {
        if (IsStartOfFrame(marker))
        {
            ReadFrame(marker, payload);
        }
        else if (marker == Dqt && _quality is null && JpegQualityEstimator.TryReadLuminanceTable(payload, quant))
        {
            _quality = JpegQualityEstimator.Estimate(quant);
        }
        else if (marker == App0 && payload.Length >= 12 && payload[..5].SequenceEqual("JFIF\0"u8) && _jfif is null)
        {
            _jfif = new JfifDensity(payload[7], BinaryPrimitives.ReadUInt16BigEndian(payload[8..]), BinaryPrimitives.ReadUInt16BigEndian(payload[10..]));
        }
        else if (marker == App1 && !_sawExif && payload.Length >= 6 && payload[..6].SequenceEqual(ExifReader.Identifier))
        {
            _sawExif = true;
            _exif = ExifReader.Read(payload[6..], _warnings);
        }
    }

    /// <summary>The first start-of-frame: size, components, precision, progressive, chroma subsampling.</summary>
    private void ReadFrame(byte marker, ReadOnlySpan<byte> payload)
    {
        if (_sawSof)
        {
            _warnings.Add("出现多个 SOF 帧头 / More than one start-of-frame marker.");
        }
        else if (payload.Length >= 6)
        {
            _sawSof = true;
            _precision = payload[0];
            _height = BinaryPrimitives.ReadUInt16BigEndian(payload[1..]);
            _width = BinaryPrimitives.ReadUInt16BigEndian(payload[3..]);
            _components = payload[5];
            _progressive = marker is 0xC2 or 0xC6 or 0xCA or 0xCE;
            _subsampling = ReadSubsampling(payload);
            if (_width == 0 || _height == 0)
            {
                _warnings.Add($"SOF 帧头中的尺寸无效（{_width}x{_height}） / Invalid frame size {_width}x{_height} in SOF.");
            }
        }
        else
        {
            _warnings.Add("SOF 帧头过短 / Start-of-frame segment too short.");
        }
    }

    /// <summary>Skips the entropy-coded data after SOS to the next marker. False when the data ends first (no EOI).</summary>
    private bool SkipScan()
    {
        _sawSos = true;
        if (!_sawSof)
        {
            _warnings.Add("扫描数据前没有 SOF 帧头 / Scan before any start-of-frame marker.");
        }

        int next = FindMarker(_data, _pos);
        if (next < 0)
        {
            _warnings.Add("扫描数据被截断，缺少结束标记 EOI（图像不完整） / Scan data truncated: no end-of-image marker (image incomplete).");
            _scanTruncated = true;
            return false;
        }

        _pos = next;
        return true;
    }

    private readonly void WarnAboutMissingParts()
    {
        if (!_sawSof)
        {
            _warnings.Add("缺少 SOF 帧头（无图像尺寸） / No start-of-frame marker (no image size).");
        }

        if (!_sawSos)
        {
            _warnings.Add("缺少 SOS 扫描数据 / No start-of-scan marker (no image data).");
        }

        if (!_hasEoi && !_scanTruncated)
        {
            _warnings.Add("缺少结束标记 EOI（文件不完整） / Missing end-of-image marker (file incomplete).");
        }

        if (_afterEnd > 0)
        {
            _warnings.Add($"结束标记 EOI 之后还有 {_afterEnd} 字节 / {_afterEnd} bytes after the end-of-image marker.");
        }
    }

    private readonly ContainerInfo Facts()
    {
        (DensityUnit unit, double dx, double dy, DensitySource source) = ChooseDensity(_jfif, _exif);
        return new ContainerInfo
        {
            Format = ImageFormat.Jpeg,
            Width = _width,
            Height = _height,
            Components = _components,
            BitsPerSample = _precision,
            BitsPerPixel = _components * _precision,
            IsProgressive = _progressive,
            DensityUnit = unit,
            DensityX = dx,
            DensityY = dy,
            DensitySource = source,
            HasEndMarker = _hasEoi,
            BytesAfterEnd = _afterEnd,
            ExifOrientation = _exif.Orientation,
            JpegQuality = _quality,
            ChromaSubsampling = _subsampling,
            Warnings = _warnings,
        };
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
