using System.Buffers.Binary;

namespace SocialCard.Imaging.Formats.Png;

/// <summary>
/// Turns one unfiltered PNG scanline (any colour type and bit depth) into RGB24, compositing transparency over white.
/// 16-bit samples are rounded to 8 bits; sub-byte samples are scaled to the full 0-255 range.
/// </summary>
internal sealed class PngPixelConverter
{
    private readonly PngHeader _header;
    private readonly byte[] _paletteRgb;    // 256 entries x 3, already composited over white
    private readonly int _paletteCount;
    private readonly int _trnsGray = -1;    // raw sample value (bit depth of the image) that is fully transparent
    private readonly int _trnsR = -1;
    private readonly int _trnsG = -1;
    private readonly int _trnsB = -1;

    public PngPixelConverter(PngHeader header, ReadOnlySpan<byte> plte, ReadOnlySpan<byte> trns)
    {
        _header = header;
        _paletteRgb = new byte[256 * 3];
        if (header.ColorType == PngColorType.Palette)
        {
            _paletteCount = Math.Min(256, plte.Length / 3);
            for (int i = 0; i < _paletteCount; i++)
            {
                int alpha = i < trns.Length ? trns[i] : 255;
                _paletteRgb[i * 3] = OverWhite(plte[i * 3], alpha);
                _paletteRgb[(i * 3) + 1] = OverWhite(plte[(i * 3) + 1], alpha);
                _paletteRgb[(i * 3) + 2] = OverWhite(plte[(i * 3) + 2], alpha);
            }
        }
        else if (header.ColorType == PngColorType.Grayscale && trns.Length >= 2)
        {
            _trnsGray = BinaryPrimitives.ReadUInt16BigEndian(trns);
        }
        else if (header.ColorType == PngColorType.Rgb && trns.Length >= 6)
        {
            _trnsR = BinaryPrimitives.ReadUInt16BigEndian(trns);
            _trnsG = BinaryPrimitives.ReadUInt16BigEndian(trns[2..]);
            _trnsB = BinaryPrimitives.ReadUInt16BigEndian(trns[4..]);
        }
    }

    /// <summary>Palette indexes at or beyond the PLTE length were seen (painted black).</summary>
    public bool SawBadIndex { get; private set; }

    public int PaletteCount => _paletteCount;

    /// <summary>Bytes of one unfiltered row of <paramref name="width"/> pixels.</summary>
    public static long RowBytes(PngHeader header, int width) => (((long)width * header.Channels * header.BitDepth) + 7) / 8;

