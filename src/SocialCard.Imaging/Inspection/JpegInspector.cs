using System.Buffers.Binary;

namespace SocialCard.Imaging.Inspection;

/// <summary>
/// Walks JPEG markers without decoding: SOF (size, components, precision, progressive), APP0 JFIF and APP1 EXIF
/// (density, orientation), SOS followed by a scan of the entropy-coded data (FF00 stuffing and RSTn skipped) for the
/// next marker, and finally EOI.
/// </summary>
internal static class JpegInspector
{
    internal const byte Soi = 0xD8;
    internal const byte Eoi = 0xD9;
    internal const byte Sos = 0xDA;
    internal const byte App0 = 0xE0;
    internal const byte App1 = 0xE1;
    internal const byte Dqt = 0xDB;

    /// <summary>Container facts of a JPEG whose SOI the sniffer already matched (<see cref="JpegInspectorCore"/>).</summary>
    public static ContainerInfo Inspect(ReadOnlySpan<byte> data) => new JpegInspectorCore(data).Inspect();

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
}
