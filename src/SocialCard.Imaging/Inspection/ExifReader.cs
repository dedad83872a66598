using System.Buffers.Binary;

namespace SocialCard.Imaging.Inspection;

/// <summary>
/// Reads orientation and resolution from IFD0 of an EXIF block (the TIFF structure after "Exif\0\0").
/// Every offset is bounds-checked: a damaged block yields <see cref="ExifFacts.None"/> or partial facts and a warning.
/// </summary>
internal static class ExifReader
{
    private const ushort TagOrientation = 0x0112;
    private const ushort TagXResolution = 0x011A;
    private const ushort TagYResolution = 0x011B;
    private const ushort TagResolutionUnit = 0x0128;
    private const ushort TypeShort = 3;
    private const ushort TypeLong = 4;
    private const ushort TypeRational = 5;

    /// <summary>The EXIF APP1 payload starts with this identifier.</summary>
    public static ReadOnlySpan<byte> Identifier => "Exif\0\0"u8;

    public static ExifFacts Read(ReadOnlySpan<byte> tiff, List<string>? warnings)
    {
        if (tiff.Length < 8)
        {
            warnings?.Add("EXIF 数据过短 / EXIF block too short.");
            return ExifFacts.None;
        }

        bool little;
        if (tiff[0] == (byte)'I' && tiff[1] == (byte)'I')
        {
            little = true;
        }
        else if (tiff[0] == (byte)'M' && tiff[1] == (byte)'M')
        {
            little = false;
        }
        else
        {
            warnings?.Add("EXIF 字节序标记无效 / EXIF byte-order mark invalid.");
            return ExifFacts.None;
        }

        if (U16(tiff, 2, little) != 42)
        {
            warnings?.Add("EXIF TIFF 头无效 / EXIF TIFF header invalid.");
            return ExifFacts.None;
        }

        uint ifdOffset = U32(tiff, 4, little);
        if (ifdOffset < 8 || ifdOffset > (uint)tiff.Length - 2)
        {
            warnings?.Add("EXIF IFD0 偏移越界 / EXIF IFD0 offset out of range.");
            return ExifFacts.None;
        }

        int ifd = (int)ifdOffset;
        int count = U16(tiff, ifd, little);
        int orientation = 1;
        int unit = 0;
        double xRes = 0;
        double yRes = 0;
        bool hasX = false;
        bool hasY = false;
        for (int i = 0; i < count; i++)
        {
            int entry = ifd + 2 + (i * 12);
            if (entry + 12 > tiff.Length)
            {
                warnings?.Add("EXIF IFD0 被截断 / EXIF IFD0 truncated.");
                break;
            }

            ushort tag = U16(tiff, entry, little);
            ushort type = U16(tiff, entry + 2, little);
            switch (tag)
            {
                case TagOrientation when type == TypeShort:
                    int o = U16(tiff, entry + 8, little);
                    if (o is >= 1 and <= 8)
                    {
                        orientation = o;
                    }
                    else
                    {
                        warnings?.Add($"EXIF 方向值无效（{o}） / EXIF orientation value {o} invalid.");
                    }

                    break;
                case TagResolutionUnit when type == TypeShort:
                    unit = U16(tiff, entry + 8, little);
                    break;
                case TagResolutionUnit when type == TypeLong:
                    unit = (int)Math.Min(U32(tiff, entry + 8, little), 1000u);
                    break;
                case TagXResolution when type == TypeRational:
                    hasX = TryRational(tiff, U32(tiff, entry + 8, little), little, out xRes);
                    break;
                case TagYResolution when type == TypeRational:
                    hasY = TryRational(tiff, U32(tiff, entry + 8, little), little, out yRes);
                    break;
                default:
                    break;
            }
        }

        return new ExifFacts(orientation, xRes, yRes, unit, hasX && hasY);
    }

    private static bool TryRational(ReadOnlySpan<byte> tiff, uint offset, bool little, out double value)
    {
        value = 0;
        if (offset > (uint)tiff.Length - 8)
        {
            return false;
        }

        uint num = U32(tiff, (int)offset, little);
        uint den = U32(tiff, (int)offset + 4, little);
        if (den == 0)
        {
            return false;
        }

        value = (double)num / den;
        return true;
    }

    private static ushort U16(ReadOnlySpan<byte> s, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt16LittleEndian(s[at..]) : BinaryPrimitives.ReadUInt16BigEndian(s[at..]);

    private static uint U32(ReadOnlySpan<byte> s, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt32LittleEndian(s[at..]) : BinaryPrimitives.ReadUInt32BigEndian(s[at..]);
}