    public void Convert(ReadOnlySpan<byte> raw, Span<byte> rgb, int width)
    {
        int depth = _header.BitDepth;
        switch (_header.ColorType)
        {
            case PngColorType.Grayscale when depth == 8:
                for (int x = 0; x < width; x++)
                {
                    byte v = raw[x];
                    byte o = v == _trnsGray ? (byte)255 : v;
                    rgb[x * 3] = o;
                    rgb[(x * 3) + 1] = o;
                    rgb[(x * 3) + 2] = o;
                }

                break;
            case PngColorType.Grayscale when depth == 16:
                for (int x = 0; x < width; x++)
                {
                    int v16 = BinaryPrimitives.ReadUInt16BigEndian(raw[(x * 2)..]);
                    byte o = v16 == _trnsGray ? (byte)255 : To8(v16);
                    rgb[x * 3] = o;
                    rgb[(x * 3) + 1] = o;
                    rgb[(x * 3) + 2] = o;
                }

                break;
            case PngColorType.Grayscale:
                {
                    int scale = depth switch { 1 => 255, 2 => 85, _ => 17 };
                    for (int x = 0; x < width; x++)
                    {
                        int v = SubByteSample(raw, x, depth);
                        byte o = v == _trnsGray ? (byte)255 : (byte)(v * scale);
                        rgb[x * 3] = o;
                        rgb[(x * 3) + 1] = o;
                        rgb[(x * 3) + 2] = o;
                    }

                    break;
                }

            case PngColorType.Palette:
                for (int x = 0; x < width; x++)
                {
                    int index = depth == 8 ? raw[x] : SubByteSample(raw, x, depth);
                    if (index >= _paletteCount)
                    {
                        SawBadIndex = true;
                    }

                    rgb[x * 3] = _paletteRgb[index * 3];
                    rgb[(x * 3) + 1] = _paletteRgb[(index * 3) + 1];
                    rgb[(x * 3) + 2] = _paletteRgb[(index * 3) + 2];
                }

                break;
            case PngColorType.Rgb when depth == 8:
                if (_trnsR < 0)
                {
                    raw[..(width * 3)].CopyTo(rgb);
                    break;
                }

                for (int x = 0; x < width; x++)
                {
                    int i = x * 3;
                    bool transparent = raw[i] == _trnsR && raw[i + 1] == _trnsG && raw[i + 2] == _trnsB;
                    rgb[i] = transparent ? (byte)255 : raw[i];
                    rgb[i + 1] = transparent ? (byte)255 : raw[i + 1];
                    rgb[i + 2] = transparent ? (byte)255 : raw[i + 2];
                }

                break;
            case PngColorType.Rgb:
                for (int x = 0; x < width; x++)
                {
                    int r = BinaryPrimitives.ReadUInt16BigEndian(raw[(x * 6)..]);
                    int g = BinaryPrimitives.ReadUInt16BigEndian(raw[((x * 6) + 2)..]);
                    int b = BinaryPrimitives.ReadUInt16BigEndian(raw[((x * 6) + 4)..]);
                    bool transparent = r == _trnsR && g == _trnsG && b == _trnsB;
                    rgb[x * 3] = transparent ? (byte)255 : To8(r);
                    rgb[(x * 3) + 1] = transparent ? (byte)255 : To8(g);
                    rgb[(x * 3) + 2] = transparent ? (byte)255 : To8(b);
                }

                break;
            case PngColorType.GrayscaleAlpha when depth == 8:
                for (int x = 0; x < width; x++)
                {
                    byte o = OverWhite(raw[x * 2], raw[(x * 2) + 1]);
                    rgb[x * 3] = o;
                    rgb[(x * 3) + 1] = o;
                    rgb[(x * 3) + 2] = o;
                }

                break;
            case PngColorType.GrayscaleAlpha:
                for (int x = 0; x < width; x++)
                {
                    byte o = OverWhite16(BinaryPrimitives.ReadUInt16BigEndian(raw[(x * 4)..]), BinaryPrimitives.ReadUInt16BigEndian(raw[((x * 4) + 2)..]));
                    rgb[x * 3] = o;
                    rgb[(x * 3) + 1] = o;
                    rgb[(x * 3) + 2] = o;
                }

                break;
            case PngColorType.Rgba when depth == 8:
                for (int x = 0; x < width; x++)
                {
                    int a = raw[(x * 4) + 3];
                    rgb[x * 3] = OverWhite(raw[x * 4], a);
                    rgb[(x * 3) + 1] = OverWhite(raw[(x * 4) + 1], a);
                    rgb[(x * 3) + 2] = OverWhite(raw[(x * 4) + 2], a);
                }

                break;
            default: // RGBA 16
                for (int x = 0; x < width; x++)
                {
                    ReadOnlySpan<byte> p = raw.Slice(x * 8, 8);
                    int a = BinaryPrimitives.ReadUInt16BigEndian(p[6..]);
                    rgb[x * 3] = OverWhite16(BinaryPrimitives.ReadUInt16BigEndian(p), a);
                    rgb[(x * 3) + 1] = OverWhite16(BinaryPrimitives.ReadUInt16BigEndian(p[2..]), a);
                    rgb[(x * 3) + 2] = OverWhite16(BinaryPrimitives.ReadUInt16BigEndian(p[4..]), a);
                }

                break;
        }
    }

    private static int SubByteSample(ReadOnlySpan<byte> raw, int x, int depth)
    {
        int bit = x * depth;
        int shift = 8 - depth - (bit & 7);
        return (raw[bit >> 3] >> shift) & ((1 << depth) - 1);
    }

    private static byte To8(int v16) => (byte)((v16 + 128) / 257);

    /// <summary>c*a + 255*(1-a), rounded.</summary>
    private static byte OverWhite(int c, int a) => (byte)(((c * a) + (255 * (255 - a)) + 127) / 255);

    private static byte OverWhite16(int c, int a) => (byte)((((long)c * a) + (65535L * (65535 - a)) + (65535L * 257 / 2)) / (65535L * 257));
}
